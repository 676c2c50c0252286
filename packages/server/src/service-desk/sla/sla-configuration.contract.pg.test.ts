import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../../storage/testing/test-database';
import { describeSlaConfigurationContract } from './sla-configuration.contract';

if (postgresUrlFromEnv()) {
  describeSlaConfigurationContract('postgres');
} else {
  it('PostgreSQL SLA configuration contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL SLA configuration contract suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
