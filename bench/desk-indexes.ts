import { sql } from 'kysely';
import type { Database } from '@caredesk/server/storage/database';

export interface IndexDefinition {
  name: string;
  /** The statement that created it, as the database itself reports it. */
  definition: string;
}

/**
 * The secondary indexes of `tables` as the migrations created them: what SQLite keeps in
 * sqlite_master.sql and PostgreSQL in pg_indexes.indexdef. Primary keys and UNIQUE
 * constraints (SQLite's autoindexes, PostgreSQL's constraint indexes) are not listed: they
 * stay, so duplicate ids or reply tokens still fail the seeding.
 */
export async function secondaryIndexes(
  database: Database,
  tables: readonly string[],
): Promise<IndexDefinition[]> {
  if (database.engine === 'sqlite') {
    const { rows } = await sql<{ name: string; sql: string }>`
      SELECT name, sql FROM sqlite_master
      WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${sql.join(tables)})
      ORDER BY name`.execute(database.db);
    return rows.map((r) => ({ name: r.name, definition: r.sql }));
  }
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename IN (${sql.join(tables)})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
    ORDER BY i.indexname`.execute(database.db);
  return rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
}

/**
 * Runs a bulk load with the tables' secondary indexes dropped and builds them again after
 * (also when the load fails), with the database's own definitions. Building an index once
 * over sorted keys is far cheaper than millions of random inserts into it; the usual advice
 * for bulk loads (https://www.postgresql.org/docs/current/populate.html#POPULATE-RM-INDEXES).
 * Returns the seconds spent rebuilding.
 */
export async function withoutSecondaryIndexes(
  database: Database,
  tables: readonly string[],
  load: () => Promise<void>,
): Promise<number> {
  const indexes = await secondaryIndexes(database, tables);
  for (const index of indexes) await sql`DROP INDEX ${sql.id(index.name)}`.execute(database.db);
  try {
    await load();
  } catch (e) {
    await rebuild(database, indexes).catch(() => undefined);
    throw e;
  }
  const started = performance.now();
  await rebuild(database, indexes);
  return (performance.now() - started) / 1000;
}

async function rebuild(database: Database, indexes: readonly IndexDefinition[]): Promise<void> {
  // The statements come from the database's own catalog (the migrations' text), never
  // from input; sql.raw is the only way to run a stored DDL statement as it is.
  for (const index of indexes) await sql.raw(index.definition).execute(database.db);
}
