import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from './testing/on-postgres';
import { analyzeStaleTables } from './refresh-statistics';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

const lastAnalyzed = async (t: TestDatabase, table: string) =>
  (
    await sql<{ at: Date | null }>`
      SELECT COALESCE(last_analyze, last_autoanalyze) AS at FROM pg_stat_user_tables
      WHERE relname = ${table}`.execute(t.database.db)
  ).rows[0]?.at ?? null;

onPostgres('statistics test', () => {
  describe('planner statistics at start-up (PostgreSQL)', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase('postgres');
    });
    afterAll(async () => t?.dispose());

    it('analyses a table loaded in bulk and never analysed, and leaves it alone afterwards', async () => {
      await t.database.db.connection().execute(async (db) => {
        await sql`CREATE TABLE bulk_loaded (n integer)`.execute(db);
        await sql`INSERT INTO bulk_loaded SELECT generate_series(1, 5000)`.execute(db);
        // A backend reports its row counts to pg_stat_user_tables when idle, at most once a
        // second (PostgreSQL 15); this one reports at once, for the check below.
        await sql`SELECT pg_stat_force_next_flush()`.execute(db);
      });
      expect(await lastAnalyzed(t, 'bulk_loaded')).toBeNull();

      expect(await analyzeStaleTables(t.database)).toContain('bulk_loaded');
      expect(await lastAnalyzed(t, 'bulk_loaded')).not.toBeNull();
      const planned = await sql<{ reltuples: number }>`
        SELECT reltuples FROM pg_class WHERE relname = 'bulk_loaded'`.execute(t.database.db);
      expect(Number(planned.rows[0]?.reltuples)).toBe(5000);

      expect(await analyzeStaleTables(t.database)).not.toContain('bulk_loaded');
    });
  });
});
