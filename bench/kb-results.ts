import type { EngineResult, Target } from './results';
import type { LoadResult } from './workloads';

/** Issue #5 point 11: KB search p99 ≤ 20 ms over 10,000 articles (each in four languages). */
export const KB_SEARCH_TARGET_ARTICLES = 10_000;
export const KB_SEARCH_TARGET_P99_MS = 20;

/** The KB search workload's figures (kb-search.ts). */
export interface KbSearchFigures {
  articles: number;
  /** Translations written and indexed (four per article). */
  translations: number;
  seedSeconds: number;
  load: LoadResult;
}

export const KB_TARGETS: Target[] = [
  {
    id: 'kb-search-p99',
    issue: '#5',
    label: 'Knowledge-base search p99 (10,000 articles × 4 languages), 10 connections',
    goal: `≤ ${KB_SEARCH_TARGET_P99_MS} ms`,
    unit: 'ms',
    value: (r: EngineResult) => r.kbSearch?.load.p99 ?? null,
    meets: (v) => v <= KB_SEARCH_TARGET_P99_MS,
    comparable: (r) => (r.kbSearch?.articles ?? 0) >= KB_SEARCH_TARGET_ARTICLES,
  },
];

export const KB_METHOD_NOTES = [
  'Knowledge-base search (issue #5 point 11): a fresh database of its own per engine, seeded in this process through the ' +
    "knowledge base's own store (search index included) with 10,000 generated articles (2,000 with --quick), each one of the " +
    'sixteen demo articles in all four languages with a title of its own and a closing paragraph of words drawn from every demo ' +
    'article in that language (bench/kb-articles.ts). Then a real server process answers GET /api/kb/articles?q=…&language=… ' +
    '(ranked staff search, 20 results) authenticated with an API token holding kb.read, for the measured window after the warm-up; ' +
    'the 2,000 queries rotate over all four languages: a title word typed partway (40 %), two title words with the second partway ' +
    '(40 %) or two body words (20 %), half of them typed without accents. Searches are not audited (articles are not patient data). ' +
    'On SQLite the server keeps how many translations a search matches (up to the broad-search limit, for at most 30 s, ' +
    'forgotten on any index write; kb-search-sqlite.ts), so once the 2,000 queries have come round, a search runs its page ' +
    'query only: repeated searches, as staff and typing make them, cost that much less.',
];
