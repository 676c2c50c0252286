import type { Database } from '../storage/database';
import type { Backoff } from './backoff';
import { exponentialBackoff } from './backoff';
import type { JobRecord, JobRow } from './job-queue';
import { DEFAULT_QUEUE, listFailed, purgeDone, retry } from './job-queue';
import type { Lease } from './job-store';
import {
  claimJobs,
  describeError,
  extendLease,
  markDone,
  markFailed,
  markRetry,
  MAX_ERROR_LENGTH,
  truncate,
} from './job-store';

/** What a handler learns about the delivery besides the payload. */
export interface JobContext {
  /** Stable across redeliveries: the key to dedupe side effects on. */
  jobId: number;
  /** 1 on the first delivery; a redelivery after a crash or failure counts up. */
  attempt: number;
  kind: string;
  dedupeKey: string | null;
}

/**
 * Does the work of one job kind. Delivery is at least once, so a handler must be idempotent:
 * it may run again after it already succeeded (its worker died before recording 'done', or
 * its lease expired). Dedupe external effects on `ctx.jobId` or the job's dedupe key.
 * Throwing schedules a retry with backoff; keep patient data out of error messages, which
 * are stored in jobs.last_error.
 */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  database: Database;
  handlers: Record<string, JobHandler>;
  /** Unique per process, e.g. `${hostname()}:${process.pid}`; recorded in jobs.locked_by. */
  workerId: string;
  clock: { now(): Date };
  /** The queue this runner drains. */
  queue?: string;
  /** Wait between polls when the queue is empty. Default 1 s. */
  pollIntervalMs?: number;
  /** How long a claim lasts before another worker may take the job over. Default 5 min. */
  leaseMs?: number;
  /** Jobs claimed per poll; they run concurrently. Default 10. */
  batchSize?: number;
  /** Delay before the next attempt after a failure. Default exponentialBackoff(). */
  backoff?: Backoff;
  /**
   * While a handler runs, its lease is pushed forward this often (real time), so a slow job
   * is not redelivered to a second worker. Default leaseMs / 3; 0 turns it off.
   */
  heartbeatMs?: number;
  /** Infrastructure errors (database down, lost lease). Default: console.error. */
  onError?: (error: unknown, context: { jobId?: number; phase: string }) => void;
}

export interface RunSummary {
  claimed: number;
  done: number;
  /** Failed and scheduled again. */
  retried: number;
  /** Dead-lettered as 'failed'. */
  failed: number;
  /** Finished after another worker had taken the job over; outcome not recorded. */
  lostLease: number;
}

type Outcome = 'done' | 'retried' | 'failed' | 'lostLease';

export class JobRunner {
  readonly #database: Database;
  readonly #handlers: Record<string, JobHandler>;
  readonly #workerId: string;
  readonly #clock: { now(): Date };
  readonly #queue: string;
  readonly #pollIntervalMs: number;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  readonly #backoff: Backoff;
  readonly #heartbeatMs: number;
  readonly #onError: NonNullable<JobRunnerOptions['onError']>;

  readonly #inFlight = new Set<Promise<RunSummary>>();
  #loop: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;

  constructor(options: JobRunnerOptions) {
    this.#database = options.database;
    this.#handlers = options.handlers;
    this.#workerId = options.workerId;
    this.#clock = options.clock;
    this.#queue = options.queue ?? DEFAULT_QUEUE;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.#leaseMs = options.leaseMs ?? 5 * 60_000;
    this.#batchSize = options.batchSize ?? 10;
    this.#backoff = options.backoff ?? exponentialBackoff();
    this.#heartbeatMs = options.heartbeatMs ?? Math.floor(this.#leaseMs / 3);
    this.#onError =
      options.onError ??
      ((error, context) => console.error(`job runner ${this.#workerId}:`, context, error));
    if (this.#leaseMs <= 0 || this.#batchSize < 1 || this.#pollIntervalMs < 0) {
      throw new RangeError('leaseMs and batchSize must be positive, pollIntervalMs >= 0');
    }
  }

  /**
   * Claims one batch of due jobs and runs them. Rejects if the claim fails, or (after every
   * job in the batch has settled) if recording an outcome failed; such a job stays leased
   * and is redelivered when its lease expires.
   */
  async runOnce(): Promise<RunSummary> {
    const run = this.#runBatch();
    this.#inFlight.add(run);
    try {
      return await run;
    } finally {
      this.#inFlight.delete(run);
    }
  }

