import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../../storage/testing/test-database';
import { describeAdtContract } from './adt.contract';

if (postgresUrlFromEnv()) {
  describeAdtContract('postgres');
} else {
  it('PostgreSQL ADT contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL ADT contract suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
