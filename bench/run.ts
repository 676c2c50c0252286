// `npm run bench`: seeds each engine, runs the workloads against a real server process,
// prints the targets table and writes docs/benchmarks.md. See bench/options.ts for flags.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pendingCleanups, runEngine } from './engine-run';
import { measureHostSpeed } from './host-speed';
import { machineInfo } from './machine';
import { OptionsError, parseOptions, type BenchOptions } from './options';
import { formatConsoleTable, formatMarkdown } from './report';
import type { BenchRun, EngineResult } from './results';
import { emptyEngineResult } from './results';
import { adminUrlFromEnv, postgresUnavailable } from './seed-database';
import { readSyntheaCorpus, SYNTHEA_DIR, type SyntheaCorpus } from './synthea-import';
import { KB_METHOD_NOTES } from './kb-results';
import { HL7_METHOD_NOTES } from './hl7-results';
import { DESK_METHOD_NOTES } from './desk-run';
import { WEB_METHOD_NOTES } from './web-run';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const METHOD_NOTES = [
  'The server runs as a real process (`node --max-old-space-size=1024 packages/server/bin/caredesk.mjs serve`, ' +
    "the V8 flag of the command's first line, which `npm start` and `npx caredesk` run; LOG_LEVEL=warn, HOST=127.0.0.1). " +
    'autocannon runs inside the benchmark process on the same machine, so the load generator and the server share the cores; ' +
    '"Server cores" and "Generator cores" are CPU seconds per wall second from /proc/<pid>/stat and process.cpuUsage().',
  'Authentication and auditing are on, as in production: every read and typeahead request carries ' +
    '`Authorization: Bearer cd_…`, an API token with the scopes patient.read and patient.search issued on the seeded database ' +
    'through the identity service before the server starts (owned by an admin account, the only role that may grant token scopes). ' +
    'Each read and search is recorded in the HMAC hash-chained audit trail durably (group commit) before its response leaves.',
  'Reads rotate round-robin over up to 5,000 real patient ids; typeahead rotates over 2,000 queries built from stored patients ' +
    '(40 % surname prefixes of 2–6 letters, 15 % given + surname prefixes, 15 % birth dates in ISO/US/European form, ' +
    '15 % 4–7 digit phone fragments, 10 % MRN prefixes, 5 % e-mail prefixes), each with limit=20. The typeahead reads ' +
    'the prefix table (every prefix of every name, phone and identifier term, in name order) and answers with patient summaries; ' +
    "on SQLite its statements run on the server's read worker, a thread with its own connection (storage/sqlite/read-worker.ts); " +
    'on SQLite each audit group commit syncs its WAL on the thread pool (not the event loop) before the responses leave.',
  "Latencies are autocannon's HDR histogram of 2xx responses, in whole milliseconds; req/s is the average over the measured window. " +
    'After each window the runner waits until a probe read answers within 250 ms ("Drain s"), so requests autocannon abandoned ' +
    "at the window's end are not worked off inside the next workload's window.",
  "Seeding writes generated patients with the import store's own row writers (writePatient, writeDocuments), one transaction per chunk, " +
    "and skips importBatch's per-patient duplicate flagging, so seeded patients have no open duplicate reviews. The Synthea import " +
    'rows do go through importBatch (via ImportService.importFhir, each bundle audited in its transaction as the system actor "bench import").',
  `Synthea bundles are read from ${SYNTHEA_DIR} at run time; resources = every bundle entry, stored records = what CareDesk maps and keeps. ` +
    'Only the importFhir calls are timed (files are read and parsed first). The fresh-database figure is the median of the runs.',
  'RSS is VmRSS from /proc/<pid>/status of the server process after the read and typeahead workloads, before the sign-in ' +
    'measurement (MB = 10^6 bytes); peak is VmHWM at the same moment.',
  'Sign-in: one staff account (role agent, provisioned through the identity service) signs in sequentially, each a full ' +
    'POST /api/auth/login (rate limiter, account look-up, argon2id m=19 MiB t=2 p=1, session and audit entry in one transaction), ' +
    'after 5 discarded warm-up logins. The bench server runs with CAREDESK_STAFF_MFA_REQUIRED=false, so the password step ' +
    'completes the sign-in instead of opening an MFA enrolment session, and CAREDESK_LOGIN_RATE_LIMIT=10000, because the ' +
    'default limit of 30 sign-ins per address per minute would answer most of them with 429. The hashing cost is the median ' +
    'of 50 argon2id verifications of the same password in the benchmark process while the server is idle; the target figure ' +
    'is login p99 minus that median.',
  'Audit verify builds a chain of generated entries on a scratch embedded database (WAL, synchronous=FULL) and times ' +
    "`caredesk audit verify`'s check over it (every MAC, every link, the sealed head); group commit runs as many concurrent " +
    'callers as HTTP connections, each awaiting one durable record() after another for one measured window. Both run on the ' +
    'embedded database only, in the benchmark process, with no server running.',
  'Cold start is spawn → first 200 from /api/health (polled every 5 ms) on the already-migrated, seeded database; it includes Node ' +
    "start-up, loading the server's esbuild bundle (packages/server/dist/caredesk.mjs, which `npm run bench` rebuilds first when a source " +
    "changed, so `caredesk` never falls back to transpiling the TypeScript with tsx here; docs/decisions/0002) and SQLite's " +
    '`PRAGMA optimize` at open.',
  "Planner statistics: SQLite runs `PRAGMA optimize` at every open (the benchmark's own opens after seeding included), which " +
    'analyzes tables whose statistics are missing or stale, by sampling each index (a temporary analysis_limit); the PostgreSQL server analyzes, at start-up, the tables changed by more ' +
    "than 50 rows + 10 % since their last ANALYZE (autovacuum's default rule, for servers run with autovacuum off). The statistics " +
    'reported are read once the server is up; the "after ANALYZE" row is informational and never a target figure.',
  'PostgreSQL: a fresh database caredesk_bench_<random> on the local server, dropped afterwards; the server uses its default pool ' +
    'of 10, and every statement is cancelled after 15 s (statement_timeout).',
  ...WEB_METHOD_NOTES,
  ...KB_METHOD_NOTES,
  ...DESK_METHOD_NOTES,
  ...HL7_METHOD_NOTES,
];

