import type { AuditEntry, AuditEntryInput, AuditMac } from '@caredesk/core';
import { chainEntries, normalizeAuditEntry, sealCheckpoint } from '@caredesk/core';
import { sql, type Kysely } from 'kysely';
import type { Database, Engine } from '../storage/database';
import type { Schema } from '../storage/schema';
import type { AuditSink } from './audit-sink';
import { WalSyncer } from './wal-sync';
import { auditKeyId } from './audit-mac';
import { assertAuditInput, entryToRow } from './audit-rows';

export interface AuditStoreOptions {
  /** Most entries one group commit writes (default 1,000). */
  maxBatch?: number;
  /**
   * The SQLite file's WAL: group commits then sync it off the event loop (wal-sync.ts)
   * instead of inside the commit. Leave out for PostgreSQL and in-memory databases.
   */
  walFile?: string;
}

interface Pending {
  entry: AuditEntryInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Rows per INSERT statement: 20 columns × 500 stays far below both engines' parameter limits. */
const ROWS_PER_INSERT = 500;

export class AuditClosedError extends Error {
  constructor() {
    super('the audit store is closed');
    this.name = 'AuditClosedError';
  }
}

/**
 * Writes the audit trail (architecture rule 2). There is deliberately no method that
 * updates or deletes an entry, and the database refuses both (migration 0004).
 *
 * The chain head is read from the database inside every writing transaction, never
 * cached: a rolled-back or failed transaction leaves nothing out of step, and several
 * server processes on one PostgreSQL share one chain (they queue on the head row lock).
 */
export class AuditStore implements AuditSink {
  private readonly db: Kysely<Schema>;
  private readonly engine: Engine;
  private readonly keyId: string;
  private readonly maxBatch: number;
  private readonly wal: WalSyncer | null;
  private queue: Pending[] = [];
  private scheduled = false;
  private flushing: Promise<void> | null = null;
  private closed = false;
  /** Group commits made by record(), the entries they carried, and WAL syncs off the event loop. */
  readonly stats = { flushes: 0, entries: 0, walSyncs: 0 };

  constructor(
    database: Pick<Database, 'db' | 'engine'>,
    private readonly mac: AuditMac,
    options: AuditStoreOptions = {},
  ) {
    this.db = database.db;
    this.engine = database.engine;
    this.keyId = auditKeyId(mac);
    this.maxBatch = Math.max(1, options.maxBatch ?? 1000);
    this.wal = options.walFile ? new WalSyncer(options.walFile) : null;
  }

  /**
   * Appends entries inside the caller's transaction: they commit or roll back with the
   * change they record. On PostgreSQL this takes the chain-head row lock until the
   * caller commits, so append as the last step of the transaction.
   */
  async appendInTransaction(trx: Kysely<Schema>, entries: AuditEntryInput[]): Promise<void> {
    await this.append(trx, entries);
  }

  /** Like appendInTransaction, returning the stored entries (seq and hashes). */
  async append(trx: Kysely<Schema>, entries: readonly AuditEntryInput[]): Promise<AuditEntry[]> {
    if (entries.length === 0) return [];
    for (const e of entries) assertAuditInput(e);
    const normalized = entries.map(normalizeAuditEntry);
    let headQuery = trx.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1);
    // PostgreSQL: one writer at a time across all processes. SQLite already has one: every
    // transaction begins IMMEDIATE (storage/sqlite/open-sqlite.ts), so the head read here
    // is never a stale snapshot that another process (the CLI beside a server) moved on.
    if (this.engine === 'postgres') headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirst();
    if (!head) throw new Error('audit_chain_head is missing: the audit trail was tampered with');
    const chained = chainEntries({ seq: Number(head.seq), hash: head.hash }, normalized, this.mac);
    for (let i = 0; i < chained.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('audit_entries')
        .values(chained.slice(i, i + ROWS_PER_INSERT).map(entryToRow))
        .execute();
    }
    const last = chained[chained.length - 1]!;
    const sealed = sealCheckpoint(last.seq, last.hash, this.mac);
    await trx
      .updateTable('audit_chain_head')
      .set({ seq: sealed.seq, hash: sealed.hash, mac: sealed.mac, key_id: this.keyId })
      .where('id', '=', 1)
      .execute();
    return chained;
  }

  /**
   * Records an entry in its own commit and resolves once it is durable (reads, denials,
   * logins). Concurrent calls share one transaction — one fsync — so the cost of
   * durability is paid once per batch, not per request (group commit). A batch starts as
   * soon as the previous one has committed; the only wait is one turn of the event loop,
   * which lets requests already received join it.
   */
  record(entry: AuditEntryInput): Promise<void> {
    if (this.closed) return Promise.reject(new AuditClosedError());
    try {
      assertAuditInput(entry);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new TypeError(String(e)));
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.schedule();
    });
  }

  /** Flushes what is queued, then refuses new entries. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing || this.scheduled || this.queue.length > 0) {
      if (!this.flushing && !this.scheduled) this.schedule();
      await (this.flushing ?? new Promise<void>((r) => setImmediate(r)));
    }
    await this.wal?.close();
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flushLoop().finally(() => {
        this.flushing = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  /**
   * One batch on SQLite: committed without waiting for fsync, on the one connection held
   * throughout (so no other transaction runs with the lowered setting), then made durable
   * by syncing the WAL on the thread pool. Callers are answered only after the sync.
   *
   * The next batch waits for this sync. Committing it during the sync instead (tried
   * with up to 2, 4 and 8 syncs in flight) made batches smaller and the read benchmark
   * slower — 3,550–3,650 req/s against 3,900–4,050 — because a commit's fixed cost (about
   * a dozen WAL frames, ~150 µs on this machine kind) is then shared by fewer requests.
   */
  private async commitThenSync(wal: WalSyncer, entries: AuditEntryInput[]): Promise<void> {
    await this.db.connection().execute(async (conn) => {
      await sql`PRAGMA synchronous = NORMAL`.execute(conn);
      try {
        await conn.transaction().execute((trx) => this.append(trx, entries));
      } finally {
        await sql`PRAGMA synchronous = FULL`.execute(conn);
      }
    });
    await wal.sync();
    this.stats.walSyncs += 1;
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      const entries = batch.map((p) => p.entry);
      try {
        if (this.wal) await this.commitThenSync(this.wal, entries);
        else await this.db.transaction().execute((trx) => this.append(trx, entries));
      } catch (error) {
        // Nothing of the batch committed and the head was not moved: every caller hears it.
        for (const p of batch) p.reject(error);
        continue;
      }
      this.stats.flushes += 1;
      this.stats.entries += batch.length;
      for (const p of batch) p.resolve();
      // Let I/O that arrived during the commit queue more entries before the next batch.
      if (this.queue.length > 0 && this.queue.length < this.maxBatch) {
        await new Promise<void>((r) => setImmediate(r));
      }
    }
  }
}
