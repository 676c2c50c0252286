import { randomUUID } from 'node:crypto';
import {
  parseKbQuery,
  significantTerms,
  type KbAudience,
  type KbLanguage,
  type KbStatus,
  type KbTranslation,
  type KnowledgeArticle,
} from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganization, NOW } from '../contract/registry-fixtures';
import type { Engine } from '../database';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { decodeCursor } from '../cursor';
import { KbArticleStore } from './kb-article-store';
import { BROAD_SEARCH } from './kb-index-words';
import { searchArticles } from './kb-search';
import type { KbSearchParams } from './kb-search-types';

type Tr = [KbLanguage, string, string];

/**
 * The knowledge base's storage contract, the same on SQLite (FTS5) and PostgreSQL
 * (tsvector): accent- and case-insensitive words, title hits first, the last word as a
 * prefix, the reader's language with the fallback said, audience, status and
 * organization filters, keyset pages, and an index that follows every write.
 * Run by kb.contract.test.ts (embedded) and kb.contract.pg.test.ts (needs DATABASE_URL).
 */
export function describeKnowledgeContract(engine: Engine): void {
  describe(`knowledge base storage contract (${engine})`, () => {
    let t: TestDatabase;
    let store: KbArticleStore;
    let org: string;
    let otherOrg: string;
    let n = 0;

    const add = async (
      translations: Tr[],
      opts: { audience?: KbAudience; status?: KbStatus; category?: string; orgId?: string } = {},
    ): Promise<KnowledgeArticle> => {
      const stamp = new Date(Date.parse(NOW) + ++n * 1000).toISOString();
      const article: KnowledgeArticle = {
        id: randomUUID(),
        organizationId: opts.orgId ?? org,
        category: opts.category ?? 'devices',
        audience: opts.audience ?? 'patient',
        status: opts.status ?? 'published',
        translations: translations.map(([language, title, body]): KbTranslation => ({
          language,
          title,
          body,
        })),
        version: 1,
        createdAt: stamp,
        updatedAt: stamp,
        publishedAt: stamp,
      };
      await t.database.db.transaction().execute((trx) => store.insert(trx, article, null));
      return article;
    };

    const search = (q: string, more: Partial<KbSearchParams> = {}) =>
      searchArticles(t.database.db, engine, {
        organizationId: org,
        language: 'en',
        query: parseKbQuery(q),
        statuses: ['published'],
        audiences: ['patient', 'internal'],
        order: 'recent',
        limit: 20,
        ...more,
      });
    const titles = async (q: string, more: Partial<KbSearchParams> = {}) =>
      (await search(q, more)).items.map((h) => h.title);

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      store = new KbArticleStore(t.database);
      org = await addOrganization(t.database, 'Knowledge Clinic');
      otherOrg = await addOrganization(t.database, 'Other Clinic');
      await add([
        ['lv', 'Diabētes dienasgrāmata un glikozes mērītājs', 'Kā lietot mērītāju katru dienu.'],
      ]);
      await add([['nb', 'Søvnapné og CPAP', 'Rengjør masken på en bærbar måte hver morgen.']]);
      await add([['es', 'Análisis de sangre en ayunas', 'No coma nada ocho horas antes. Niño.']]);
    });
    afterAll(async () => t.dispose());

    it('finds accented words typed without accents, in any case', async () => {
      expect(await titles('diabetes', { language: 'lv' })).toEqual([
        'Diabētes dienasgrāmata un glikozes mērītājs',
      ]);
      expect(await titles('GLIKOZES MERITAJS', { language: 'lv' })).toHaveLength(1);
      expect(await titles('sovnapne', { language: 'nb' })).toEqual(['Søvnapné og CPAP']);
      expect(await titles('baerbar', { language: 'nb' })).toEqual(['Søvnapné og CPAP']);
      expect(await titles('analisis nino', { language: 'es' })).toEqual([
        'Análisis de sangre en ayunas',
      ]);
      // The accented spelling finds the same article.
      expect(await titles('Análisis', { language: 'es' })).toHaveLength(1);
    });

    it('matches the last word as a prefix and the others whole', async () => {
      expect(await titles('glikozes mer', { language: 'lv' })).toHaveLength(1);
      expect(await titles('glik dienasgramata', { language: 'lv' })).toEqual([]);
      expect(await titles('sangre ayu', { language: 'es' })).toHaveLength(1);
    });

    it('ranks articles with the words in the title above those with them in the body', async () => {
      const body = await add([
        ['en', 'Home oxygen safety', 'A nebuliser nebuliser nebuliser is not oxygen. Nebuliser.'],
      ]);
      const title = await add([['en', 'Nebuliser cleaning', 'Wash the cup after every use.']]);
      const hits = (await search('nebuliser')).items.map((h) => h.id);
      expect(hits).toEqual([title.id, body.id]);
    });

    it('shows an article in the reader language, else in English and says so', async () => {
      const both = await add([
        ['en', 'Reading your bill', 'Each line is a service.'],
        ['es', 'Cómo leer su factura', 'Cada línea es un servicio.'],
      ]);
      const englishOnly = await add([['en', 'Paying your bill online', 'Use the portal.']]);
      const es = await search('bill', { language: 'es' });
      // The bilingual article is only in Spanish words for a Spanish reader.
      expect(es.items.map((h) => [h.id, h.language, h.fallback])).toEqual([
        [englishOnly.id, 'en', true],
      ]);
      const factura = await search('factura', { language: 'es' });
      expect(factura.items.map((h) => [h.id, h.language, h.fallback])).toEqual([
        [both.id, 'es', false],
      ]);
      expect(await titles('factura', { language: 'en' })).toEqual([]);
      // An article without English falls back to the first language it has.
      const lvOnly = await search('diabetes', { language: 'nb' });
      expect(lvOnly.items.map((h) => [h.language, h.fallback])).toEqual([['lv', true]]);
    });

    it('keeps drafts, archived and internal articles and other organizations apart', async () => {
      await add([['en', 'Zebra draft', 'x']], { status: 'draft' });
      await add([['en', 'Zebra archived', 'x']], { status: 'archived' });
      await add([['en', 'Zebra internal', 'x']], { audience: 'internal' });
      await add([['en', 'Zebra elsewhere', 'x']], { orgId: otherOrg });
      await add([['en', 'Zebra crossing', 'x']], { category: 'financial-help' });
      expect(await titles('zebra', { audiences: ['patient'] })).toEqual(['Zebra crossing']);
      expect((await titles('zebra', { statuses: ['draft', 'published'] })).sort()).toEqual([
        'Zebra crossing',
        'Zebra draft',
        'Zebra internal',
      ]);
      expect(await titles('zebra', { category: 'financial-help' })).toEqual(['Zebra crossing']);
      expect(await titles('', { category: 'financial-help' })).toEqual(['Zebra crossing']);
    });

    it('pages ranked and listed results by keyset, without repeats or gaps', async () => {
      const made: string[] = [];
      for (let i = 0; i < 13; i++) {
        const words = 'pager '.repeat((i % 4) + 1);
        made.push((await add([['en', i % 3 === 0 ? `Pager ${i}` : `Item ${i}`, words]])).id);
      }
      for (const [q, order] of [
        ['pager', 'recent'],
        ['', 'recent'],
        ['', 'title'],
      ] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let pages = 0; pages < 50; pages++) {
          const page = await search(q, { limit: 4, cursor, order });
          expect(page.items.length).toBeLessThanOrEqual(4);
          seen.push(...page.items.map((h) => h.id));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(new Set(seen).size).toBe(seen.length);
        if (q) expect(seen.sort()).toEqual([...made].sort());
        else expect(seen.length).toBeGreaterThanOrEqual(made.length);
      }
      const byTitle = (await search('', { order: 'title', limit: 100 })).items.map((h) => h.title);
      expect(byTitle.indexOf('Item 1')).toBeLessThan(byTitle.indexOf('Pager 0'));
    });

    it('pages a broad search (hundreds of matches) with title matches first, none twice', async () => {
      const titled: string[] = [];
      await t.database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 520; i++) {
          const stamp = new Date(Date.parse(NOW) + i).toISOString();
          const inTitle = i % 50 === 0;
          const a: KnowledgeArticle = {
            id: randomUUID(),
            organizationId: org,
            category: 'medications',
            audience: 'patient',
            status: 'published',
            translations: [
              {
                language: 'en',
                title: inTitle ? `Inhaler technique ${i}` : `Breathing exercise ${i}`,
                body: `Use the inhaler every morning. Step ${i}.`,
              },
            ],
            version: 1,
            createdAt: stamp,
            updatedAt: stamp,
            publishedAt: stamp,
          };
          if (inTitle) titled.push(a.id);
          await store.insert(trx, a, null);
        }
      });
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const page = await search('inhal', { limit: 50, cursor, category: 'medications' });
        seen.push(...page.items.map((h) => h.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(520);
      expect(new Set(seen).size).toBe(520);
      expect(new Set(seen.slice(0, titled.length))).toEqual(new Set(titled));
    });

    it('turns a search broad once the index grows past the broad limit, not later', async () => {
      const addMany = (from: number, count: number) =>
        t.database.db.transaction().execute(async (trx) => {
          for (let i = from; i < from + count; i++) {
            const stamp = new Date(Date.parse(NOW) + i).toISOString();
            await store.insert(
              trx,
              {
                id: randomUUID(),
                organizationId: org,
                category: 'devices',
                audience: 'internal',
                status: 'published',
                translations: [{ language: 'en', title: `Spirometer ${i}`, body: 'Calibrate it.' }],
                version: 1,
                createdAt: stamp,
                updatedAt: stamp,
                publishedAt: stamp,
              },
              null,
            );
          }
        });
      // The cursor says how the search ordered its page: ranked, or broad (BROAD_SEARCH).
      const mode = async () => {
        const page = await search('spirometer', { limit: 5 });
        return decodeCursor(page.nextCursor ?? '', 4)[0];
      };
      await addMany(0, BROAD_SEARCH);
      expect(await mode()).toBe('rank');
      expect(await mode()).toBe('rank');
      await addMany(BROAD_SEARCH, 1);
      expect(await mode()).toBe('broad');
    });

    it('follows rewrites: old words stop matching, new ones match, stale versions conflict', async () => {
      const a = await add([['en', 'Nebuliser parts', 'Replace the tubing.']]);
      const next: KnowledgeArticle = {
        ...a,
        version: 2,
        translations: [
          { language: 'en', title: 'Peak flow meter', body: 'Blow hard.' },
          { language: 'nb', title: 'Peak flow-måler', body: 'Blås hardt.' },
        ],
      };
      await t.database.db.transaction().execute((trx) => store.replace(trx, next, 1, null));
      expect(await titles('tubing')).toEqual([]);
      expect(await titles('peak flow')).toEqual(['Peak flow meter']);
      expect(await titles('blas', { language: 'nb' })).toEqual(['Peak flow-måler']);
      await expect(
        t.database.db.transaction().execute((trx) => store.replace(trx, next, 1, null)),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect((await store.get(org, a.id))?.translations.map((x) => x.language)).toEqual([
        'en',
        'nb',
      ]);
      expect(await store.get(otherOrg, a.id)).toBeNull();
    });

    it('ranks articles matching more of a case text words first', async () => {
      const one = await add([['en', 'Inhaler spacer', 'Shake the inhaler.']]);
      const two = await add([['en', 'Inhaler and spacer cleaning', 'Clean the spacer weekly.']]);
      const q = significantTerms('Hello, my spacer is dirty, how do I do the cleaning?');
      const hits = await searchArticles(t.database.db, engine, {
        organizationId: org,
        language: 'en',
        query: q,
        statuses: ['published'],
        audiences: ['patient', 'internal'],
        order: 'recent',
        limit: 5,
      });
      const ids = hits.items.map((h) => h.id);
      expect(ids[0]).toBe(two.id);
      expect(ids).toContain(one.id);
      expect(ids.length).toBeLessThanOrEqual(5);
    });

    it('treats hostile search text as words', async () => {
      for (const q of [
        `"`,
        `' OR '1'='1`,
        'title:zebra',
        'NEAR(a b)',
        'a* OR b*',
        '{title}:x',
        '); DROP TABLE kb_articles; --',
        'x'.repeat(5000),
        '\u0000\u202e',
      ]) {
        await expect(search(q)).resolves.toBeDefined();
      }
      expect(await titles('zebra crossing')).toEqual(['Zebra crossing']);
    });
  });
}
