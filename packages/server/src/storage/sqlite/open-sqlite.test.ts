import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './open-sqlite';

const dir = mkdtempSync(join(tmpdir(), 'caredesk-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database connection', () => {
  it('takes the write lock when a transaction begins, so a read-then-write cannot be overtaken', async () => {
    const file = join(dir, 'immediate.db');
    const database = openSqlite(file);
    await sql`CREATE TABLE t (n INTEGER)`.execute(database.db);
    // Another connection (a CLI command beside the server) that does not wait for locks.
    const other = new BetterSqlite3(file, { timeout: 0 });
    try {
      await database.db.transaction().execute(async (trx) => {
        await sql`SELECT COUNT(*) FROM t`.execute(trx);
        expect(() => other.exec('INSERT INTO t VALUES (1)')).toThrow(/locked|busy/i);
        await sql`INSERT INTO t VALUES (2)`.execute(trx);
      });
      other.exec('INSERT INTO t VALUES (3)');
      const rows = await sql<{ n: number }>`SELECT n FROM t ORDER BY n`.execute(database.db);
      expect(rows.rows.map((r) => r.n)).toEqual([2, 3]);
    } finally {
      other.close();
      await database.close();
    }
  });

  it('reuses a prepared statement yet gives each read its own results', async () => {
    const database = openSqlite(join(dir, 'cache.db'));
    await sql`CREATE TABLE p (id TEXT)`.execute(database.db);
    await sql`INSERT INTO p VALUES ('a'), ('b')`.execute(database.db);
    const read = (id: string) =>
      sql<{ id: string }>`SELECT id FROM p WHERE id = ${id}`.execute(database.db);
    const [a, b] = await Promise.all([read('a'), read('b')]);
    expect([a.rows, b.rows]).toEqual([[{ id: 'a' }], [{ id: 'b' }]]);
    await database.close();
  });
});