  /** Polls until `stop()`. Polls again at once while batches come back full. */
  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#poll();
  }

  /**
   * Stops polling and resolves once every in-flight job has finished and been recorded
   * (graceful shutdown: SIGTERM → stop() → close the database). No timer survives it.
   */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#loop;
    this.#loop = undefined;
    await Promise.allSettled([...this.#inFlight]);
  }

  listFailed(options: { limit?: number } = {}): Promise<JobRecord[]> {
    return listFailed(this.#database.db, { ...options, queue: this.#queue });
  }

  retry(id: number): Promise<boolean> {
    return retry(this.#database.db, id, this.#clock.now());
  }

  purgeDone(olderThan: Date): Promise<number> {
    return purgeDone(this.#database.db, olderThan);
  }

  async #poll(): Promise<void> {
    while (!this.#stopping) {
      let full = false;
      try {
        const summary = await this.runOnce();
        full = summary.claimed === this.#batchSize;
      } catch (error) {
        this.#onError(error, { phase: 'poll' });
      }
      if (!full && !this.#stopping) await this.#sleep(this.#pollIntervalMs);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }

  async #runBatch(): Promise<RunSummary> {
    const rows = await claimJobs(this.#database, {
      queue: this.#queue,
      workerId: this.#workerId,
      now: this.#clock.now(),
      leaseMs: this.#leaseMs,
      limit: this.#batchSize,
    });
    const settled = await Promise.allSettled(rows.map((row) => this.#deliver(row)));
    const summary: RunSummary = {
      claimed: rows.length,
      done: 0,
      retried: 0,
      failed: 0,
      lostLease: 0,
    };
    const errors: unknown[] = [];
    for (const result of settled) {
      if (result.status === 'fulfilled') summary[result.value] += 1;
      else errors.push(result.reason);
    }
    if (errors.length > 0) {
      throw new AggregateError(errors, `recording ${errors.length} job outcome(s) failed`);
    }
    return summary;
  }

  async #deliver(row: JobRow): Promise<Outcome> {
    const lease: Lease = { id: row.id, workerId: this.#workerId, attempt: row.attempts };
    if (row.attempts > row.max_attempts) {
      // Its last permitted delivery was claimed and never finished: the worker died or hung
      // on it, possibly because of this very job. Running it again could kill this worker too.
      const reason = `abandoned: the lease on attempt ${row.max_attempts} of ${row.max_attempts} expired before the job finished (worker crashed or hung)`;
      return this.#deadLetter(lease, reason);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch (error) {
      // A payload that is not JSON will never parse on a later attempt either.
      const reason = `payload is not valid JSON: ${describeError(error)}`;
      return this.#deadLetter(lease, reason);
    }
    const handler = Object.hasOwn(this.#handlers, row.kind) ? this.#handlers[row.kind] : undefined;
    let failure: string | undefined;
    if (!handler) {
      // Retried like any failure rather than dead-lettered at once: during a rolling deploy
      // another process may already have the handler this one lacks.
      failure = `no handler for job kind '${row.kind}' on worker '${this.#workerId}'`;
    } else {
      const stopHeartbeat = this.#startHeartbeat(lease);
      try {
        await handler(payload, {
          jobId: row.id,
          attempt: row.attempts,
          kind: row.kind,
          dedupeKey: row.dedupe_key,
        });
      } catch (error) {
        failure = describeError(error);
      } finally {
        await stopHeartbeat();
      }
    }
    const db = this.#database.db;
    const now = this.#clock.now();
    if (failure === undefined) return this.#record(lease, markDone(db, lease, now), 'done');
    const message = truncate(failure, MAX_ERROR_LENGTH);
    if (row.attempts >= row.max_attempts) {
      const reason = truncate(
        `gave up after ${row.attempts} attempts: ${message}`,
        MAX_ERROR_LENGTH,
      );
      return this.#deadLetter(lease, reason);
    }
    const delay = this.#backoff(row.attempts);
    const runAt = new Date(now.getTime() + (Number.isFinite(delay) ? Math.max(0, delay) : 0));
    return this.#record(lease, markRetry(db, lease, message, runAt, now), 'retried');
  }

  #deadLetter(lease: Lease, reason: string): Promise<Outcome> {
    const write = markFailed(this.#database.db, lease, reason, this.#clock.now());
    return this.#record(lease, write, 'failed');
  }

  async #record(lease: Lease, write: Promise<boolean>, outcome: Outcome): Promise<Outcome> {
    if (await write) return outcome;
    // Another worker re-claimed the job after our lease expired; its delivery decides.
    this.#onError(new Error(`lease on job ${lease.id} was lost before its outcome was recorded`), {
      jobId: lease.id,
      phase: 'complete',
    });
    return 'lostLease';
  }

  /** Extends the lease every heartbeatMs while a handler runs; returns how to stop it. */
  #startHeartbeat(lease: Lease): () => Promise<void> {
    if (this.#heartbeatMs <= 0) return () => Promise.resolve();
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let pending: Promise<void> = Promise.resolve();
    const schedule = () => {
      timer = setTimeout(() => {
        pending = extendLease(this.#database.db, lease, this.#clock.now(), this.#leaseMs).then(
          (held) => {
            if (held) {
              if (!stopped) schedule();
            } else if (!stopped) {
              this.#onError(new Error(`lease on job ${lease.id} was lost while running`), {
                jobId: lease.id,
                phase: 'heartbeat',
              });
            }
          },
          (error: unknown) => {
            this.#onError(error, { jobId: lease.id, phase: 'heartbeat' });
            if (!stopped) schedule();
          },
        );
      }, this.#heartbeatMs);
      // The handler's own work keeps the process alive; the heartbeat never should.
      timer.unref();
    };
    schedule();
    return async () => {
      stopped = true;
      clearTimeout(timer);
      await pending;
    };
  }
}
