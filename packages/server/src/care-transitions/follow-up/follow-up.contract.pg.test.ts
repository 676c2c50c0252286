import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../../storage/testing/test-database';
import { describeFollowUpContract } from './follow-up.contract';

if (postgresUrlFromEnv()) {
  describeFollowUpContract('postgres');
} else {
  it('PostgreSQL follow-up contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL follow-up contract suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
