import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../testing/test-database';
import { describeKnowledgeContract } from './kb.contract';

if (postgresUrlFromEnv()) {
  describeKnowledgeContract('postgres');
} else {
  it('PostgreSQL knowledge-base contract skipped: DATABASE_URL is not set', () => {
    console.warn(
      'PostgreSQL knowledge-base contract suite skipped: set DATABASE_URL=postgres://... to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
