import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../storage/testing/test-database';
import { describeIdentityStorage } from './identity-storage.contract';

// The identity storage contract on PostgreSQL: two pools stand for two server processes.
if (postgresUrlFromEnv() === null) {
  it('PostgreSQL identity suite skipped: DATABASE_URL not set', () => {
    console.warn(
      'identity PostgreSQL suite skipped: set DATABASE_URL=postgres://… to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
} else {
  describeIdentityStorage('postgres');
}