function log(line: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

async function main(opts: BenchOptions): Promise<number> {
  const started = performance.now();
  const machine = machineInfo();
  const startSpeed = measureHostSpeed();
  const adminUrl = adminUrlFromEnv();
  let corpus: SyntheaCorpus | null = null;
  // Only a full run imports it (--suite desk or hl7 measures that alone).
  if (opts.suite === 'all')
    try {
      corpus = readSyntheaCorpus();
      log(`Synthea corpus: ${corpus.bundles.length} bundles from ${corpus.dir}`);
    } catch (e) {
      log(`Synthea corpus unreadable, import workload skipped: ${(e as Error).message}`);
    }
  const engines: EngineResult[] = [];
  for (const engine of opts.engines) {
    if (engine === 'postgres') {
      const why = await postgresUnavailable(adminUrl);
      if (why) {
        const skipped = emptyEngineResult('postgres', 'postgres');
        skipped.skipped = `PostgreSQL unreachable (${why}); set DATABASE_URL to measure it`;
        log(skipped.skipped);
        engines.push(skipped);
        continue;
      }
    }
    engines.push(await runEngine(engine, opts, adminUrl, corpus, log));
  }
  machine.hostSpeed = { start: startSpeed, end: measureHostSpeed() };
  const run: BenchRun = {
    machine,
    settings: {
      quick: opts.quick,
      patients: opts.patients,
      chunkSize: opts.chunkSize,
      durationS: opts.durationS,
      warmupS: opts.warmupS,
      connections: opts.connections,
      coldStartRuns: opts.coldStartRuns,
      auditEntries: opts.auditEntries,
      suite: opts.suite,
    },
    engines,
    totalSeconds: (performance.now() - started) / 1000,
  };
  process.stdout.write(`\n${formatConsoleTable(run)}\n`);
  if (opts.out) {
    const out = resolve(ROOT, opts.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, formatMarkdown(run, METHOD_NOTES));
    process.stdout.write(`\nReport written to ${out}\n`);
  }
  return engines.some((e) => e.failures.length > 0) ? 1 : 0;
}

async function cleanUpAndExit(code: number): Promise<never> {
  for (const cleanup of [...pendingCleanups]) await cleanup().catch(() => undefined);
  process.exit(code);
}

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof OptionsError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
}
process.once('SIGINT', () => void cleanUpAndExit(130));
process.once('SIGTERM', () => void cleanUpAndExit(143));
process.exitCode = await main(options);
