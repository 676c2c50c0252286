import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../storage/testing/test-database';
import { describeInboxBatchContract } from './hl7-inbox-batch.contract';

if (postgresUrlFromEnv()) {
  describeInboxBatchContract('postgres');
} else {
  it('PostgreSQL HL7 batch contract skipped: DATABASE_URL is not set', () => {
    expect(postgresUrlFromEnv()).toBeNull();
  });
}
