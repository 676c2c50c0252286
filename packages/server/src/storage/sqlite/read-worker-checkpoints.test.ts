import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite, WRITER_CHECKPOINT_BACKSTOP_PAGES } from './open-sqlite';
import { SqliteReadWorker } from './read-worker';

const dir = mkdtempSync(join(tmpdir(), 'caredesk-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAGE = 4096;
/** The writer's own checkpoints start past this many WAL pages (the server's is larger). */
const BACKSTOP = 5_000;
const walPages = (file: string) => statSync(`${file}-wal`).size / PAGE;

/** A WAL-mode database with a table whose rows fill about a page each. */
function walDatabase(name: string) {
  const file = join(dir, name);
  const connection = new BetterSqlite3(file);
  connection.pragma('journal_mode = WAL');
  connection.exec('CREATE TABLE t (body TEXT)');
  const insert = connection.prepare('INSERT INTO t VALUES (?)');
  const write = (rows: number) =>
    connection.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run('x'.repeat(3_500));
    })();
  return { file, connection, write };
}

/** A read worker that checkpoints in place of `writer`, started as the server starts it. */
function checkpointer(
  file: string,
  writer: BetterSqlite3.Database,
  intervalMs: number,
  backstopPages = BACKSTOP,
) {
  const worker = new SqliteReadWorker(file, {
    cacheKiB: 1000,
    statements: 10,
    checkpoints: { writer, intervalMs, backstopPages },
  });
  worker.start();
  return worker;
}

describe('WAL checkpoints on the read worker of the embedded database', () => {
  it("takes checkpoints off the writer's commits and copies the WAL back from its worker", async () => {
    const { file, connection, write } = walDatabase('off-the-writer.db');
    // A timer that never fires in this test: only checkpointNow copies frames back.
    const worker = checkpointer(file, connection, 3_600_000);
    try {
      expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP);
      // Past SQLite's 1,000-page threshold in several commits: the writer copies nothing back.
      for (let i = 0; i < 6; i++) write(500);
      expect(walPages(file)).toBeGreaterThan(2_900);
      const result = await worker.checkpointNow();
      expect(result.busy).toBe(0);
      expect(result.log).toBeGreaterThan(2_900);
      expect(result.checkpointed).toBe(result.log);
      // Checkpointed to its end, the WAL starts again from its beginning at the next commit.
      write(10);
      const again = await worker.checkpointNow();
      expect(again.log).toBeLessThan(50);
      expect(connection.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 3_010 });
    } finally {
      await worker.close();
      connection.close();
    }
  });

  it('keeps the WAL bounded on its timer while the writer goes on', async () => {
    const { file, connection, write } = walDatabase('bounded.db');
    const worker = checkpointer(file, connection, 20);
    try {
      // 30 commits of 300 pages: 9,000 pages written, far more than the WAL ever holds.
      for (let i = 0; i < 30; i++) {
        write(300);
        await new Promise((r) => setTimeout(r, 30));
      }
      expect(walPages(file)).toBeLessThan(2_000);
    } finally {
      await worker.close();
      connection.close();
    }
  });

  it('keeps the WAL bounded when the writer never pauses for the worker to catch up', async () => {
    const { file, connection, write } = walDatabase('never-pauses.db');
    const worker = checkpointer(file, connection, 20, 1_000);
    try {
      // 30 commits of 300 pages back to back, as a feed at full speed writes: every look of
      // the worker finds frames written since, so only the writer's backstop starts the WAL
      // again (without it, all 9,000 pages stayed in the WAL).
      for (let i = 0; i < 30; i++) write(300);
      expect(walPages(file)).toBeLessThan(2_000);
      expect(connection.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 9_000 });
    } finally {
      await worker.close();
      connection.close();
    }
  });

  it('hands checkpoints back to the connection while the worker is down, and takes them again', async () => {
    const { file, connection, write } = walDatabase('hand-back.db');
    const worker = checkpointer(file, connection, 3_600_000);
    try {
      expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP);
      await worker.kill();
      expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      // SQLite's own checkpoints again: a commit past 1,000 pages copies the WAL back.
      write(1_500);
      write(10);
      const frames = connection.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
      expect(frames[0]!.log).toBeLessThan(50);
      // The next read starts the worker again, and it checkpoints again.
      await expect(worker.run('SELECT COUNT(*) AS n FROM t', [])).resolves.toEqual([{ n: 1_510 }]);
      expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP);
    } finally {
      await worker.close();
    }
    expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await expect(worker.checkpointNow()).rejects.toThrow(/closed/);
    connection.close();
  });

  it("runs beside the server's database, whose connection checkpoints only past its backstop", async () => {
    const file = join(dir, 'server.db');
    const database = openSqlite(file);
    const fill = async (transactions: number) => {
      for (let i = 0; i < transactions; i++)
        await database.db.transaction().execute(async (trx) => {
          for (let j = 0; j < 100; j++)
            await sql`INSERT INTO t VALUES (${'y'.repeat(3_500)})`.execute(trx);
        });
    };
    try {
      const setting = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(
        database.db,
      );
      expect(setting.rows[0]?.wal_autocheckpoint).toBe(WRITER_CHECKPOINT_BACKSTOP_PAGES);
      await sql`CREATE TABLE t (body TEXT)`.execute(database.db);
      // 2,000 pages, a pause in which the worker copies them back, 2,000 more: the second
      // half reuses the WAL from its start instead of growing it to 4,000 pages.
      await fill(20);
      await new Promise((r) => setTimeout(r, 500));
      await fill(20);
      expect(walPages(file)).toBeLessThan(3_000);
    } finally {
      await database.close();
    }
    // Both connections closed (the worker's too, though no read ran): the last one to close
    // copied the WAL back and removed it.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new BetterSqlite3(file, { readonly: true });
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 4_000 });
    reopened.close();
  });
});
