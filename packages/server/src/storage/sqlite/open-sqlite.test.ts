import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite, WAL_SIZE_LIMIT_BYTES } from './open-sqlite';

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

  it('samples a large table it has never analysed at open instead of reading every row', async () => {
    // Written by another process (an import, the bench's seeding) and never analysed: all
    // of one organization, as a clinic's own registry is.
    const file = join(dir, 'unanalysed.db');
    const writer = new BetterSqlite3(file);
    writer.exec('CREATE TABLE r (org TEXT, name TEXT); CREATE INDEX r_org ON r (org, name)');
    const insert = writer.prepare("INSERT INTO r VALUES ('org-1', ?)");
    writer.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`name-${i % 997}`);
    })();
    writer.close();
    const database = openSqlite(file);
    await database.close();
    const stats = new BetterSqlite3(file, { readonly: true });
    try {
      const row = stats.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'r_org'").get() as {
        stat: string;
      };
      const [rows, perOrganization] = row.stat.split(' ').map(Number);
      // Analysed, with the true row count, but from a sample: read in full, all 20,000 rows
      // would share the one organization.
      expect(rows).toBe(20_000);
      expect(perOrganization).toBeLessThan(20_000);
    } finally {
      stats.close();
    }
  });

  it('gives back the disk a large transaction grew the WAL to once it is copied back', async () => {
    const file = join(dir, 'wal-limit.db');
    const database = openSqlite(file);
    try {
      await sql`CREATE TABLE b (body BLOB)`.execute(database.db);
      // One transaction of about 80 MB, as a large import writes.
      await sql`
        WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
        INSERT INTO b SELECT randomblob(3500) FROM n
      `.execute(database.db);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(WAL_SIZE_LIMIT_BYTES);
      // The read worker copies it back on its timer; the next write starts the WAL over.
      const deadline = Date.now() + 10_000;
      while (statSync(`${file}-wal`).size > WAL_SIZE_LIMIT_BYTES && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        await sql`INSERT INTO b VALUES (x'00')`.execute(database.db);
      }
      expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
      const count = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM b`.execute(database.db);
      expect(count.rows[0]!.n).toBeGreaterThan(20_000);
    } finally {
      await database.close();
    }
  });
});
