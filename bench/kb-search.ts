import { openDatabase } from '@caredesk/server/storage/database';
import { KbArticleStore } from '@caredesk/server/storage/knowledge/kb-article-store';
import { migrate } from '@caredesk/server/storage/migrate/migrator';
import { ensureHomeOrganization } from '@caredesk/server/organizations/home-organization';
import { refreshStatistics } from '@caredesk/server/storage/refresh-statistics';
import { issueToken } from '@caredesk/server/testing/api-token';
import {
  freePort,
  killHard,
  startServerProcess,
  type ServerProcess,
} from '@caredesk/server/testing/server-process';
import { benchArticle, kbQueries } from './kb-articles';
import type { KbSearchFigures } from './kb-results';
import type { EngineName } from './results';
import { createBenchDatabase, type BenchDatabase } from './seed-database';
import type { Log } from './step';
import { runLoad } from './workloads';

export interface KbSearchOptions {
  articles: number;
  durationS: number;
  warmupS: number;
  connections: number;
}

const NOW = '2026-03-01T12:00:00.000Z';
const CHUNK = 500;

/** Writes the generated articles through the knowledge-base store, index included. */
export async function seedArticles(db: BenchDatabase, count: number): Promise<number> {
  const database = await openDatabase(db.config);
  try {
    await migrate(database);
    const organizationId = await ensureHomeOrganization(database, new Date(NOW));
    const store = new KbArticleStore(database);
    for (let start = 0; start < count; start += CHUNK) {
      await database.db.transaction().execute(async (trx) => {
        for (let i = start; i < Math.min(count, start + CHUNK); i++)
          await store.insert(trx, benchArticle(i, organizationId, NOW), null);
      });
    }
    // As the server does at start-up after a bulk load (storage/refresh-statistics.ts).
    await refreshStatistics(database);
    return count * 4;
  } finally {
    await database.close();
  }
}

/**
 * The KB search workload on a fresh database of its own: seeds `articles` generated
 * articles, starts a real server, and runs staff searches (GET /api/kb/articles?q=…,
 * ranked, authenticated with an API token holding kb.read) in all four languages for
 * `durationS` seconds after a warm-up. Searches are not audited (articles are not
 * patient data), so the figure is the search itself plus authentication.
 */
export async function measureKbSearch(
  engine: EngineName,
  adminUrl: string,
  opts: KbSearchOptions,
  log: Log,
): Promise<KbSearchFigures> {
  const db = await createBenchDatabase(engine, adminUrl);
  let server: ServerProcess | null = null;
  try {
    const started = performance.now();
    const translations = await seedArticles(db, opts.articles);
    const seedSeconds = (performance.now() - started) / 1000;
    log(
      `[${engine}]   ${opts.articles} articles (${translations} translations) in ${seedSeconds.toFixed(1)} s`,
    );
    const token = await issueToken(db.overrides, ['kb.read'], ['admin']);
    server = await startServerProcess(db.env, await freePort());
    const paths = kbQueries(2_000).map(
      (s) => `/api/kb/articles?q=${encodeURIComponent(s.q)}&language=${s.language}`,
    );
    const load = await runLoad({
      name: `KB search (${opts.articles} articles × 4 languages)`,
      baseUrl: server.baseUrl,
      paths,
      connections: opts.connections,
      durationS: opts.durationS,
      warmupS: opts.warmupS,
      serverPid: server.child.pid,
      probePath: paths[0]!,
      headers: { authorization: `Bearer ${token}` },
    });
    return { articles: opts.articles, translations, seedSeconds, load };
  } finally {
    if (server) await killHard(server);
    await db.dispose();
  }
}
