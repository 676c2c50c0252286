import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import type { Schema } from '../storage/schema';
import type { JobRow, JobStatus } from './job-queue';

/**
 * The runner's writes to the jobs table. Every write after the claim is fenced on
 * (id, status 'running', locked_by, attempts): a worker whose lease expired and whose job was
 * re-claimed by another worker cannot overwrite the newer delivery's outcome.
 */

export interface ClaimRequest {
  queue: string;
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/**
 * Leases up to `limit` due jobs to `workerId`: pending jobs whose run_at has come, and
 * running jobs whose lease expired (their worker died). Each claim counts as an attempt.
 */
export async function claimJobs(database: Database, request: ClaimRequest): Promise<JobRow[]> {
  if (request.limit < 1) return [];
  const rows =
    database.engine === 'postgres'
      ? await claimPostgres(database.db, request)
      : await claimSqlite(database.db, request);
  // RETURNING order is unspecified; hand jobs out in queue order.
  return rows.sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : a.id - b.id));
}

function claimSet(request: ClaimRequest) {
  return {
    status: 'running' satisfies JobStatus,
    locked_by: request.workerId,
    locked_until: new Date(request.now.getTime() + request.leaseMs).toISOString(),
    updated_at: request.now.toISOString(),
  };
}

/**
 * PostgreSQL: several processes claim concurrently, so the candidate rows are locked with
 * FOR UPDATE SKIP LOCKED (https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE)
 * and each worker gets a disjoint set. The selection is a MATERIALIZED CTE, not
 * `WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)`: the planner may re-run such a
 * subquery inside a nested loop and update more than n rows
 * (https://www.cybertec-postgresql.com/en/update-limit-in-postgresql/).
 */
async function claimPostgres(db: Kysely<Schema>, request: ClaimRequest): Promise<JobRow[]> {
  const now = request.now.toISOString();
  return db
    .with(
      (cte) => cte('due').materialized(),
      (qb) =>
        qb
          .selectFrom('jobs')
          .select('id')
          .where('queue', '=', request.queue)
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
              eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(request.limit)
          .forUpdate()
          .skipLocked(),
    )
    .updateTable('jobs')
    .set((eb) => ({ ...claimSet(request), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
    .returningAll('jobs')
    .execute();
}

/**
 * SQLite: one UPDATE … RETURNING statement. A write statement takes the database's single
 * write lock before it reads (https://www.sqlite.org/lang_transaction.html), so it is
 * atomic against other connections and processes exactly like BEGIN IMMEDIATE; there is no
 * row locking and no SKIP LOCKED to need. busy_timeout (open-sqlite.ts) makes a second
 * process wait for the lock instead of failing.
 */
async function claimSqlite(db: Kysely<Schema>, request: ClaimRequest): Promise<JobRow[]> {
  const now = request.now.toISOString();
  return db
    .updateTable('jobs')
    .set((eb) => ({ ...claimSet(request), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('queue', '=', request.queue)
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'pending'), w('run_at', '<=', now)]),
            w.and([w('status', '=', 'running'), w('locked_until', '<', now)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(request.limit),
    )
    .returningAll()
    .execute();
}

/** The delivery a write applies to: the row as this worker claimed it. */
export interface Lease {
  id: number;
  workerId: string;
  attempt: number;
}

/** Marks a delivered job 'done'. False when the lease was lost to another worker. */
export async function markDone(db: Kysely<Schema>, lease: Lease, now: Date): Promise<boolean> {
  return fenced(db, lease, {
    status: 'done',
    locked_by: null,
    locked_until: null,
    updated_at: now.toISOString(),
  });
}

/** Puts a failed job back as 'pending', due at `runAt`. */
export async function markRetry(
  db: Kysely<Schema>,
  lease: Lease,
  error: string,
  runAt: Date,
  now: Date,
): Promise<boolean> {
  return fenced(db, lease, {
    status: 'pending',
    run_at: runAt.toISOString(),
    locked_by: null,
    locked_until: null,
    last_error: error,
    updated_at: now.toISOString(),
  });
}

/** Dead-letters a job: 'failed', kept for `listFailed` and `retry`. */
export async function markFailed(
  db: Kysely<Schema>,
  lease: Lease,
  error: string,
  now: Date,
): Promise<boolean> {
  return fenced(db, lease, {
    status: 'failed',
    locked_by: null,
    locked_until: null,
    last_error: error,
    updated_at: now.toISOString(),
  });
}

/** Pushes the lease of a job that is still running forward to now + leaseMs. */
export async function extendLease(
  db: Kysely<Schema>,
  lease: Lease,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  return fenced(db, lease, {
    locked_until: new Date(now.getTime() + leaseMs).toISOString(),
    updated_at: now.toISOString(),
  });
}

async function fenced(
  db: Kysely<Schema>,
  lease: Lease,
  values: {
    status?: JobStatus;
    run_at?: string;
    locked_by?: null;
    locked_until?: string | null;
    last_error?: string;
    updated_at: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set(values)
    .where('id', '=', lease.id)
    .where('status', '=', 'running' satisfies JobStatus)
    .where('locked_by', '=', lease.workerId)
    .where('attempts', '=', lease.attempt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Longest last_error kept; a stack or a remote error body can be large. */
export const MAX_ERROR_LENGTH = 2000;

/** A one-line, bounded description of a thrown value for last_error. */
export function describeError(error: unknown): string {
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : `non-Error thrown: ${String(error)}`;
  return truncate(text, MAX_ERROR_LENGTH);
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Do not leave half of a surrogate pair (an emoji, say) at the end.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}
