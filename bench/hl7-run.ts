// The HL7 v2 feed workload on its own (issue #6 point 9); `npm run bench -- --suite hl7`
// runs the same with the report's table:
//   npm run build && npx tsx bench/hl7-run.ts [--duration S] [--engine sqlite|postgres|both]
// A fresh, empty database per engine (the full run uses its seeded registry, where the feed
// runs slower) and a real server; one MLLP connection sends ADT A04/A03
// messages one at a time, then pipelining, then one at a time at 500 messages a second,
// each answered after commit (issue targets: >= 2,000 msg/s; ACK p99 <= 20 ms at 500 msg/s).
import { measureHl7Feed } from './hl7-feed';
import type { EngineName } from './results';
import { adminUrlFromEnv, createBenchDatabase, postgresUnavailable } from './seed-database';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const durationS = Math.min(30, Number(flag('--duration', '10')));
const which = flag('--engine', 'sqlite');
if (!(durationS >= 1)) {
  process.stderr.write('--duration needs a positive number of seconds\n');
  process.exit(2);
}
const engines: EngineName[] = which === 'both' ? ['sqlite', 'postgres'] : [which as EngineName];
const adminUrl = adminUrlFromEnv();
let failed = false;
for (const engine of engines) {
  if (engine === 'postgres') {
    const why = await postgresUnavailable(adminUrl);
    if (why) {
      process.stderr.write(`[postgres] skipped: PostgreSQL unreachable (${why})\n`);
      continue;
    }
  }
  const db = await createBenchDatabase(engine, adminUrl);
  const h = await measureHl7Feed(db, { durationS, warmupS: 2 }).finally(() => db.dispose());
  for (const f of [h.oneAtATime, h.pipelined, h.atRate, ...h.byEvent]) {
    process.stdout.write(
      `${engine}: ${f.name}: ${Math.round(f.perSecond)} msg/s, ACK p50 ${f.p50.toFixed(1)} ms, ` +
        `p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(1)} ms, not AA ${f.notAccepted}, ` +
        `server ${f.serverCores?.toFixed(2) ?? '?'} cores\n`,
    );
    if (f.notAccepted > 0) failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
