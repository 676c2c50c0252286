import { onPostgres } from '../storage/testing/on-postgres';
import { describeJobQueueContract } from './job-queue.contract';
import { describeTwoWorkerDrain } from './job-queue-drain.contract';

// The same contract as job-runner.test.ts, on PostgreSQL, plus two server processes (two
// pools) sharing the queue through FOR UPDATE SKIP LOCKED.
onPostgres('job queue', () => {
  describeJobQueueContract('postgres');
  describeTwoWorkerDrain('postgres', 500);
});
