import { groupCommitBenchmark, verifyBenchmark } from '@caredesk/server/audit/audit-benchmark';
import { loadAuditKey } from '@caredesk/server/audit/audit-key';
import { createAuditMac } from '@caredesk/server/audit/audit-mac';
import { verifyAuditTrail } from '@caredesk/server/audit/audit-verify';
import { loadConfig } from '@caredesk/server/config/config';
import { openDatabase } from '@caredesk/server/storage/database';
import { issueToken } from '@caredesk/server/testing/api-token';
import {
  freePort,
  killHard,
  startServerProcess,
  type ServerProcess,
} from '@caredesk/server/testing/server-process';
import { measureColdStart } from './cold-start';
import { runDesk } from './desk-run';
import { LOGIN_SERVER_ENV, measureLogins, provisionLoginAccount } from './login-latency';
import type { BenchOptions } from './options';
import type { EngineName, EngineResult } from './results';
import { emptyEngineResult } from './results';
import { loadSamples, typeaheadPath, type TypeaheadKind } from './samples';
import {
  analyze,
  createBenchDatabase,
  migrateOnly,
  plannerStatistics,
  seedPatients,
  type BenchDatabase,
} from './seed-database';
import { step, type Log } from './step';
import { importCorpus, type ImportFigures, type SyntheaCorpus } from './synthea-import';
import { measureWeb } from './web-run';
import { KB_SEARCH_TARGET_ARTICLES } from './kb-results';
import { measureKbSearch } from './kb-search';
import { measureHl7Feed } from './hl7-feed';
import { processMemoryMiB, runLoad } from './workloads';

const SEED = 42;
/** Every generated date is relative to this instant, so runs compare. */
const DEMO_NOW = new Date('2026-03-01T12:00:00Z');
const MB_PER_MIB = 1.048576;

/** Cleanups still owed (a database to drop, a server to kill) if the run is interrupted. */
export const pendingCleanups = new Set<() => Promise<void>>();

async function withCleanup<T>(cleanup: () => Promise<void>, body: () => Promise<T>): Promise<T> {
  pendingCleanups.add(cleanup);
  try {
    return await body();
  } finally {
    pendingCleanups.delete(cleanup);
    await cleanup();
  }
}

const mb = (mib: number | null): number | null => (mib === null ? null : mib * MB_PER_MIB);

async function httpWorkloads(
  result: EngineResult,
  db: BenchDatabase,
  opts: BenchOptions,
  log: Log,
): Promise<void> {
  const samples = await loadSamples(db.config, Math.min(5_000, opts.patients), 2_000);
  // Issued on the seeded database before the server starts, by an admin: only a role
  // holding admin.users may grant token scopes (packages/server/src/identity/role-rules.ts).
  const token = await issueToken(db.overrides, ['patient.read', 'patient.search'], ['admin']);
  const headers = { authorization: `Bearer ${token}` };
  const loginAccount = await provisionLoginAccount(db.overrides);
  let server: ServerProcess | null = null;
  await withCleanup(
    async () => {
      if (server) await killHard(server);
    },
    async () => {
      server = await startServerProcess({ ...db.env, ...LOGIN_SERVER_ENV }, await freePort());
      const pid = server.child.pid;
      // Read once the server is up: at start-up it analyses tables autovacuum would have
      // (PostgreSQL; storage/refresh-statistics.ts), so this is what the workloads meet.
      result.plannerStats = await plannerStatistics(db.config).catch(
        (e: Error) => `unknown (${e.message})`,
      );
      result.memory = {
        afterStartMB: mb(processMemoryMiB(pid, 'VmRSS')),
        afterLoadMB: null,
        peakMB: null,
      };
      const base = {
        baseUrl: server.baseUrl,
        connections: opts.connections,
        durationS: opts.durationS,
        warmupS: opts.warmupS,
        serverPid: pid,
        probePath: `/api/patients/${samples.patientIds[0]!}`,
        headers,
      };
      await step(result, log, 'patient read (authenticated, audited)', async () => {
        const paths = samples.patientIds.map((id) => `/api/patients/${id}`);
        result.read = await runLoad({
          ...base,
          name: 'patient read (authenticated, audited)',
          paths,
        });
      });
      await step(result, log, 'typeahead (mixed, authenticated, audited)', async () => {
        const paths = samples.typeahead.map((t) => typeaheadPath(t.q));
        result.typeahead = await runLoad({
          ...base,
          name: 'typeahead (mixed, authenticated, audited)',
          paths,
        });
      });
      const kinds = [...new Set(samples.typeahead.map((t) => t.kind))] as TypeaheadKind[];
      for (const kind of kinds) {
        await step(result, log, `typeahead: ${kind}`, async () => {
          const paths = samples.typeahead
            .filter((t) => t.kind === kind)
            .map((t) => typeaheadPath(t.q));
          const short = {
            ...base,
            durationS: Math.max(2, Math.round(opts.durationS / 3)),
            warmupS: 1,
          };
          result.typeaheadByKind.push(
            await runLoad({ ...short, name: `typeahead: ${kind}`, paths }),
          );
        });
      }
      result.memory.afterLoadMB = mb(processMemoryMiB(pid, 'VmRSS'));
      result.memory.peakMB = mb(processMemoryMiB(pid, 'VmHWM'));
      // After the RSS reading, which stays about the read and typeahead load of issue #2.
      await step(result, log, `login latency (${opts.logins} sequential)`, async () => {
        result.login = await measureLogins(base.baseUrl, loginAccount, opts.logins);
      });
      // Issue #4 point 9 in a browser, before ANALYZE below: the console's search then finds
      // the database as the typeahead targets did. Each part records its own failure.
      if (result.engine === 'sqlite') {
        await measureWeb(
          result,
          {
            baseUrl: base.baseUrl,
            staff: loginAccount,
            samples: samples.typeahead,
            patients: result.seed?.patients ?? opts.patients,
          },
          log,
        );
      }
      // Not a target figure: the same mix once the planner has statistics, to show the cause.
      await step(result, log, 'typeahead (mixed) after ANALYZE', async () => {
        await analyze(db.config);
        const paths = samples.typeahead.map((t) => typeaheadPath(t.q));
        result.typeaheadAnalyzed = await runLoad({
          ...base,
          name: 'typeahead (mixed) after ANALYZE',
          paths,
        });
      });
    },
  );
}

