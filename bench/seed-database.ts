import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { importBatchSize } from '@caredesk/core';
import type { Config } from '@caredesk/server/config/config';
import { generatePatientsStream } from '@caredesk/server/demo/generate-demo';
import { ensureHomeOrganization } from '@caredesk/server/organizations/home-organization';
import { openDatabase, type DatabaseConfig, type Engine } from '@caredesk/server/storage/database';
import { migrate } from '@caredesk/server/storage/migrate/migrator';
import { writeSeedBatch } from './seed-writer';

/** One throw-away database for a benchmark run: how to open it, how the server finds it, how to drop it. */
export interface BenchDatabase {
  engine: Engine;
  config: DatabaseConfig;
  /** Environment for `caredesk serve` (CAREDESK_DATA_DIR or DATABASE_URL, CAREDESK_AUDIT_KEY). */
  env: Record<string, string>;
  /**
   * The same as Config overrides, for work done in this process on the server's database
   * (issuing a token, provisioning an account, importing): same database, same audit key.
   */
  overrides: Partial<Config>;
  /** Where it lives, without credentials. */
  label: string;
  dispose(): Promise<void>;
}

/**
 * The audit-chain key of every benchmark database, set for the server (CAREDESK_AUDIT_KEY)
 * and for this process alike, so both append to one verifiable chain. Throw-away data only.
 */
export const BENCH_AUDIT_KEY = 'caredesk-benchmark-audit-key-not-a-secret-0123456789';

export const DEFAULT_ADMIN_URL = 'postgres://root@127.0.0.1:5432/postgres';

/** The PostgreSQL server to create benchmark databases on: DATABASE_URL, else the local one. */
export function adminUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : DEFAULT_ADMIN_URL;
}

/** Why PostgreSQL cannot be used, or null when it answers. */
export async function postgresUnavailable(adminUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** An empty data directory; the SQLite file is <dir>/caredesk.db, as the server would place it. */
export function createSqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-bench-'));
  const file = join(dir, 'caredesk.db');
  return {
    engine: 'sqlite',
    config: { engine: 'sqlite', file },
    env: { CAREDESK_DATA_DIR: dir, DATABASE_URL: '', CAREDESK_AUDIT_KEY: BENCH_AUDIT_KEY },
    overrides: { dataDir: dir, auditKey: BENCH_AUDIT_KEY },
    label: `sqlite:${file}`,
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh database `caredesk_bench_<random>` on the PostgreSQL server; dispose drops it. */
export async function createPostgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  // The name is generated here (hex only), never taken from input, so it is safe in DDL.
  const name = `caredesk_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    config: { engine: 'postgres', url: url.toString() },
    env: { DATABASE_URL: url.toString(), CAREDESK_AUDIT_KEY: BENCH_AUDIT_KEY },
    overrides: { databaseUrl: url.toString(), auditKey: BENCH_AUDIT_KEY },
    label: `postgres:${url.host}/${name}`,
    dispose: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function createBenchDatabase(
  engine: Engine,
  adminUrl: string,
): Promise<BenchDatabase> {
  return engine === 'sqlite' ? createSqliteDatabase() : createPostgresDatabase(adminUrl);
}

export interface SeedOptions {
  patientCount: number;
  seed: number;
  now: Date;
  chunkSize: number;
  onProgress?: (patients: number, seconds: number) => void;
}

export interface SeedResult {
  organizationId: string;
  patients: number;
  /** Every record written: patients plus their encounters, claims, coverages... */
  records: number;
  seconds: number;
}

/**
 * Migrates the database and writes generated patients with the import store's row
 * writers, one transaction per chunk (see seed-writer.ts for the one step left out).
 */
export async function seedPatients(config: DatabaseConfig, opts: SeedOptions): Promise<SeedResult> {
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const organizationId = await ensureHomeOrganization(database, opts.now);
    const nowIso = opts.now.toISOString();
    const started = performance.now();
    let patients = 0;
    let records = 0;
    for (const batch of generatePatientsStream({
      seed: opts.seed,
      patientCount: opts.patientCount,
      now: opts.now,
      organizationId,
      chunkSize: opts.chunkSize,
    })) {
      await writeSeedBatch(database, organizationId, batch, nowIso);
      patients += batch.patients.length;
      records += importBatchSize(batch);
      opts.onProgress?.(patients, (performance.now() - started) / 1000);
    }
    return { organizationId, patients, records, seconds: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}

/** Applies the migrations only (an empty, ready database for the import workload). */
export async function migrateOnly(config: DatabaseConfig, now: Date): Promise<string> {
  const database = await openDatabase(config);
  try {
    await migrate(database);
    return await ensureHomeOrganization(database, now);
  } finally {
    await database.close();
  }
}

/**
 * Whether the query planner had table statistics when the workloads ran. SQLite runs
 * `PRAGMA optimize` at every open (this process's opens after seeding included), which
 * analyzes tables whose statistics are missing or stale; PostgreSQL depends on autovacuum.
 */
export async function plannerStatistics(config: DatabaseConfig): Promise<string> {
  const database = await openDatabase(config);
  try {
    if (database.engine === 'sqlite') {
      const stat = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(database.db);
      return Number(stat.rows[0]?.n ?? 0) > 0
        ? 'sqlite_stat1 present'
        : 'no sqlite_stat1 (ANALYZE never ran)';
    }
    const rows = await sql<{ relname: string; last: string | null }>`
      SELECT relname, COALESCE(last_analyze, last_autoanalyze)::text AS last
      FROM pg_stat_user_tables WHERE relname IN ('patients', 'patient_search_terms') ORDER BY relname`.execute(
      database.db,
    );
    const autovacuum = await sql<{ autovacuum: string }>`SHOW autovacuum`.execute(database.db);
    const tables = rows.rows.map(
      (r) => `${r.relname}: ${r.last ? `analyzed ${r.last}` : 'never analyzed'}`,
    );
    return [...tables, `server setting autovacuum = ${autovacuum.rows[0]?.autovacuum ?? '?'}`].join(
      '; ',
    );
  } finally {
    await database.close();
  }
}

/** Gathers planner statistics (ANALYZE), for the informational "after ANALYZE" figures only. */
export async function analyze(config: DatabaseConfig): Promise<void> {
  const database = await openDatabase(config);
  try {
    await sql`ANALYZE`.execute(database.db);
  } finally {
    await database.close();
  }
}
