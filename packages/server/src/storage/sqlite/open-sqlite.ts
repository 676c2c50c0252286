import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from '../database';
import type { Schema } from '../schema';
import { readWorkerKysely, SqliteReadWorker } from './read-worker';

/**
 * The read worker's page cache: the search indexes it walks (name prefixes, summaries) at
 * 100,000 patients, while the server stays within issue #2's 200 MB.
 */
const READ_WORKER_CACHE_KIB = 4000;

/**
 * The embedded database. WAL lets readers run beside the writer; synchronous=FULL makes
 * every acknowledged commit survive power loss, not only a process crash
 * (https://www.sqlite.org/pragma.html#pragma_synchronous) — this is health data.
 */
export function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection = new BetterSqlite3(file);
  applyPragmas(connection);
  const db = new Kysely<Schema>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(connection) }),
  });
  // An in-memory database is private to its connection: nothing to share with a worker.
  const worker = file === ':memory:' ? null : readWorker(file, connection);
  const reads = worker ? readWorkerKysely(worker) : db;
  return {
    db,
    reads,
    engine: 'sqlite',
    description: `sqlite:${file}`,
    close: async () => {
      // Closed here, not only through Kysely: its destroy() skips a driver that never ran a
      // query, and the worker runs from the start (it checkpoints).
      await worker?.close();
      if (reads !== db) await reads.destroy();
      await db.destroy();
    },
    applyMigration: (script, m) => {
      const insert = connection.prepare(
        'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
      );
      connection.transaction(() => {
        connection.exec(script);
        insert.run(m.version, m.name, m.checksum, m.appliedAt);
      })();
      return Promise.resolve();
    },
  };
}

/** The read worker, started now: it checkpoints the WAL from the start (read-worker.ts). */
function readWorker(file: string, writer: BetterSqlite3.Database): SqliteReadWorker {
  const worker = new SqliteReadWorker(file, {
    cacheKiB: READ_WORKER_CACHE_KIB,
    statements: STATEMENT_CACHE_SIZE,
    checkpoints: {
      writer,
      intervalMs: CHECKPOINT_INTERVAL_MS,
      backstopPages: WRITER_CHECKPOINT_BACKSTOP_PAGES,
    },
  });
  worker.start();
  return worker;
}

/** How often the read worker looks for WAL frames to copy back; an idle look costs microseconds. */
const CHECKPOINT_INTERVAL_MS = 200;

/**
 * WAL pages (4 KiB) past which the writer's own commit copies back what the read worker has
 * not yet (read-worker.ts). Measured on the HL7 bench's feed into 100,000 patients, two runs
 * each on one host: with no backstop the WAL reached 1.1-1.6 GB and one message at a time
 * ran at 120-145 msg/s; at 16,384 pages the WAL peaked at 69 MB, 153-160 msg/s, ACK p99
 * 10-14 ms on the 500 msg/s schedule. At 4,096 pages that p99 was 25-27 ms: the writer
 * copied four times as often, and more ACKs waited behind a copy.
 */
export const WRITER_CHECKPOINT_BACKSTOP_PAGES = 16_384;

/**
 * Kysely opens transactions with a deferred BEGIN. A deferred transaction that reads and
 * then writes fails at once (SQLITE_BUSY_SNAPSHOT, no waiting) if another connection — a
 * CLI command beside the server — committed in between. IMMEDIATE takes the write lock up
 * front and waits its turn (busy_timeout) instead
 * (https://www.sqlite.org/lang_transaction.html#deferred_immediate_and_exclusive_transactions).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly dialectConfig: SqliteDialectConfig) {
    super(dialectConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.dialectConfig);
  }
}

/** Distinct SQL texts kept prepared; the app issues a few hundred at most. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query anew; preparing was a tenth of the server's CPU under the
 * read benchmark (profiled at 100,000 patients). Statements are reused by SQL text. A
 * statement still iterating is never handed out twice: a busy one gets a fresh twin.
 */
function withStatementCache(connection: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => connection.close(),
    prepare: (text: string) => {
      const hit = cache.get(text);
      if (hit && !hit.busy) return hit;
      const statement = connection.prepare(text);
      if (!hit) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * Above this the WAL is truncated when it starts over. A feed at full speed keeps it about
 * this large (the writer's backstop above; at most 69 MB measured), ordinary use far below.
 */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export function applyPragmas(connection: BetterSqlite3.Database): void {
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  // A second process (the CLI beside a running server) waits instead of failing at once.
  connection.pragma('busy_timeout = 5000');
  // A WAL that one large transaction (an import) grew is cut back once it is copied into
  // the database, instead of keeping its largest size on disk for good
  // (https://www.sqlite.org/pragma.html#pragma_journal_size_limit).
  connection.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  // Refresh planner statistics where they are missing or stale (all tables, 0x10000), by
  // sampling (0x10: a temporary analysis_limit) rather than reading every row: without that
  // bit, the first open after seeding 100,000 patients read them all for 3.8 s; with it,
  // 0.45 s, and the typeahead's query plans came out the same (measured 2026-11;
  // https://www.sqlite.org/pragma.html#pragma_optimize).
  connection.pragma('optimize = 0x10012');
}
