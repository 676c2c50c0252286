import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  postgresUrlFromEnv,
  type TestDatabase,
} from '../storage/testing/test-database';
import { runMailCrashRounds } from '../testing/mail-crash-harness';

const url = postgresUrlFromEnv();

if (!url) {
  it('PostgreSQL mail crash test skipped: DATABASE_URL is not set', () => {
    console.warn('PostgreSQL mail crash test skipped: set DATABASE_URL to run it (CI does).');
    expect(postgresUrlFromEnv()).toBeNull();
  });
} else {
  describe('inbound mail under SIGKILL (PostgreSQL)', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase('postgres');
    });
    afterAll(async () => t.dispose());

    it(
      'stores every message a retrying sender delivers exactly once, though the server is killed mid-delivery',
      { timeout: 180_000 },
      async () => {
        if (t.config.engine !== 'postgres') throw new Error('expected PostgreSQL');
        const report = await runMailCrashRounds(
          { DATABASE_URL: t.config.url },
          { count: 50, kills: 4 },
        );
        console.info(`mail crash safety (PostgreSQL): ${JSON.stringify(report)}`);
        expect(report.kills).toBeGreaterThanOrEqual(3);
        expect(report).toMatchObject({ lost: 0, duplicates: 0, withoutJob: 0, stored: 50 });
      },
    );
  });
}
