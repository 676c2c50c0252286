import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../../storage/testing/test-database';
import { describeMacroContract } from './macro.contract';

if (postgresUrlFromEnv()) {
  describeMacroContract('postgres');
} else {
  it('PostgreSQL macro contract skipped: DATABASE_URL is not set', () => {
    console.warn('PostgreSQL macro contract skipped: set DATABASE_URL=postgres://... to run it.');
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
