import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../testing/test-database';
import { describeClinicalContract } from './clinical.contract';

if (postgresUrlFromEnv()) {
  describeClinicalContract('postgres');
} else {
  it('PostgreSQL clinical contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL clinical contract suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
