import {
  foldKnowledgeText,
  KB_LANGUAGES,
  significantTerms,
  type KbLanguage,
  type KnowledgeArticle,
} from '@caredesk/core';
import { DEMO_ARTICLES, demoArticleInput } from '@caredesk/server/demo/demo-knowledge';

/**
 * Generated knowledge-base articles for the KB search benchmark (issue #5 point 11):
 * each is one of the demo clinic's sixteen articles in all four languages, with a title
 * of its own (a qualifier and an edition number) and a closing paragraph of words drawn
 * from every demo article in that language, so word frequencies follow real text: topic
 * words are in hundreds of articles per language, function words in nearly all.
 */

/** A small deterministic generator, so every run writes and asks the same things. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const QUALIFIERS: Record<KbLanguage, string[]> = {
  en: ['for children', 'for older adults', 'after surgery', 'at night', 'when travelling'],
  es: ['para niños', 'para personas mayores', 'después de una cirugía', 'de noche', 'de viaje'],
  lv: ['bērniem', 'senioriem', 'pēc operācijas', 'naktī', 'ceļojumā'],
  nb: ['for barn', 'for eldre', 'etter operasjon', 'om natten', 'på reise'],
};

const inputs = DEMO_ARTICLES.map(demoArticleInput);

/** Every word of the demo bodies in a language, as written, repeats kept (the word stream). */
const WORDS: Record<KbLanguage, string[]> = Object.fromEntries(
  KB_LANGUAGES.map((l) => [
    l,
    inputs.flatMap(
      (a) =>
        a.translations
          .find((t) => t.language === l)
          ?.body.split(/\s+/)
          .filter((w) => /\p{L}{3,}/u.test(w)) ?? [],
    ),
  ]),
) as Record<KbLanguage, string[]>;

const pick = <T>(rand: () => number, list: readonly T[]): T =>
  list[Math.floor(rand() * list.length)]!;

/** Article `i` of a generated knowledge base (ids and text depend only on `i`). */
export function benchArticle(i: number, organizationId: string, now: string): KnowledgeArticle {
  const rand = lcg(i * 7919 + 17);
  const template = inputs[i % inputs.length]!;
  const edition = Math.floor(i / inputs.length) + 1;
  return {
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    organizationId,
    category: template.category,
    audience: template.audience,
    status: rand() < 0.9 ? 'published' : 'draft',
    version: 1,
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
    translations: template.translations.map((t) => ({
      language: t.language,
      title: `${t.title} (${pick(rand, QUALIFIERS[t.language])}, ${edition})`,
      body: `${t.body}\n\n${Array.from({ length: 30 }, () => pick(rand, WORDS[t.language])).join(' ')}`,
    })),
  };
}

export interface KbQuerySample {
  language: KbLanguage;
  q: string;
}

/**
 * What staff type into the knowledge-base search, in all four languages: a word from an
 * article's title typed partway (40 %), two title words with the second partway (40 %),
 * or two words from a body (20 %). Accents are left out half the time, as people type.
 */
export function kbQueries(count: number, seed = 5): KbQuerySample[] {
  const rand = lcg(seed);
  const out: KbQuerySample[] = [];
  while (out.length < count) {
    const article = pick(rand, inputs);
    const t = pick(rand, article.translations);
    const titleWords = significantTerms(t.title)?.terms.map((x) => x.text) ?? [];
    const bodyWords = significantTerms(t.body)?.terms.map((x) => x.text) ?? [];
    const typing = (w: string) => w.slice(0, Math.max(3, Math.ceil(w.length * (0.5 + rand() / 2))));
    const r = rand();
    let words: string[];
    if (r < 0.4 && titleWords.length > 0) words = [typing(pick(rand, titleWords))];
    else if (r < 0.8 && titleWords.length > 1)
      words = [pick(rand, titleWords), typing(pick(rand, titleWords))];
    else if (bodyWords.length > 1) words = [pick(rand, bodyWords), pick(rand, bodyWords)];
    else continue;
    // significantTerms folds; half the queries keep the accents of the original words.
    const typed = rand() < 0.5 ? words : words.map((w) => accented(t.title + ' ' + t.body, w));
    out.push({ language: t.language, q: typed.join(' ') });
  }
  return out;
}

/** The first word of `text` whose folded form starts with `folded`, cut to the same length. */
function accented(text: string, folded: string): string {
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (foldKnowledgeText(word).startsWith(folded)) return word.slice(0, folded.length);
  }
  return folded;
}
