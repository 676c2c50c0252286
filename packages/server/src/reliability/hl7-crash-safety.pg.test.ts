import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  postgresUrlFromEnv,
  type TestDatabase,
} from '../storage/testing/test-database';
import { runHl7CrashRounds } from '../testing/hl7-crash-harness';
import { crashFeed, crashFeedWork } from './hl7-feed-crash';

const url = postgresUrlFromEnv();

if (!url) {
  it('PostgreSQL HL7 crash test skipped: DATABASE_URL is not set', () => {
    console.warn('PostgreSQL HL7 crash test skipped: set DATABASE_URL to run it (CI does).');
    expect(postgresUrlFromEnv()).toBeNull();
  });
} else {
  describe('the HL7 feed under SIGKILL (PostgreSQL)', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase('postgres');
    });
    afterAll(async () => t.dispose());

    it(
      'processes every message exactly once, though the server is killed 10 times during the feed',
      { timeout: 240_000 },
      async () => {
        if (t.config.engine !== 'postgres') throw new Error('expected PostgreSQL');
        const patients = 100;
        const report = await runHl7CrashRounds(
          { DATABASE_URL: t.config.url },
          crashFeed(patients),
          crashFeedWork,
          { kills: 10 },
        );
        console.info(
          `HL7 crash safety (PostgreSQL): ${JSON.stringify({ ...report, work: report.work.size })}`,
        );
        expect(report.kills).toBe(10);
        expect(report).toMatchObject({ lost: 0, duplicates: 0, notAccepted: 0 });
        for (let n = 0; n < patients; n++) {
          expect(report.work.get(`patient CRASH-${n}`), `patient CRASH-${n}`).toBe(1);
          expect(report.work.get(`finished visit CRASH-${n}`), `visit CRASH-${n}`).toBe(1);
        }
      },
    );
  });
}
