import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database, Engine } from '../database';
import { fillMissingSummaries } from '../patients/patient-summaries';

export interface Migration {
  version: number;
  name: string;
  script: string;
  checksum: string;
}

export interface MigrationReport {
  applied: Migration[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);

/** The engine's migrations, in version order, read from `migrations/<engine>/NNNN_name.sql`. */
export function loadMigrations(engine: Engine): Migration[] {
  const dir = fileURLToPath(new URL(`${engine}/`, MIGRATIONS_DIR));
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const script = readFileSync(`${dir}${file}`, 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        script,
        checksum: createHash('sha256').update(script).digest('hex'),
      };
    });
}

/**
 * Applies every migration not yet applied. An applied migration whose file has changed
 * since is an error, never a silent re-run: schema history only moves forward, through
 * new files. On PostgreSQL an advisory lock makes two starting servers take turns.
 */
export async function migrate(
  database: Database,
  now: () => Date = () => new Date(),
  /** Stop after this version (tests of a later migration's backfill); default: all. */
  through = Infinity,
): Promise<MigrationReport> {
  const { db, engine } = database;
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`.execute(db);
  const run = async (): Promise<MigrationReport> => {
    const done = await db.selectFrom('schema_migrations').selectAll().execute();
    const known = new Map(done.map((row) => [Number(row.version), row]));
    const migrations = loadMigrations(engine);
    const applied: Migration[] = [];
    for (const m of migrations.filter((x) => x.version <= through)) {
      const row = known.get(m.version);
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.version} (${m.name}) was changed after it was applied. ` +
              'Restore the original file and add a new migration instead.',
          );
        }
        continue;
      }
      await database.applyMigration(m.script, {
        version: m.version,
        name: m.name,
        checksum: m.checksum,
        appliedAt: now().toISOString(),
      });
      applied.push(m);
    }
    const newest = migrations.at(-1)?.version ?? 0;
    const unknown = [...known.keys()].filter((v) => v > newest);
    if (unknown.length > 0) {
      throw new MigrationError(
        `The database has migrations ${unknown.join(', ')} that this CareDesk version does not know: ` +
          'it was upgraded by a newer version.',
      );
    }
    // Derived columns a SQL script cannot compute, filled once the schema has them.
    if (through === Infinity) await fillMissingSummaries(db);
    return { applied, alreadyApplied: known.size };
  };
  if (engine !== 'postgres') return run();
  // Session-level advisory lock on one pooled connection, held while migrating.
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(7243001)`.execute(conn);
    try {
      return await run();
    } finally {
      await sql`SELECT pg_advisory_unlock(7243001)`.execute(conn);
    }
  });
}
