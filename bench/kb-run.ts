// The KB search workload on its own (issue #5 point 11), without the rest of `npm run bench`:
//   npm run build && npx tsx bench/kb-run.ts [--articles N] [--duration S] [--engine sqlite|postgres|both]
// Defaults: 10,000 articles, a 10 s window after 2 s of warm-up, 10 connections, both engines
// (PostgreSQL from DATABASE_URL, else the local server; skipped with a note when unreachable).
import { KB_SEARCH_TARGET_ARTICLES, KB_SEARCH_TARGET_P99_MS } from './kb-results';
import { measureKbSearch } from './kb-search';
import type { EngineName } from './results';
import { adminUrlFromEnv, postgresUnavailable } from './seed-database';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const articles = Number(flag('--articles', String(KB_SEARCH_TARGET_ARTICLES)));
const durationS = Math.min(10, Number(flag('--duration', '10')));
const which = flag('--engine', 'both');
if (!Number.isInteger(articles) || articles < 1 || !(durationS >= 1)) {
  process.stderr.write('--articles and --duration need positive whole numbers\n');
  process.exit(2);
}
const engines: EngineName[] = which === 'both' ? ['sqlite', 'postgres'] : [which as EngineName];
const log = (line: string) =>
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const adminUrl = adminUrlFromEnv();
let failed = false;
for (const engine of engines) {
  if (engine === 'postgres') {
    const why = await postgresUnavailable(adminUrl);
    if (why) {
      log(`[postgres] skipped: PostgreSQL unreachable (${why})`);
      continue;
    }
  }
  log(`[${engine}] KB search over ${articles} articles...`);
  const f = await measureKbSearch(
    engine,
    adminUrl,
    { articles, durationS, warmupS: Math.min(2, durationS), connections: 10 },
    log,
  );
  const l = f.load;
  const verdict =
    articles < KB_SEARCH_TARGET_ARTICLES
      ? 'n/a (fewer articles than the target)'
      : l.p99 <= KB_SEARCH_TARGET_P99_MS
        ? 'PASS'
        : 'MISS';
  process.stdout.write(
    `${engine}: ${f.articles} articles, ${f.translations} translations seeded in ${f.seedSeconds.toFixed(1)} s; ` +
      `${Math.round(l.rps)} req/s, p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms, ` +
      `errors ${l.errors + l.timeouts + l.non2xx}, server ${l.serverCores?.toFixed(2) ?? '?'} cores; ` +
      `p99 ≤ ${KB_SEARCH_TARGET_P99_MS} ms: ${verdict}\n`,
  );
  if (l.errors + l.timeouts + l.non2xx > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
