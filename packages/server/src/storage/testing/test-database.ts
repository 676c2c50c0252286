import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database, Engine } from '../database';
import { openDatabase } from '../database';
import { migrate } from '../migrate/migrator';

/** A migrated, empty database of its own for one test file, and how to throw it away. */
export interface TestDatabase {
  database: Database;
  /** For a second process or pool onto the same database (two workers, a restarted server). */
  config: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
  dispose(): Promise<void>;
}

/** The PostgreSQL server the contract suite runs against, or null when none is configured. */
export function postgresUrlFromEnv(): string | null {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

export async function createTestDatabase(
  engine: Engine,
  /** Migrate through this version only (tests of a migration's backfill); default: all. */
  through = Infinity,
): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-test-'));
    const config = { engine: 'sqlite' as const, file: join(dir, 'caredesk.db') };
    const database = await openDatabase(config);
    await migrate(database, undefined, through);
    return {
      database,
      config,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = postgresUrlFromEnv();
  if (!adminUrl) throw new Error('DATABASE_URL is not set to a PostgreSQL URL');
  // Each test file creates and drops its own database, so runs never see each other's rows.
  const name = `caredesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const config = { engine: 'postgres' as const, url: url.toString() };
  const database = await openDatabase(config);
  await migrate(database, undefined, through);
  return {
    database,
    config,
    dispose: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
