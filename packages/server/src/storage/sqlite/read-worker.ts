import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
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
parentPort.on('message', (m) => {
  if (m.close) {
    db.close();
    parentPort.close();
    return;
  }
  try {
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

/**
 * One worker thread with a connection of its own to the embedded database, running reads
 * outside any transaction. Why: Node runs the server on one core, and SQLite work is most
 * of a staff search (issue #2 point 13: the typeahead under 10 connections was bound by the
 * one thread while the second core idled). In WAL mode a reader on another connection runs
 * beside the writer and sees every committed transaction
 * (https://www.sqlite.org/wal.html#concurrency), so a search on the worker answers as one
 * on the main connection would. Started on first use; if it dies, the queries it held fail
 * and the next one starts it again.
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
    },
  ) {}

  run(sql: string, params: readonly unknown[]): Promise<unknown[]> {
    if (this.#closed) return Promise.reject(new Error('the database is closed'));
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      worker.postMessage({ id, sql, params });
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
      },
    });
    // An idle worker must not keep a CLI command or a test process alive.
    worker.unref();
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
      this.#failAll(error);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the read worker stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
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
