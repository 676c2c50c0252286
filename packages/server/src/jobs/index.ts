// Durable jobs and the transactional outbox: enqueue inside your transaction, a JobRunner
// delivers at least once (see job-queue.ts for the contract handlers must honour).
export type { NewJob, JobRecord, JobRow, JobStatus } from './job-queue';
export {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_QUEUE,
  enqueue,
  getJob,
  listFailed,
  purgeDone,
  retry,
} from './job-queue';
export type { JobContext, JobHandler, JobRunnerOptions, RunSummary } from './job-runner';
export { JobRunner } from './job-runner';
export type { Backoff, ExponentialBackoffOptions } from './backoff';
export { exponentialBackoff } from './backoff';
