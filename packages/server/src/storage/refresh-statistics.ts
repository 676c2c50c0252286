import { sql } from 'kysely';
import type { Database } from './database';

/**
 * Refreshes the query planner's statistics after a bulk load (demo data, an import).
 * PostgreSQL servers run with autovacuum off (as this project's CI machine does) never
 * learn the new row counts otherwise, and typeahead plans degrade by orders of magnitude
 * (measured: 2 req/s before, see docs/benchmarks.md). SQLite's `PRAGMA optimize` is cheap
 * and only analyses what changed (https://www.sqlite.org/pragma.html#pragma_optimize).
 */
export async function refreshStatistics(database: Database): Promise<void> {
  if (database.engine === 'postgres') await sql`ANALYZE`.execute(database.db);
  else await sql`PRAGMA optimize`.execute(database.db);
}

/**
 * At start-up, analyses the tables autovacuum would have analysed by now: those changed by
 * more than 50 rows + 10 % since their last ANALYZE (PostgreSQL's default
 * autovacuum_analyze_threshold and _scale_factor,
 * https://www.postgresql.org/docs/current/routine-vacuuming.html#VACUUM-FOR-STATISTICS).
 * A server run with autovacuum off — as this project's CI machine is — otherwise plans
 * the typeahead over a 100,000-patient table as if it were empty (14 req/s instead of
 * hundreds, docs/benchmarks.md). SQLite does the same through `PRAGMA optimize` at open.
 * Returns the tables analysed.
 */
export async function analyzeStaleTables(database: Database): Promise<string[]> {
  if (database.engine !== 'postgres') return [];
  const { rows } = await sql<{ relname: string }>`
    SELECT relname FROM pg_stat_user_tables
    WHERE schemaname = current_schema()
      AND n_mod_since_analyze > 50 + 0.1 * GREATEST(n_live_tup, 0)
    ORDER BY relname
  `.execute(database.db);
  for (const { relname } of rows) await sql`ANALYZE ${sql.id(relname)}`.execute(database.db);
  return rows.map((r) => r.relname);
}
