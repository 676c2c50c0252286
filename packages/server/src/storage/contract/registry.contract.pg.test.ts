import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../testing/test-database';
import { describeRegistryContract } from './registry.contract';

if (postgresUrlFromEnv()) {
  describeRegistryContract('postgres');
} else {
  it('PostgreSQL storage contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL storage contract suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
