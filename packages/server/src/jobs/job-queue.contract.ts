import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../storage/database';
import { openDatabase } from '../storage/database';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { enqueue, getJob, listFailed } from './job-queue';
import { claimJobs, markDone, markRetry } from './job-store';
import type { TestClock } from './job-test-support';
import {
  countJobs,
  deferred,
  handle,
  organization,
  testClock,
  testRunner,
} from './job-test-support';

/**
 * The behaviours the queue promises on every engine (security.md §3, outbox). Run by
 * job-runner.test.ts (SQLite) and job-runner.pg.test.ts (PostgreSQL). Time is a clock the
 * test moves by hand, so backoff and lease expiry are checked without sleeping.
 */

export function describeJobQueueContract(engine: Engine): void {
  describe(`job queue contract (${engine})`, () => {
    let t: TestDatabase;
    let clock: TestClock;
    beforeEach(async () => {
      t = await createTestDatabase(engine);
      clock = testClock();
    });
    afterEach(async () => t.dispose());

    it('enqueues nothing when the announcing transaction rolls back', async () => {
      const { db } = t.database;
      const at = clock.now();
      await expect(
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('organizations')
            .values(organization('o1', at.toISOString()))
            .execute();
          await enqueue(trx, { kind: 'org.created', payload: { id: 'o1' } }, at);
          throw new Error('validation failed after the write');
        }),
      ).rejects.toThrow('validation failed');
      expect(await countJobs(t.database)).toBe(0);
      const delivered: unknown[] = [];
      const runner = testRunner(t.database, clock, {
        'org.created': handle((p) => delivered.push(p)),
      });
      expect((await runner.runOnce()).claimed).toBe(0);
      expect(delivered).toEqual([]);
    });

    it('delivers a committed job exactly once with its payload and context', async () => {
      const { db } = t.database;
      const at = clock.now();
      const id = await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('organizations')
          .values(organization('o1', at.toISOString()))
          .execute();
        return enqueue(trx, { kind: 'org.created', payload: { id: 'o1', n: [1, 2] } }, at);
      });
      const seen: Array<{ payload: unknown; jobId: number; attempt: number }> = [];
      const runner = testRunner(t.database, clock, {
        'org.created': handle((payload, ctx) => seen.push({ payload, ...ctx })),
      });
      expect(await runner.runOnce()).toEqual({
        claimed: 1,
        done: 1,
        retried: 0,
        failed: 0,
        lostLease: 0,
      });
      clock.advance(3_600_000);
      expect((await runner.runOnce()).claimed).toBe(0);
      expect(seen).toEqual([
        {
          payload: { id: 'o1', n: [1, 2] },
          jobId: id,
          attempt: 1,
          kind: 'org.created',
          dedupeKey: null,
        },
      ]);
      const job = await getJob(db, id);
      expect(job).toMatchObject({ status: 'done', attempts: 1, lockedBy: null, lastError: null });
    });

    it('does not deliver before runAt', async () => {
      const at = clock.now();
      await enqueue(
        t.database.db,
        { kind: 'k', payload: 1, runAt: new Date(at.getTime() + 5_000) },
        at,
      );
      const runner = testRunner(t.database, clock, { k: handle(() => undefined) });
      expect((await runner.runOnce()).claimed).toBe(0);
      clock.advance(5_000);
      expect((await runner.runOnce()).done).toBe(1);
    });

    it('retries a failing handler with backoff and succeeds on attempt 3', async () => {
      const id = await enqueue(t.database.db, { kind: 'flaky', payload: null }, clock.now());
      const attempts: number[] = [];
      const runner = testRunner(t.database, clock, {
        flaky: handle((_p, ctx) => {
          attempts.push(ctx.attempt);
          if (ctx.attempt < 3) throw new Error(`SMTP 451 on attempt ${ctx.attempt}`);
        }),
      });
      expect((await runner.runOnce()).retried).toBe(1);
      expect(await getJob(t.database.db, id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'Error: SMTP 451 on attempt 1',
        runAt: new Date(clock.now().getTime() + 1_000),
      });
      clock.advance(999);
      expect((await runner.runOnce()).claimed).toBe(0); // backoff(1) = 1 s not yet over
      clock.advance(1);
      expect((await runner.runOnce()).retried).toBe(1);
      clock.advance(1_999);
      expect((await runner.runOnce()).claimed).toBe(0); // backoff(2) = 2 s
      clock.advance(1);
      expect((await runner.runOnce()).done).toBe(1);
      expect(attempts).toEqual([1, 2, 3]);
      expect(await getJob(t.database.db, id)).toMatchObject({ status: 'done', attempts: 3 });
    });

    it('dead-letters after maxAttempts; retry() re-queues it', async () => {
      const { db } = t.database;
      const id = await enqueue(
        db,
        { kind: 'fax', payload: { to: 'x' }, maxAttempts: 2 },
        clock.now(),
      );
      let healthy = false;
      const runner = testRunner(t.database, clock, {
        fax: handle(() => {
          if (!healthy) throw new Error('fax gateway down');
        }),
      });
      expect((await runner.runOnce()).retried).toBe(1);
      clock.advance(1_000);
      expect((await runner.runOnce()).failed).toBe(1);
      clock.advance(86_400_000);
      expect((await runner.runOnce()).claimed).toBe(0);
      const failed = await runner.listFailed();
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ id, status: 'failed', attempts: 2, payload: { to: 'x' } });
      expect(failed[0]?.lastError).toBe('gave up after 2 attempts: Error: fax gateway down');

      healthy = true;
      expect(await runner.retry(id)).toBe(true);
      expect(await runner.retry(id)).toBe(false); // no longer failed
      expect((await runner.runOnce()).done).toBe(1);
      expect(await listFailed(db)).toEqual([]);
      expect(await getJob(db, id)).toMatchObject({ status: 'done', attempts: 1 });
    });

    it('redelivers a job whose worker died once its lease expires, and fences the dead worker', async () => {
      const { db } = t.database;
      const id = await enqueue(db, { kind: 'sms', payload: 'hi' }, clock.now());
      // Worker "dead" claims the job and then never finishes it.
      const [claimed] = await claimJobs(t.database, {
        queue: 'default',
        workerId: 'dead',
        now: clock.now(),
        leaseMs: 30_000,
        limit: 10,
      });
      expect(claimed).toMatchObject({ id, status: 'running', locked_by: 'dead', attempts: 1 });
      const attempts: number[] = [];
      const runner = testRunner(t.database, clock, {
        sms: handle((_p, ctx) => attempts.push(ctx.attempt)),
      });
      expect((await runner.runOnce()).claimed).toBe(0); // still leased
      clock.advance(30_000);
      expect((await runner.runOnce()).claimed).toBe(0); // lease ends at, not before, +30 s
      clock.advance(1);
      expect((await runner.runOnce()).done).toBe(1);
      expect(attempts).toEqual([2]);
      // The dead worker waking up late cannot overwrite the newer delivery's outcome.
      expect(await markDone(db, { id, workerId: 'dead', attempt: 1 }, clock.now())).toBe(false);
      expect(await getJob(db, id)).toMatchObject({ status: 'done', attempts: 2 });
    });

    it('ignores a late outcome from a worker whose job was taken over', async () => {
      const { db } = t.database;
      const id = await enqueue(db, { kind: 'k', payload: 1 }, clock.now());
      const claim = (workerId: string) =>
        claimJobs(t.database, {
          queue: 'default',
          workerId,
          now: clock.now(),
          leaseMs: 1_000,
          limit: 1,
        });
      await claim('slow');
      clock.advance(1_001);
      expect(await claim('fresh')).toMatchObject([{ id, locked_by: 'fresh', attempts: 2 }]);
      // The slow worker finishes attempt 1 while attempt 2 is still running elsewhere.
      expect(await markDone(db, { id, workerId: 'slow', attempt: 1 }, clock.now())).toBe(false);
      expect(
        await markRetry(db, { id, workerId: 'slow', attempt: 1 }, 'late', clock.now(), clock.now()),
      ).toBe(false);
      expect(await getJob(db, id)).toMatchObject({
        status: 'running',
        lockedBy: 'fresh',
        attempts: 2,
      });
      expect(await markDone(db, { id, workerId: 'fresh', attempt: 2 }, clock.now())).toBe(true);
    });

    it('dead-letters a job whose final attempt was abandoned instead of running it again', async () => {
      const { db } = t.database;
      const id = await enqueue(db, { kind: 'poison', payload: 1, maxAttempts: 1 }, clock.now());
      await claimJobs(t.database, {
        queue: 'default',
        workerId: 'dead',
        now: clock.now(),
        leaseMs: 1_000,
        limit: 1,
      });
      clock.advance(1_001);
      let ran = false;
      const runner = testRunner(t.database, clock, { poison: handle(() => (ran = true)) });
      expect((await runner.runOnce()).failed).toBe(1);
      expect(ran).toBe(false);
      expect((await getJob(db, id))?.lastError).toMatch(
        /^abandoned: the lease on attempt 1 of 1 expired/,
      );
    });

    it('keeps jobs across a restart: enqueue, close, reopen, deliver', async () => {
      const first = await openDatabase(t.config);
      const id = await first.db
        .transaction()
        .execute((trx) => enqueue(trx, { kind: 'after-restart', payload: { v: 1 } }, clock.now()));
      await first.close();
      const second = await openDatabase(t.config);
      try {
        const seen: number[] = [];
        const runner = testRunner(second, clock, {
          'after-restart': handle((_p, ctx) => seen.push(ctx.jobId)),
        });
        expect((await runner.runOnce()).done).toBe(1);
        expect(seen).toEqual([id]);
      } finally {
        await second.close();
      }
    });

    it('treats a duplicate dedupeKey as a no-op returning the first id', async () => {
      const { db } = t.database;
      const job = { kind: 'notify', payload: { n: 1 }, dedupeKey: 'appointment:42:booked' };
      const first = await enqueue(db, job, clock.now());
      const again = await db
        .transaction()
        .execute((trx) => enqueue(trx, { ...job, payload: { n: 2 } }, clock.now()));
      expect(again).toBe(first);
      expect(await countJobs(t.database)).toBe(1);
      expect((await getJob(db, first))?.payload).toEqual({ n: 1 });
      const other = await enqueue(db, { ...job, dedupeKey: 'appointment:43:booked' }, clock.now());
      expect(other).not.toBe(first);
      const seen: Array<string | null> = [];
      const runner = testRunner(t.database, clock, {
        notify: handle((_p, ctx) => seen.push(ctx.dedupeKey)),
      });
      await runner.runOnce();
      expect(seen.sort()).toEqual(['appointment:42:booked', 'appointment:43:booked']);
    });

    it('fails an unknown kind with a clear error instead of crashing', async () => {
      const id = await enqueue(
        t.database.db,
        { kind: 'nobody.handles', payload: 1, maxAttempts: 2 },
        clock.now(),
      );
      const runner = testRunner(t.database, clock, {});
      expect((await runner.runOnce()).retried).toBe(1);
      expect((await getJob(t.database.db, id))?.lastError).toBe(
        "no handler for job kind 'nobody.handles' on worker 'worker-a'",
      );
      clock.advance(1_000);
      expect((await runner.runOnce()).failed).toBe(1);
    });

    it('stores at most 2,000 characters of an error', async () => {
      const id = await enqueue(t.database.db, { kind: 'loud', payload: 1 }, clock.now());
      const runner = testRunner(t.database, clock, {
        loud: () => Promise.reject(new Error('x'.repeat(10_000))),
      });
      await runner.runOnce();
      const error = (await getJob(t.database.db, id))?.lastError ?? '';
      expect(error).toHaveLength(2_000);
      expect(error.startsWith('Error: xxx')).toBe(true);
    });

    it('purges done jobs older than the cutoff only', async () => {
      const { db } = t.database;
      const old = await enqueue(db, { kind: 'k', payload: 1 }, clock.now());
      const runner = testRunner(t.database, clock, { k: handle(() => undefined) });
      await runner.runOnce();
      clock.advance(10_000);
      const recent = await enqueue(db, { kind: 'k', payload: 2 }, clock.now());
      await runner.runOnce();
      const waiting = await enqueue(db, { kind: 'k', payload: 3, runAt: new Date(0) }, new Date(0));
      expect(await runner.purgeDone(new Date(clock.now().getTime() - 5_000))).toBe(1);
      expect(await getJob(db, old)).toBeUndefined();
      expect(await getJob(db, recent)).toMatchObject({ status: 'done' });
      expect(await getJob(db, waiting)).toMatchObject({ status: 'pending' });
    });

    it('extends the lease of a slow handler so no second worker takes it', async () => {
      const { db } = t.database;
      const id = await enqueue(db, { kind: 'slow', payload: 1 }, clock.now());
      const started = deferred();
      const release = deferred();
      const slow = async () => {
        started.resolve();
        await release.promise;
      };
      const runA = testRunner(t.database, clock, { slow }, { leaseMs: 60_000, heartbeatMs: 5 });
      const running = runA.runOnce();
      await started.promise;
      const runB = testRunner(
        t.database,
        clock,
        { slow: handle(() => undefined) },
        { workerId: 'worker-b' },
      );
      for (let i = 0; i < 3; i++) {
        clock.advance(40_000); // past the original lease after two steps
        const target = clock.now().getTime() + 60_000;
        await expect.poll(async () => (await getJob(db, id))?.lockedUntil?.getTime()).toBe(target);
        expect((await runB.runOnce()).claimed).toBe(0);
      }
      release.resolve();
      expect((await running).done).toBe(1);
      expect(await getJob(db, id)).toMatchObject({ status: 'done', attempts: 1 });
    });

    it('start() polls; stop() waits for the job in flight and leaves nothing running', async () => {
      const { db } = t.database;
      const started = deferred();
      const release = deferred();
      let finished = false;
      const runner = testRunner(t.database, clock, {
        slow: async () => {
          started.resolve();
          await release.promise;
          finished = true;
        },
      });
      runner.start();
      const id = await enqueue(db, { kind: 'slow', payload: 1 }, clock.now());
      await started.promise;
      let stopped = false;
      const stopping = runner.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(stopped).toBe(false); // still waiting for the handler
      release.resolve();
      await stopping;
      expect(finished).toBe(true);
      expect(await getJob(db, id)).toMatchObject({ status: 'done' });
      // Nothing is polled after stop().
      const later = await enqueue(db, { kind: 'slow', payload: 2 }, clock.now());
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await getJob(db, later)).toMatchObject({ status: 'pending', attempts: 0 });
    });
  });
}
