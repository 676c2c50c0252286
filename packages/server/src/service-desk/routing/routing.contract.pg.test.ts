import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../../storage/testing/test-database';
import { describeRoutingContract } from './routing.contract';

if (postgresUrlFromEnv()) {
  describeRoutingContract('postgres');
} else {
  it('PostgreSQL routing contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL routing contract suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