function medianImport(runs: ImportFigures[]): ImportFigures | null {
  const sorted = [...runs].sort((a, b) => a.resourcesPerSecond - b.resourcesPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/**
 * Issue #6 point 9, against the seeded registry with a server of its own: a feed's cost
 * grows with the registry it writes into (one message at a time, about 300 msg/s into an
 * empty database and 230 into 100,000 patients, single runs), so an empty one flatters it.
 */
async function hl7Feed(
  result: EngineResult,
  db: BenchDatabase,
  opts: BenchOptions,
  log: Log,
): Promise<void> {
  await step(result, log, 'HL7 feed over MLLP', async () => {
    result.hl7 = await measureHl7Feed(db, {
      durationS: opts.durationS,
      warmupS: opts.warmupS,
    });
  });
}

/** Every workload on one engine; a failing workload is recorded and the rest still run. */
export async function runEngine(
  engine: EngineName,
  opts: BenchOptions,
  adminUrl: string,
  corpus: SyntheaCorpus | null,
  log: Log,
): Promise<EngineResult> {
  const db = await createBenchDatabase(engine, adminUrl);
  const result = emptyEngineResult(engine, db.label);
  const everything = opts.suite === 'all';
  await withCleanup(
    () => db.dispose(),
    async () => {
      let seeded = false;
      await step(result, log, `seed ${opts.patients} patients`, async () => {
        let lastLog = 0;
        result.seed = await seedPatients(db.config, {
          patientCount: opts.patients,
          seed: SEED,
          now: DEMO_NOW,
          chunkSize: opts.chunkSize,
          onProgress: (patients, seconds) => {
            if (seconds - lastLog >= 15) {
              lastLog = seconds;
              log(`[${engine}]   ${patients} patients in ${seconds.toFixed(0)} s`);
            }
          },
        });
        seeded = true;
      });
      if (!seeded) return;
      if (opts.suite === 'hl7') return hl7Feed(result, db, opts, log);
      if (everything)
        await step(result, log, 'HTTP workloads', () => httpWorkloads(result, db, opts, log));
      // Issue #5 point 11, on a database of its own (the patients above play no part in it).
      await step(result, log, 'knowledge-base search', async () => {
        result.kbSearch = await measureKbSearch(
          engine,
          adminUrl,
          {
            articles: opts.quick ? 2_000 : KB_SEARCH_TARGET_ARTICLES,
            durationS: opts.durationS,
            warmupS: opts.warmupS,
            connections: opts.connections,
          },
          log,
        );
      });
      // Before the desk's million cases and the Synthea import: the registry as seeded.
      if (everything) await hl7Feed(result, db, opts, log);
      if (everything)
        await step(result, log, 'cold start', async () => {
          for (let i = 0; i < opts.coldStartRuns; i++)
            result.coldStartMs.push(await measureColdStart(db.env));
        });
      if (corpus && everything) {
        await step(result, log, 'Synthea import into the seeded database', async () => {
          const orgId = await migrateOnly(db.config, DEMO_NOW);
          result.importSeeded = await importCorpus(db, orgId, corpus);
        });
      }
      // Last: it adds a million cases the workloads above were measured without.
      await step(result, log, 'service desk', () => runDesk(result, db, opts, log, withCleanup));
      // The server and this process wrote one chain (same key): it must still verify.
      await step(result, log, 'audit chain of the benchmark database verifies', async () => {
        const config = loadConfig({}, { logLevel: 'silent', ...db.overrides });
        const mac = createAuditMac(loadAuditKey(config, { create: false }));
        const database = await openDatabase(db.config);
        try {
          const v = await verifyAuditTrail(database, mac);
          if (!v.ok) throw new Error(`broken at seq ${v.firstBadSeq}: ${v.reason}`);
          log(`[${engine}]   ${v.count} audit entries verified`);
        } finally {
          await database.close();
        }
      });
    },
  );
  if (corpus && everything) {
    await step(result, log, 'Synthea import into fresh databases', async () => {
      const runs: ImportFigures[] = [];
      for (let i = 0; i < opts.importRuns; i++) {
        const fresh = await createBenchDatabase(engine, adminUrl);
        await withCleanup(
          () => fresh.dispose(),
          async () => {
            const orgId = await migrateOnly(fresh.config, DEMO_NOW);
            runs.push(await importCorpus(fresh, orgId, corpus));
          },
        );
      }
      result.importFresh = medianImport(runs);
    });
  }
  if (engine === 'sqlite' && everything) {
    // In this process on a scratch embedded database, with no server running meanwhile.
    await step(result, log, `audit verify over ${opts.auditEntries} entries`, async () => {
      result.auditVerify = await verifyBenchmark(opts.auditEntries);
    });
    await step(result, log, 'audit group commit', async () => {
      result.groupCommit = await groupCommitBenchmark({
        callers: opts.connections,
        durationMs: opts.durationS * 1000,
      });
    });
  }
  return result;
}
