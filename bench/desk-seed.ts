import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { CaseRow } from '@caredesk/server/storage/cases/case-store';
import { openDatabase, type DatabaseConfig } from '@caredesk/server/storage/database';
import type { Schema } from '@caredesk/server/storage/schema';
import {
  CaseGenerator,
  planCases,
  type CaseEventInsert,
  type CaseMessageInsert,
  type DeskWorld,
} from './desk-generate';
import { withoutSecondaryIndexes } from './desk-indexes';

export interface CaseSeedOptions {
  count: number;
  seed: number;
  /** Every generated instant is relative to this one (the server's clock at the run). */
  now: Date;
  /** Cases per transaction. */
  chunkSize: number;
  onProgress?: (cases: number, seconds: number) => void;
}

/** What the case seeding wrote and how long it took (only the writing is timed with it). */
export interface CaseSeedFigures {
  cases: number;
  /** The last seeded case's number: cases created later have higher ones. */
  lastNumber: number;
  messages: number;
  events: number;
  /** Cases in an active status (new, open, pending). */
  active: number;
  /** Of those, assigned to an agent (the rest wait in their queue). */
  activeAssigned: number;
  agents: number;
  queues: number;
  patients: number;
  /** Everything: generating, writing and rebuilding the indexes. */
  seconds: number;
  /** Of which rebuilding the secondary indexes after the load. */
  indexSeconds: number;
  /**
   * CPU seconds the benchmark process spent meanwhile (generating rows, driving the
   * database; on SQLite also the database's own work). On a shared machine wall time
   * depends on the neighbours; this does much less.
   */
  cpuSeconds: number;
}

/**
 * Rows per INSERT statement: under SQLite's 32,766 bound parameters (cases have 35 columns)
 * and PostgreSQL's 65,535, and the same few statement texts every time, so SQLite's
 * statement cache keeps them prepared.
 */
const CASE_TABLES = ['cases', 'case_messages', 'case_events'] as const;

const ROWS_PER_INSERT = { cases: 200, messages: 500, events: 1000 } as const;

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function insertRows<T>(
  rows: T[],
  per: number,
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += per) await insert(rows.slice(i, i + per));
}

/**
 * Writes generated cases, their messages and timelines straight into the tables, one
 * transaction per chunk, in creation order (as a desk accumulates them), then sets the
 * organization's case counter past the last number. Like the patient seeding it leaves
 * out the service's per-case audit entries: no workload reads them.
 */
export async function seedCases(
  config: DatabaseConfig,
  world: DeskWorld,
  opts: CaseSeedOptions,
): Promise<CaseSeedFigures> {
  const database = await openDatabase(config);
  try {
    if (database.engine === 'sqlite') {
      // For this seeding connection only (the server opens its own, synchronous=FULL): a
      // bigger page cache, as random-key inserts over millions of rows otherwise re-read most
      // pages from the OS (the default is 2 MB), and no fsync per chunk, which on a shared
      // disk made the wall time of the load twice its CPU time. The benchmark database is
      // thrown away after the run; what is measured later is the server's own durable work.
      await sql`PRAGMA cache_size = -262144`.execute(database.db);
      await sql`PRAGMA synchronous = OFF`.execute(database.db);
    }
    const nowMs = opts.now.getTime();
    // Cases already on file (the HL7 feed's discharges, measured earlier on this database)
    // keep their numbers; the seeded ones follow them.
    const counter = await database.db
      .selectFrom('case_counters')
      .select('last_number')
      .where('organization_id', '=', world.organizationId)
      .executeTakeFirst();
    const firstNumber = Number(counter?.last_number ?? 0) + 1;
    const keys = planCases(opts.count, opts.seed, nowMs);
    const generator = new CaseGenerator(world, opts.seed, nowMs);
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const totals = { messages: 0, events: 0, active: 0, activeAssigned: 0 };
    const writeAll = async () => {
      for (let from = 0; from < keys.length; from += opts.chunkSize) {
        const cases: CaseRow[] = [];
        const messages: CaseMessageInsert[] = [];
        const events: CaseEventInsert[] = [];
        const to = Math.min(keys.length, from + opts.chunkSize);
        for (let i = from; i < to; i++) {
          const g = generator.generate(keys[i]!, firstNumber + i);
          cases.push(g.row);
          messages.push(...g.messages);
          events.push(...g.events);
          if (g.row.is_active === 1) {
            totals.active++;
            if (g.row.assignee_id) totals.activeAssigned++;
          }
        }
        await database.db.transaction().execute(async (trx: Kysely<Schema>) => {
          await insertRows(cases, ROWS_PER_INSERT.cases, (b) =>
            trx.insertInto('cases').values(b).execute(),
          );
          await insertRows(messages, ROWS_PER_INSERT.messages, (b) =>
            trx.insertInto('case_messages').values(b).execute(),
          );
          await insertRows(events, ROWS_PER_INSERT.events, (b) =>
            trx.insertInto('case_events').values(b).execute(),
          );
        });
        totals.messages += messages.length;
        totals.events += events.length;
        opts.onProgress?.(to, (performance.now() - started) / 1000);
      }
    };
    const indexSeconds = await withoutSecondaryIndexes(database, CASE_TABLES, writeAll);
    const lastNumber = firstNumber + keys.length - 1;
    await database.db
      .insertInto('case_counters')
      .values({ organization_id: world.organizationId, last_number: lastNumber })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet({ last_number: lastNumber }))
      .execute();
    return {
      cases: keys.length,
      lastNumber,
      ...totals,
      agents: world.agents.length,
      queues: world.queues.length,
      patients: world.patients.length,
      seconds: (performance.now() - started) / 1000,
      indexSeconds,
      cpuSeconds: cpuSecondsSince(cpu0),
    };
  } finally {
    await database.close();
  }
}
