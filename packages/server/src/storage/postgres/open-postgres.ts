import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../database';
import { redactUrl } from '../database';
import type { Schema } from '../schema';

/**
 * The driver is loaded here, when PostgreSQL is chosen, not at start-up: the embedded
 * default never needs it.
 */
export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const { default: pg } = await import('pg');
  // int8 (COUNT, BIGSERIAL) arrives as a string by default; our counts and job ids fit in
  // a double, and both engines must hand repositories the same JavaScript types.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  // A statement that runs past 15 s is cancelled by the server: an abandoned request must not
  // keep a connection busy and starve the requests behind it.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, statement_timeout: 15_000 });
  // An idle client's error (server restart) must not crash the process; the next query
  // reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    reads: db,
    engine: 'postgres',
    description: redactUrl(url),
    close: () => db.destroy(),
    applyMigration: async (script, m) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // No parameters: pg sends the simple-query protocol, which runs several statements.
        await client.query(script);
        await client.query(
          'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)',
          [m.version, m.name, m.checksum, m.appliedAt],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
