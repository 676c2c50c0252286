import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH_TEST_AUDIT_KEY, runCrashRounds } from '../testing/crash-harness';
import {
  createTestDatabase,
  postgresUrlFromEnv,
  type TestDatabase,
} from '../storage/testing/test-database';

const url = postgresUrlFromEnv();

if (!url) {
  it('PostgreSQL crash-safety test skipped: DATABASE_URL is not set', () => {
    console.warn('PostgreSQL crash-safety test skipped: set DATABASE_URL to run it (CI does).');
    expect(postgresUrlFromEnv()).toBeNull();
  });
} else {
  describe('crash safety on PostgreSQL', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase('postgres');
    });
    afterAll(async () => t.dispose());

    it(
      'keeps every acknowledged write, and an intact audit chain, through 10 SIGKILLs of the server during a write load',
      { timeout: 180_000 },
      async () => {
        if (t.config.engine !== 'postgres') throw new Error('expected PostgreSQL');
        // The key is set explicitly: without it the server would keep one in ./data.
        const report = await runCrashRounds(
          { DATABASE_URL: t.config.url, CAREDESK_AUDIT_KEY: CRASH_TEST_AUDIT_KEY },
          10,
        );
        const summary = { ...report, lost: report.lost.length };
        console.info(`crash safety (PostgreSQL): ${JSON.stringify(summary)}`);
        expect(report.acknowledged).toBeGreaterThan(100);
        expect(report.lost).toEqual([]);
        expect(report.duplicates).toBe(0);
        expect(report.audit).toMatchObject({ ok: true, keyMatches: true });
        expect(report.audit.count).toBeGreaterThan(report.acknowledged);
      },
    );
  });
}
