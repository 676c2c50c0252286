import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type { Schema } from '../schema';

/**
 * The worker's code, kept here as text and started with `eval`: it then runs the same from
 * the server's bundle, from TypeScript under tsx and under vitest, with no file to ship
 * beside the bundle. CommonJS, plain JavaScript: it needs nothing but better-sqlite3.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.driver);
const db = new Sqlite(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('query_only = ON');
db.pragma('cache_size = -' + workerData.cacheKiB);
const statements = new Map();
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
const timer = workerData.checkpointMs
  ? setInterval(() => { try { checkpoint(); } catch {} }, workerData.checkpointMs)
  : null;
parentPort.on('message', (m) => {
  if (m.close) {
    if (timer) clearInterval(timer);
    db.close();
    parentPort.close();
    return;
  }
  try {
    if (m.checkpoint) {
      parentPort.postMessage({ id: m.id, rows: [checkpoint()] });
      return;
    }
    let s = statements.get(m.sql);
    if (!s) {
      s = db.prepare(m.sql);
      if (!s.reader) throw new Error('the read worker runs queries that return rows only');
      if (statements.size >= workerData.statements) statements.delete(statements.keys().next().value);
      statements.set(m.sql, s);
    }
    const params = m.params.map((p) => (p instanceof Uint8Array ? Buffer.from(p) : p));
    parentPort.postMessage({ id: m.id, rows: s.all(params) });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { message: String(e && e.message), code: e && e.code } });
  }
});
`;

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

type Reply =
  { id: number; rows: unknown[] } | { id: number; error: { message: string; code?: string } };

/** An error the read worker's SQLite reported, with SQLite's code as better-sqlite3 gives it. */
export class ReadWorkerError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'ReadWorkerError';
  }
}

/** SQLite's own default, given back to the writer's connection while the worker is down. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** What one checkpoint did, as `PRAGMA wal_checkpoint` reports it. */
export interface CheckpointResult {
  /** 1 if it could not finish because a reader or writer held the WAL. */
  busy: number;
  /** Frames in the WAL. */
  log: number;
  /** Frames copied back into the database so far. */
  checkpointed: number;
}

/**
 * One worker thread with a connection of its own to the embedded database, running reads
 * outside any transaction. Why: Node runs the server on one core, and SQLite work is most
 * of a staff search (issue #2 point 13: the typeahead under 10 connections was bound by the
 * one thread while the second core idled). In WAL mode a reader on another connection runs
 * beside the writer and sees every committed transaction
 * (https://www.sqlite.org/wal.html#concurrency), so a search on the worker answers as one
 * on the main connection would. Started on first use (or by start()); if it dies, the
 * queries it held fail and the next one starts it again.
 *
 * With `checkpoints`, the worker also copies the WAL back into the database on a timer, in
 * place of the writer's connection. SQLite's default is that the commit which takes the
 * WAL past 1,000 pages does it, syncing the WAL and then the database file
 * (https://www.sqlite.org/wal.html#automatic_checkpoint,
 * https://www.sqlite.org/pragma.html#pragma_synchronous): on the server that commit runs
 * on the event loop, and under issue #6's HL7 feed one commit in six paid 3.5 ms on
 * average for it (pipelined, the feed ran 5-13% faster with it here, back to back). The
 * worker checkpoints PASSIVE, never making the writer or a reader wait
 * (https://www.sqlite.org/c3ref/wal_checkpoint_v2.html); a WAL copied back to its end
 * starts again from its beginning at the next commit, so it stays about as large as the
 * writes between two looks. But a writer that never pauses (a feed at full speed) always
 * has frames the last look did not copy, the WAL never starts again, and it grew to 1.1-1.6
 * GB in one HL7 bench run, every read slower as it grew. So the writer's connection
 * keeps a backstop: past `backstopPages` its commit copies back what the worker has not
 * yet, and the next commit starts the WAL again. While the worker is down the writer's
 * connection checkpoints at SQLite's default instead. It is this thread and not one of its
 * own because a second thread cost 7-10 MB more server memory (issue #2: 200 MB).
 */
export class SqliteReadWorker {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #closed = false;

