import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { GroupCommit } from './group-commit';
import { openSqlite } from './sqlite/open-sqlite';

/** Real SQLite files: what a batch committed is read back from a second connection. */
describe('group commit (SQLite)', () => {
  let dir: string;
  let database: Database;
  let group: GroupCommit;
  const file = () => join(dir, 'group.db');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caredesk-group-'));
    database = openSqlite(file());
    await sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)`.execute(
      database.db,
    );
    group = new GroupCommit(database, { walFile: `${file()}-wal` });
  });
  afterEach(async () => {
    await group.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const add = (text: string) =>
    group.run(async (trx) => {
      await sql`INSERT INTO notes (text) VALUES (${text})`.execute(trx);
      return text.length;
    });

  async function stored(): Promise<string[]> {
    const other = openSqlite(file());
    try {
      const r = await sql<{ text: string }>`SELECT text FROM notes ORDER BY id`.execute(other.db);
      return r.rows.map((x) => x.text);
    } finally {
      await other.close();
    }
  }

  it('commits writes that arrive together in one batch, each answered with its own result', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `note ${i}`);
    expect(await Promise.all(texts.map(add))).toEqual(texts.map((t) => t.length));
    expect(await stored()).toEqual(texts);
    expect(group.stats.writes).toBe(40);
    expect(group.stats.batches).toBeLessThan(40);
  });

  it('rolls back only the write that failed; its caller hears why, the others commit', async () => {
    // Queued in this order: the second 'same' breaks the UNIQUE constraint.
    const first = add('first');
    const failing = group.run(async (trx) => {
      await sql`INSERT INTO notes (text) VALUES ('half written')`.execute(trx);
      throw new Error('the case was refused');
    });
    const same = add('same');
    const duplicate = add('same');
    const results = await Promise.allSettled([first, failing, same, duplicate]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
    ]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('the case was refused');
    expect(String((results[3] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(await stored()).toEqual(['first', 'same']);
  });

  it('finishes what is queued when closed', async () => {
    const pending = [add('a'), add('b')];
    await group.close();
    await Promise.all(pending);
    expect(await stored()).toEqual(['a', 'b']);
  });
});
