import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../storage/testing/test-database';
import { describeAuditContract } from './audit.contract';

if (postgresUrlFromEnv()) {
  describeAuditContract('postgres');
} else {
  it('PostgreSQL audit contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL audit contract suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
