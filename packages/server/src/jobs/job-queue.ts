import type { Kysely, Selectable, Transaction } from 'kysely';
import type { JobsTable, Schema } from '../storage/schema';

/**
 * The durable job queue and transactional outbox (security.md §3 practice 3).
 *
 * `enqueue` is called with the caller's transaction: the job row commits with the change it
 * announces, or not at all (https://microservices.io/patterns/data/transactional-outbox.html).
 * The runner then delivers it AT LEAST ONCE: a worker that dies mid-job, or whose completion
 * write is lost, causes a redelivery after its lease expires. Handlers must therefore be
 * idempotent — consumers dedupe on the job id (`ctx.jobId`) or on the `dedupeKey` they chose.
 */

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export const DEFAULT_QUEUE = 'default';
export const DEFAULT_MAX_ATTEMPTS = 10;

/** A jobs row exactly as stored (instants are ISO 8601 UTC text, payload is JSON text). */
export type JobRow = Selectable<JobsTable>;

export interface NewJob {
  /** Queue name; a runner drains one queue. Defaults to `DEFAULT_QUEUE`. */
  queue?: string;
  /** Selects the handler, e.g. 'notify.appointment-booked'. */
  kind: string;
  /** Any JSON-serialisable value. Store ids, not patient data, where you can. */
  payload: unknown;
  /**
   * Makes the enqueue idempotent: a second enqueue with the same key returns the first job's
   * id and inserts nothing, for as long as that row exists (`purgeDone` frees the key).
   */
  dedupeKey?: string;
  /** Not before this instant. Defaults to `now`. */
  runAt?: Date;
  /** Deliveries before the job is dead-lettered as 'failed'. Defaults to DEFAULT_MAX_ATTEMPTS. */
  maxAttempts?: number;
}

/** A job for dead-letter views and admin tools. */
export interface JobRecord {
  id: number;
  queue: string;
  kind: string;
  /** The parsed payload, or the raw text if it is not valid JSON. */
  payload: unknown;
  dedupeKey: string | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type Db = Kysely<Schema> | Transaction<Schema>;

/**
 * Adds a job, inside `trx` when given one (that is the outbox). Returns the job id; with a
 * `dedupeKey` already present, returns the existing job's id and changes nothing.
 */
export async function enqueue(trx: Db, job: NewJob, now: Date): Promise<number> {
  const values = newJobValues(job, now);
  // ON CONFLICT DO NOTHING is the same text on SQLite and PostgreSQL; a duplicate key is a
  // no-op rather than an error, so a retried request cannot announce its change twice.
  // https://www.postgresql.org/docs/current/sql-insert.html#SQL-ON-CONFLICT
  const inserted = await trx
    .insertInto('jobs')
    .values(values)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  // Only a dedupe_key conflict can suppress the insert (id is generated). On PostgreSQL the
  // insert waited for any concurrent transaction holding that key, and under READ COMMITTED
  // (the default) this statement takes a new snapshot, so the winner's row is visible here.
  const dedupeKey = values.dedupe_key;
  if (dedupeKey === null) throw new Error('enqueue: insert returned no id');
  const existing = await trx
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirstOrThrow();
  return existing.id;
}

function newJobValues(job: NewJob, now: Date) {
  if (job.kind.trim() === '') throw new TypeError('job kind must not be empty');
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  // JSON.stringify returns undefined (not a string) for undefined, functions and symbols.
  const payload = JSON.stringify(job.payload) as string | undefined;
  if (payload === undefined) throw new TypeError('job payload must be JSON-serialisable');
  const at = now.toISOString();
  return {
    queue: job.queue ?? DEFAULT_QUEUE,
    kind: job.kind,
    payload,
    dedupe_key: job.dedupeKey ?? null,
    status: 'pending' satisfies JobStatus,
    attempts: 0,
    max_attempts: maxAttempts,
    run_at: (job.runAt ?? now).toISOString(),
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: at,
    updated_at: at,
  };
}

/** Dead-lettered jobs, oldest failure first. */
export async function listFailed(
  db: Db,
  options: { queue?: string; limit?: number } = {},
): Promise<JobRecord[]> {
  let query = db
    .selectFrom('jobs')
    .selectAll()
    .where('status', '=', 'failed' satisfies JobStatus)
    .orderBy('updated_at')
    .orderBy('id')
    .limit(options.limit ?? 100);
  if (options.queue !== undefined) query = query.where('queue', '=', options.queue);
  const rows = await query.execute();
  return rows.map(toJobRecord);
}

/**
 * Re-queues a dead-lettered job with a fresh set of attempts, due at `now`. The last error is
 * kept for the record. Returns false when the job does not exist or is not 'failed'.
 */
export async function retry(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: 'pending' satisfies JobStatus,
      attempts: 0,
      run_at: now.toISOString(),
      locked_by: null,
      locked_until: null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'failed' satisfies JobStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes jobs that finished ('done') before `olderThan`; returns how many. Until then a done
 * row is the record that the change was announced, and it keeps its dedupe key taken.
 */
export async function purgeDone(db: Db, olderThan: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', '=', 'done' satisfies JobStatus)
    .where('updated_at', '<', olderThan.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function getJob(db: Db, id: number): Promise<JobRecord | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toJobRecord(row);
}

export function toJobRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    queue: row.queue,
    kind: row.kind,
    payload: parsePayloadLenient(row.payload),
    dedupeKey: row.dedupe_key,
    status: row.status as JobStatus,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: new Date(row.run_at),
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function parsePayloadLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
