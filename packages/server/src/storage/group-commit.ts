import { sql, type Kysely } from 'kysely';
import { WalSyncer } from '../audit/wal-sync';
import type { Database } from './database';
import type { Schema } from './schema';

type Work<T> = (trx: Kysely<Schema>) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Write transactions of one kind (a new case with its routing, SLA clock and audit entry)
 * run together on SQLite: the writes that arrive while one batch commits share the next
 * transaction, and so its commit and its fsync. Each keeps its own savepoint, so one that
 * fails is rolled back alone and its caller hears its own error; the others commit. A
 * caller is answered only once its batch is durable.
 *
 * Why: SQLite has one writer, and with synchronous=FULL every commit waits for fsync on
 * the thread that runs it (~1 ms per case measured on this machine kind), which capped
 * case creation far below issue #5's 1,000/s. As in the audit store (audit-store.ts), the
 * batch commits with synchronous=NORMAL on the one connection and the WAL is then synced
 * from the thread pool, which is what FULL would have done inline
 * (https://www.sqlite.org/pragma.html#pragma_synchronous). Savepoints:
 * https://www.sqlite.org/lang_savepoint.html.
 *
 * On PostgreSQL each write is its own transaction: the server commits concurrent
 * transactions in parallel and groups their WAL flushes itself.
 */
export class GroupCommit {
  private readonly wal: WalSyncer | null;
  /** Batches committed and the writes in them (tests read it). */
  readonly stats = { batches: 0, writes: 0 };
  private queue: Pending[] = [];
  private scheduled = false;
  private flushing: Promise<void> | null = null;
  private readonly maxBatch: number;

  constructor(
    private readonly database: Database,
    options: { walFile?: string | undefined; maxBatch?: number } = {},
  ) {
    this.wal =
      database.engine === 'sqlite' && options.walFile ? new WalSyncer(options.walFile) : null;
    this.maxBatch = options.maxBatch ?? 100;
  }

  /**
   * Runs `work` in a transaction shared with other writes (SQLite) or its own (PostgreSQL).
   * `work` must read and write through the transaction it is given, and do nothing else
   * that waits: the batch waits for it.
   */
  run<T>(work: Work<T>): Promise<T> {
    if (this.database.engine !== 'sqlite') return this.database.db.transaction().execute(work);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Finishes what is queued; the WAL file handle is let go. */
  async close(): Promise<void> {
    while (this.flushing || this.scheduled || this.queue.length > 0) {
      if (!this.flushing && !this.scheduled) this.schedule();
      await (this.flushing ?? new Promise<void>((r) => setImmediate(r)));
    }
    await this.wal?.close();
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // One turn of the event loop lets requests already received join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flushLoop().finally(() => {
        this.flushing = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      await this.flush(this.queue.splice(0, this.maxBatch));
      if (this.queue.length > 0 && this.queue.length < this.maxBatch)
        await new Promise<void>((r) => setImmediate(r));
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    const body = async (trx: Kysely<Schema>) => {
      for (const p of batch) {
        await sql`SAVEPOINT grouped_write`.execute(trx);
        try {
          const value = await p.work(trx);
          await sql`RELEASE grouped_write`.execute(trx);
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sql`ROLLBACK TO grouped_write`.execute(trx);
          await sql`RELEASE grouped_write`.execute(trx);
          outcomes.push({ ok: false, error });
        }
      }
    };
    try {
      if (this.wal) {
        await this.database.db.connection().execute(async (conn) => {
          await sql`PRAGMA synchronous = NORMAL`.execute(conn);
          try {
            await conn.transaction().execute(body);
          } finally {
            await sql`PRAGMA synchronous = FULL`.execute(conn);
          }
        });
        await this.wal.sync();
      } else {
        await this.database.db.transaction().execute(body);
      }
    } catch (error) {
      // Nothing of the batch committed (or it is not known to be durable): all hear it.
      for (const p of batch) p.reject(error);
      return;
    }
    this.stats.batches += 1;
    this.stats.writes += batch.length;
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }
}
