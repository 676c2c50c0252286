import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './open-sqlite';
import { ReadWorkerError, SqliteReadWorker } from './read-worker';

const dir = mkdtempSync(join(tmpdir(), 'caredesk-read-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileDatabase(name: string) {
  const database = openSqlite(join(dir, name));
  return database;
}

describe('the read worker of the embedded database', () => {
  it('answers reads on its own connection and sees every commit of the main one at once', async () => {
    const database = fileDatabase('commits.db');
    try {
      expect(database.reads).not.toBe(database.db);
      await sql`CREATE TABLE t (n INTEGER)`.execute(database.db);
      for (const n of [1, 2, 3]) {
        await sql`INSERT INTO t VALUES (${n})`.execute(database.db);
        const seen = await sql<{ n: number }>`SELECT n FROM t ORDER BY n`.execute(database.reads);
        expect(seen.rows.map((r) => r.n)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      }
      // A transaction's writes stay its own until it commits.
      await database.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO t VALUES (4)`.execute(trx);
        const outside = await sql<{ c: number }>`SELECT COUNT(*) AS c FROM t`.execute(
          database.reads,
        );
        expect(outside.rows[0]?.c).toBe(3);
      });
      const after = await sql<{ c: number }>`SELECT COUNT(*) AS c FROM t`.execute(database.reads);
      expect(after.rows[0]?.c).toBe(4);
    } finally {
      await database.close();
    }
  });

  it('refuses writes and transactions, and a failing query fails alone', async () => {
    const database = fileDatabase('refusals.db');
    try {
      await sql`CREATE TABLE t (n INTEGER)`.execute(database.db);
      await expect(sql`INSERT INTO t VALUES (1)`.execute(database.reads)).rejects.toThrow(
        /return rows only/,
      );
      await expect(database.reads.transaction().execute(() => Promise.resolve())).rejects.toThrow(
        /no transactions/,
      );
      const missing = sql`SELECT * FROM no_such_table`.execute(database.reads);
      await expect(missing).rejects.toBeInstanceOf(ReadWorkerError);
      await expect(missing).rejects.toMatchObject({ code: 'SQLITE_ERROR' });
      const rows = await sql<{ c: number }>`SELECT COUNT(*) AS c FROM t`.execute(database.reads);
      expect(rows.rows[0]?.c).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('is started again after it dies, failing only the queries it held', async () => {
    const file = join(dir, 'restart.db');
    const setup = openSqlite(file);
    await sql`CREATE TABLE t (n INTEGER)`.execute(setup.db);
    await sql`INSERT INTO t VALUES (7)`.execute(setup.db);
    const worker = new SqliteReadWorker(file, { cacheKiB: 1000, statements: 10 });
    try {
      // A query that runs for a while, cut short by the thread's end.
      const slow = worker.run(
        `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 4000000)
         SELECT COUNT(*) AS n FROM c`,
        [],
      );
      await new Promise((r) => setTimeout(r, 20));
      await worker.kill();
      await expect(slow).rejects.toThrow(/read worker stopped/);
      await expect(worker.run('SELECT n FROM t', [])).resolves.toEqual([{ n: 7 }]);
    } finally {
      await worker.close();
      await setup.close();
    }
  });

  it('once closed, refuses queries instead of starting again', async () => {
    const database = fileDatabase('closed.db');
    await sql`SELECT 1`.execute(database.reads);
    await database.close();
    await expect(sql`SELECT 1`.execute(database.reads)).rejects.toThrow();
  });

  it('an in-memory database has no worker: its reads are its own connection', async () => {
    const database = openSqlite(':memory:');
    try {
      expect(database.reads).toBe(database.db);
    } finally {
      await database.close();
    }
  });
});
