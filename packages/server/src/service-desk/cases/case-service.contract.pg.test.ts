import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../../storage/testing/test-database';
import { describeCaseContract } from './case-service.contract';

if (postgresUrlFromEnv()) {
  describeCaseContract('postgres');
} else {
  it('PostgreSQL case contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL case contract suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
