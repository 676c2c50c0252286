import { describe, expect, it } from 'vitest';
import type { KnowledgeArticleInput } from './knowledge-article';
import { validateArticleInput } from './validate-article';

const article = (over: Partial<KnowledgeArticleInput> = {}): KnowledgeArticleInput => ({
  category: 'devices',
  audience: 'patient',
  translations: [{ language: 'en', title: 'Cleaning a nebuliser', body: 'Rinse it.' }],
  ...over,
});

const keysOf = (input: KnowledgeArticleInput) => {
  const r = validateArticleInput(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.messageKey}`);
};

describe('knowledge article validation', () => {
  it('accepts an article and returns it cleaned, translations in language order', () => {
    const r = validateArticleInput(
      article({
        category: 'home-oxygen',
        translations: [
          { language: 'nb', title: '  Rengjøring ', body: 'Skyll den.\r\n\r\n- Tørk' },
          { language: 'en', title: 'Cleaning', body: 'Rinse it.' },
        ],
      }),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        category: 'home-oxygen',
        audience: 'patient',
        translations: [
          { language: 'en', title: 'Cleaning', body: 'Rinse it.' },
          { language: 'nb', title: 'Rengjøring', body: 'Skyll den.\n\n- Tørk' },
        ],
      },
    });
  });

  it('needs at least one translation, once per supported language', () => {
    expect(keysOf(article({ translations: [] }))).toEqual([
      'translations kb.validation.translation-required',
    ]);
    const twice = article({
      translations: [
        { language: 'es', title: 'a', body: 'b' },
        { language: 'es', title: 'c', body: 'd' },
      ],
    });
    expect(keysOf(twice)).toEqual(['translations/1/language kb.validation.language-twice']);
    const german = article({
      translations: [{ language: 'de' as never, title: 'Titel', body: 'Text' }],
    });
    expect(keysOf(german)).toEqual(['translations/0/language kb.validation.language']);
  });

  it('refuses empty, over-long and hidden-character titles and bodies', () => {
    const t = (title: string, body: string) =>
      keysOf(article({ translations: [{ language: 'lv', title, body }] }));
    expect(t('  ', '')).toEqual([
      'translations/0/title kb.validation.title-required',
      'translations/0/body kb.validation.body-required',
    ]);
    expect(t('x'.repeat(201), 'y'.repeat(20_001))).toEqual([
      'translations/0/title validation.text.too-long',
      'translations/0/body validation.text.too-long',
    ]);
    expect(t('Evil\u202Etitle', 'nul\u0000byte')).toEqual([
      'translations/0/title validation.text.invisible-character',
      'translations/0/body validation.text.control-character',
    ]);
    // Line breaks and tabs are how a body is laid out.
    expect(t('Fine', 'Line one\n\tindented\nline three')).toEqual([]);
  });

  it('keeps categories to code strings', () => {
    expect(keysOf(article({ category: 'Test Prep' }))).toEqual(['category kb.validation.category']);
    expect(keysOf(article({ category: '<script>' }))).toEqual(['category kb.validation.category']);
    expect(keysOf(article({ category: 'financial-help' }))).toEqual([]);
  });
});
