/**
 * Audit figures for the benchmark runner (issue #3 point 10): verify throughput over a
 * large chain, and the rate of durable record() calls with concurrent callers (group
 * commit). Both on a throw-away embedded database with the production pragmas
 * (WAL, synchronous=FULL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntryInput } from '@caredesk/core';
import type { Database } from '../storage/database';
import { openDatabase } from '../storage/database';
import { migrate } from '../storage/migrate/migrator';
import { createAuditMac } from './audit-mac';
import { AuditStore } from './audit-store';
import { verifyAuditTrail } from './audit-verify';

const BENCH_KEY = Buffer.alloc(32, 42);

function entry(i: number): AuditEntryInput {
  return {
    organizationId: 'org-bench',
    occurredAt: new Date(Date.UTC(2025, 0, 1) + i * 10).toISOString(),
    actorKind: 'staff',
    actorId: `staff-${i % 50}`,
    actorName: `Staff member ${i % 50}`,
    actorRoles: ['clinician'],
    onBehalfOf: null,
    patientId: `patient-${i % 10_000}`,
    action: 'read',
    resourceType: 'Patient',
    resourceId: `patient-${i % 10_000}`,
    outcome: 'success',
    purposeOfUse: 'TREAT',
    sourceAddress: '10.1.2.3',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) CareDesk-bench',
    breakGlass: false,
    detail: null,
  };
}

async function withScratchDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-audit-bench-'));
  const database = await openDatabase({ engine: 'sqlite', file: join(dir, 'bench.db') });
  try {
    await migrate(database);
    return await run(database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface VerifyBenchmarkResult {
  entries: number;
  buildSeconds: number;
  verifySeconds: number;
  entriesPerSecond: number;
}

/** Writes n chained entries, then times `caredesk audit verify`'s work over them. */
export async function verifyBenchmark(n: number): Promise<VerifyBenchmarkResult> {
  const mac = createAuditMac(BENCH_KEY);
  return withScratchDatabase(async (database) => {
    const store = new AuditStore(database, mac);
    const built = performance.now();
    const chunk = 10_000;
    for (let start = 0; start < n; start += chunk) {
      const batch = Array.from({ length: Math.min(chunk, n - start) }, (_, i) => entry(start + i));
      await database.db.transaction().execute((trx) => store.appendInTransaction(trx, batch));
    }
    const buildSeconds = (performance.now() - built) / 1000;
    const started = performance.now();
    const result = await verifyAuditTrail(database, mac);
    const verifySeconds = (performance.now() - started) / 1000;
    if (!result.ok || result.count !== n) {
      throw new Error(`verify benchmark: unexpected result ${JSON.stringify(result)}`);
    }
    return { entries: n, buildSeconds, verifySeconds, entriesPerSecond: n / verifySeconds };
  });
}

export interface GroupCommitBenchmarkResult {
  callers: number;
  records: number;
  seconds: number;
  perSecond: number;
  flushes: number;
  meanBatch: number;
}

/**
 * `callers` loops each awaiting one durable record() after another for `durationMs`: the
 * shape of an authenticated read at that many connections, minus HTTP.
 */
export async function groupCommitBenchmark(
  opts: { callers?: number; durationMs?: number } = {},
): Promise<GroupCommitBenchmarkResult> {
  const callers = opts.callers ?? 10;
  const durationMs = opts.durationMs ?? 3000;
  return withScratchDatabase(async (database) => {
    const store = new AuditStore(database, createAuditMac(BENCH_KEY));
    let records = 0;
    const started = performance.now();
    const deadline = started + durationMs;
    await Promise.all(
      Array.from({ length: callers }, async () => {
        while (performance.now() < deadline) {
          await store.record(entry(records));
          records += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await store.close();
    return {
      callers,
      records,
      seconds,
      perSecond: records / seconds,
      flushes: store.stats.flushes,
      meanBatch: store.stats.entries / Math.max(1, store.stats.flushes),
    };
  });
}
