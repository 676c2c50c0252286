import type { Kysely } from 'kysely';
import type { Schema } from './schema';

export type Engine = 'sqlite' | 'postgres';

/**
 * An open database: the Kysely instance every repository uses, the engine (for the few
 * dialect differences kept inside storage/), and how to close it. Built once in the
 * composition root and passed down; never a module-level singleton.
 */
export interface Database {
  readonly db: Kysely<Schema>;
  /**
   * For reads outside a transaction that may run beside the writer: on the embedded
   * database a worker thread with a connection of its own (sqlite/read-worker.ts), so a
   * search uses the second core; elsewhere the same instance as `db`. It sees what has
   * committed, never a transaction's uncommitted writes.
   */
  readonly reads: Kysely<Schema>;
  readonly engine: Engine;
  /** Where it lives, with any password removed, for logs and `caredesk` output. */
  readonly description: string;
  close(): Promise<void>;
  /**
   * Runs one migration script (several statements) and records it in schema_migrations,
   * in one transaction: a migration is applied whole or not at all.
   */
  applyMigration(script: string, record: AppliedMigration): Promise<void>;
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  appliedAt: string;
}

export type DatabaseConfig =
  { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.engine === 'sqlite') {
    const { openSqlite } = await import('./sqlite/open-sqlite');
    return openSqlite(config.file);
  }
  const { openPostgres } = await import('./postgres/open-postgres');
  return openPostgres(config.url, config.poolSize ?? 10);
}

/** A connection string with its password replaced, safe to print. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable database URL)';
  }
}
