import { KB_LANGUAGES, parseKbQuery, validateArticleInput } from '@caredesk/core';
import { describe, expect, it } from 'vitest';
import { benchArticle, kbQueries } from './kb-articles';

describe('generated knowledge base for the KB search benchmark', () => {
  it('writes valid articles in all four languages, each with a title of its own', () => {
    const articles = Array.from({ length: 64 }, (_, i) => benchArticle(i, 'org', 'now'));
    for (const a of articles) {
      expect(validateArticleInput(a).ok).toBe(true);
      expect(a.translations.map((t) => t.language)).toEqual([...KB_LANGUAGES]);
    }
    expect(new Set(articles.map((a) => a.id)).size).toBe(64);
    expect(new Set(articles.map((a) => a.translations[0]!.title)).size).toBe(64);
    expect(benchArticle(7, 'org', 'now')).toEqual(benchArticle(7, 'org', 'now'));
  });

  it('asks searchable questions in every language, the same ones every run', () => {
    const queries = kbQueries(400);
    expect(queries).toEqual(kbQueries(400));
    expect(new Set(queries.map((q) => q.language))).toEqual(new Set(KB_LANGUAGES));
    expect(queries.every((q) => parseKbQuery(q.q) !== null)).toBe(true);
    // Some are typed with their accents, as people do half the time.
    expect(queries.some((q) => /[āēīūčšžņļķģåøæñáéíóú]/i.test(q.q))).toBe(true);
  });
});
