import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../storage/database';
import { openDatabase } from '../storage/database';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { enqueue } from './job-queue';
import type { JobHandler, RunSummary } from './job-runner';
import { countJobs, testClock, testRunner } from './job-test-support';

/**
 * Two server processes sharing one queue: each worker has its own Database (its own pool on
 * PostgreSQL, its own connection on SQLite) and their runOnce calls interleave. While both
 * stay alive and leases do not expire, every job must be handled exactly once.
 */
export function describeTwoWorkerDrain(engine: Engine, jobCount: number): void {
  describe(`two workers draining one queue (${engine})`, () => {
    let t: TestDatabase;
    let first: Database;
    let second: Database;
    beforeEach(async () => {
      t = await createTestDatabase(engine);
      first = await openDatabase(t.config);
      second = await openDatabase(t.config);
    });
    afterEach(async () => {
      await first.close();
      await second.close();
      await t.dispose();
    });

    it(`handles each of ${jobCount} jobs exactly once`, async () => {
      const clock = testClock();
      await t.database.db.transaction().execute(async (trx) => {
        for (let n = 0; n < jobCount; n++) {
          await enqueue(trx, { kind: 'count', payload: { n } }, clock.now());
        }
      });
      const handled: Array<{ jobId: number; worker: string }> = [];
      const handler =
        (worker: string): JobHandler =>
        async (_payload, ctx) => {
          // Yield so the other worker's claims and completions interleave with this one.
          await new Promise((resolve) => setImmediate(resolve));
          handled.push({ jobId: ctx.jobId, worker });
        };
      const errors: unknown[] = [];
      const a = testRunner(
        first,
        clock,
        { count: handler('a') },
        { workerId: 'a', batchSize: 7 },
        errors,
      );
      const b = testRunner(
        second,
        clock,
        { count: handler('b') },
        { workerId: 'b', batchSize: 7 },
        errors,
      );

      let rounds = 0;
      for (;;) {
        rounds += 1;
        // Two concurrent polls per worker as well, as start() plus a manual runOnce could do.
        const results: RunSummary[] = await Promise.all([
          a.runOnce(),
          b.runOnce(),
          a.runOnce(),
          b.runOnce(),
        ]);
        if (results.every((r) => r.claimed === 0)) break;
        for (const r of results) expect(r.lostLease).toBe(0);
        if (rounds > jobCount) throw new Error('queue did not drain');
      }

      const ids = handled.map((h) => h.jobId);
      expect(new Set(ids).size).toBe(ids.length); // no job handled twice
      expect(ids).toHaveLength(jobCount);
      expect(errors).toEqual([]);
      const done = await t.database.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'done')
        .where('attempts', '=', 1)
        .executeTakeFirstOrThrow();
      expect(Number(done.n)).toBe(jobCount);
      expect(await countJobs(t.database)).toBe(jobCount);
      // Both workers took part (a sanity check that the test interleaves at all).
      expect(new Set(handled.map((h) => h.worker))).toEqual(new Set(['a', 'b']));
    });
  });
}
