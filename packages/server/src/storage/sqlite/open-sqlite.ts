import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../database';
import type { Schema } from '../schema';

/**
 * The embedded database. WAL lets readers run beside the writer; synchronous=FULL makes
 * every acknowledged commit survive power loss, not only a process crash
 * (https://www.sqlite.org/pragma.html#pragma_synchronous) — this is health data.
 */
export function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection = new BetterSqlite3(file);
  applyPragmas(connection);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: connection }) });
  return {
    db,
    engine: 'sqlite',
    description: `sqlite:${file}`,
    close: () => db.destroy(),
    applyMigration: (script, m) => {
      const insert = connection.prepare(
        'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
      );
      connection.transaction(() => {
        connection.exec(script);
        insert.run(m.version, m.name, m.checksum, m.appliedAt);
      })();
      return Promise.resolve();
    },
  };
}

export function applyPragmas(connection: BetterSqlite3.Database): void {
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  // A second process (the CLI beside a running server) waits instead of failing at once.
  connection.pragma('busy_timeout = 5000');
  // Refresh planner statistics where they are missing or stale, within a small time
  // budget (https://www.sqlite.org/lang_analyze.html#autoanalyze, recommended at open).
  connection.pragma('optimize = 0x10002');
}