  constructor(
    private readonly file: string,
    private readonly options: {
      /** SQLite page cache of the worker's connection, KiB. */
      cacheKiB: number;
      /** Distinct SQL texts kept prepared. */
      statements: number;
      /**
       * Checkpoint the WAL in place of this connection (the writer's), every `intervalMs`;
       * the writer itself only once the WAL is past `backstopPages`.
       */
      checkpoints?: { writer: BetterSqlite3.Database; intervalMs: number; backstopPages: number };
    },
  ) {}

  /** Starts the thread now rather than on the first read (it checkpoints from the start). */
  start(): void {
    if (!this.#closed && !this.#worker) this.#start();
  }

  /** One checkpoint now, beside the timer's. */
  async checkpointNow(): Promise<CheckpointResult> {
    const rows = await this.#send({ checkpoint: true });
    return rows[0] as CheckpointResult;
  }

  run(sql: string, params: readonly unknown[]): Promise<unknown[]> {
    return this.#send({ sql, params });
  }

  /** Posts one request to the worker (started if it is not running) and awaits its reply. */
  #send(request: object): Promise<unknown[]> {
    if (this.#closed) return Promise.reject(new Error('the database is closed'));
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      worker.postMessage({ id, ...request });
      // While it owes an answer the worker keeps the process alive, and only then.
      if (this.#pending.size === 0) worker.ref();
      this.#pending.set(id, { resolve, reject });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    if (worker) {
      // The worker closes its connection and ends; cut short if it does not within a second.
      const ended = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ close: true });
      const timer = setTimeout(() => void worker.terminate(), 1000);
      await ended;
      clearTimeout(timer);
      this.#handBack();
    }
    this.#failAll(new Error('the database is closed'));
  }

  /** Ends the worker thread as a crash would (tests of what follows one). */
  async kill(): Promise<void> {
    await this.#worker?.terminate();
  }

  #start(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // Its allocations are short-lived rows; a small young generation keeps its memory
      // small (the whole server stays within issue #2's 200 MB).
      resourceLimits: {
        maxYoungGenerationSizeMb: 2,
        maxOldGenerationSizeMb: 16,
      },
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: this.file,
        cacheKiB: this.options.cacheKiB,
        statements: this.options.statements,
        checkpointMs: this.options.checkpoints?.intervalMs ?? 0,
      },
    });
    const checkpoints = this.options.checkpoints;
    checkpoints?.writer.pragma(`wal_autocheckpoint = ${checkpoints.backstopPages}`);
    worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if ('error' in reply)
        pending.reject(new ReadWorkerError(reply.error.message, reply.error.code));
      else pending.resolve(reply.rows);
    });
    const gone = (error: Error) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#handBack();
      this.#failAll(error);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the read worker stopped (exit code ${code})`)));
    // An idle worker must not keep a CLI command or a test process alive. Last: adding a
    // 'message' listener refs the worker's port again.
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  /** The writer's connection checkpoints itself again while no worker does it. */
  #handBack(): void {
    const writer = this.options.checkpoints?.writer;
    if (writer?.open) writer.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  }

  #failAll(error: Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(error);
  }
}

/**
 * A Kysely instance whose queries run on the read worker. Reads only, never in a
 * transaction: a transaction belongs on the main connection, where its writes are.
 */
export function readWorkerKysely(worker: SqliteReadWorker): Kysely<Schema> {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      return { rows: (await worker.run(query.sql, query.parameters)) as R[] };
    },
    streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error('the read worker does not stream');
    },
  };
  const refuse = () => Promise.reject(new Error('the read worker runs no transactions'));
  const driver: Driver = {
    init: () => Promise.resolve(),
    acquireConnection: () => Promise.resolve(connection),
    beginTransaction: refuse,
    commitTransaction: refuse,
    rollbackTransaction: refuse,
    releaseConnection: () => Promise.resolve(),
    destroy: () => worker.close(),
  };
  const dialect: Dialect = {
    createAdapter: (): DialectAdapter => new SqliteAdapter(),
    createDriver: () => driver,
    createIntrospector: (db: Kysely<unknown>): DatabaseIntrospector => new SqliteIntrospector(db),
    createQueryCompiler: (): QueryCompiler => new SqliteQueryCompiler(),
  };
  return new Kysely<Schema>({ dialect });
}
