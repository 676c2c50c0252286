import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { loadMigrations, migrate } from './migrator';

describe('migrations on the embedded database', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.dispose());

  it('applies every migration once and records its checksum', async () => {
    t = await createTestDatabase('sqlite');
    const rows = await t.database.db.selectFrom('schema_migrations').selectAll().execute();
    const files = loadMigrations('sqlite');
    expect(rows.map((r) => r.version)).toEqual(files.map((m) => m.version));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((m) => m.checksum));
    const again = await migrate(t.database);
    expect(again.applied).toEqual([]);
  });

  it('refuses to start when an applied migration was edited', async () => {
    t = await createTestDatabase('sqlite');
    await t.database.db
      .updateTable('schema_migrations')
      .set({ checksum: 'edited' })
      .where('version', '=', 1)
      .execute();
    await expect(migrate(t.database)).rejects.toThrow(/changed after it was applied/);
  });

  it('refuses a database migrated by a newer CareDesk', async () => {
    t = await createTestDatabase('sqlite');
    await t.database.db
      .insertInto('schema_migrations')
      .values({ version: 9999, name: 'future', checksum: 'x', applied_at: 'now' })
      .execute();
    await expect(migrate(t.database)).rejects.toThrow(/newer version/);
  });

  it('runs SQLite in WAL mode with synchronous=FULL and foreign keys on', async () => {
    t = await createTestDatabase('sqlite');
    const { db } = t.database;
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
    const sync = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
    const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(sync.rows[0]?.synchronous).toBe(2);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
  });

  it("keeps the two engines' migration sets in step", () => {
    const names = (e: 'sqlite' | 'postgres') =>
      loadMigrations(e).map((m) => `${m.version}_${m.name}`);
    expect(names('postgres')).toEqual(names('sqlite'));
  });
});
