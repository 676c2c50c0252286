import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../testing/test-database';
import { describeTypeaheadContract } from './typeahead.contract';

if (postgresUrlFromEnv()) {
  describeTypeaheadContract('postgres');
} else {
  it('PostgreSQL typeahead contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL typeahead contract suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
