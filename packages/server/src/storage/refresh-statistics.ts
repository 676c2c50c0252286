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
