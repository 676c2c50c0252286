import { expect, it } from 'vitest';
import { postgresUrlFromEnv } from '../storage/testing/test-database';
import { describeJobQueueContract } from './job-queue.contract';
import { describeTwoWorkerDrain } from './job-queue-drain.contract';

// The same contract as job-runner.test.ts, on PostgreSQL, plus two server processes (two
// pools) sharing the queue through FOR UPDATE SKIP LOCKED.
if (postgresUrlFromEnv() === null) {
  it('PostgreSQL suite skipped: DATABASE_URL not set', () => {
    console.warn(
      'job queue PostgreSQL suite skipped: set DATABASE_URL=postgres://… to run it (CI does).',
    );
    expect(postgresUrlFromEnv()).toBeNull();
  });
} else {
  describeJobQueueContract('postgres');
  describeTwoWorkerDrain('postgres', 500);
}
