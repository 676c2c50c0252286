import type { Database } from '../storage/database';
import type { JobContext, JobHandler, JobRunnerOptions } from './job-runner';
import { JobRunner } from './job-runner';

// Helpers shared by the job queue contract suites (test code only).

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function testClock(start = '2030-01-15T09:00:00.000Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}

/** A runner with test-friendly defaults: linear backoff, no heartbeat, errors collected. */
export function testRunner(
  database: Database,
  clock: TestClock,
  handlers: Record<string, JobHandler>,
  overrides: Partial<JobRunnerOptions> = {},
  errors: unknown[] = [],
): JobRunner {
  return new JobRunner({
    database,
    handlers,
    clock,
    workerId: 'worker-a',
    pollIntervalMs: 10,
    leaseMs: 60_000,
    batchSize: 10,
    backoff: (attempt) => attempt * 1_000,
    heartbeatMs: 0,
    onError: (error) => errors.push(error),
    ...overrides,
  });
}

/** A handler from synchronous test code; a throw becomes a rejected promise. */
export function handle(fn: (payload: unknown, ctx: JobContext) => unknown): JobHandler {
  return (payload, ctx) => Promise.resolve().then(() => void fn(payload, ctx));
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export async function countJobs(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function organization(id: string, at: string) {
  return {
    id,
    name: 'Riverside Clinic',
    kind: 'prov',
    data: '{}',
    source_key: null,
    content_hash: 'x',
    created_at: at,
    updated_at: at,
  };
}
