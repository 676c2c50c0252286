import {
  BUILT_IN_KB_CATEGORIES,
  parseKbQuery,
  significantTerms,
  type KbLanguage,
} from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAudit } from '../access/request-audit';
import { AuditStore } from '../audit/audit-store';
import { testMac } from '../audit/testing/audit-fixtures';
import { addOrganization } from '../storage/contract/registry-fixtures';
import { searchArticles } from '../storage/knowledge/kb-search';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { DEMO_ARTICLES, demoArticleInput, loadDemoKnowledge } from './demo-knowledge';

describe('demo knowledge base', () => {
  let t: TestDatabase;
  let audit: AuditStore;
  let org: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    audit = new AuditStore(t.database, testMac);
    org = await addOrganization(t.database, 'Demo Clinic');
    const loaded = await loadDemoKnowledge(
      t.database,
      org,
      42,
      new Date('2026-03-01T12:00:00Z'),
      systemAudit(audit, { name: 'demo', organizationId: org, now: new Date() }),
    );
    expect(loaded).toBe(DEMO_ARTICLES.length);
  });
  afterAll(async () => {
    await audit.close();
    await t.dispose();
  });

  it('covers every built-in category, both audiences and all four languages', () => {
    expect(DEMO_ARTICLES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(DEMO_ARTICLES.map((a) => a.key)).size).toBe(DEMO_ARTICLES.length);
    expect(new Set(DEMO_ARTICLES.map((a) => a.category))).toEqual(new Set(BUILT_IN_KB_CATEGORIES));
    expect(new Set(DEMO_ARTICLES.map((a) => a.audience))).toEqual(new Set(['patient', 'internal']));
    for (const a of DEMO_ARTICLES)
      expect(demoArticleInput(a).translations.map((x) => x.language)).toEqual([
        'en',
        'es',
        'lv',
        'nb',
      ]);
  });

  const find = async (q: string, language: KbLanguage) =>
    (
      await searchArticles(t.database.db, t.database.engine, {
        organizationId: org,
        language,
        query: parseKbQuery(q),
        statuses: ['published'],
        audiences: ['patient'],
        order: 'title',
        limit: 5,
      })
    ).items.map((h) => h.title);

  it('is found by a patient typing in their own language without accents', async () => {
    expect((await find('glucometro', 'es'))[0]).toBe(
      'Cómo cuidar su glucómetro y sus tiras reactivas',
    );
    expect((await find('kolonoskop', 'lv'))[0]).toBe('Kā sagatavoties kolonoskopijai');
    expect((await find('forstover', 'nb'))[0]).toMatch(/forstøver/);
    expect(await find('analisis ayunas', 'es')).toEqual([
      'Cómo prepararse para un análisis de sangre en ayunas',
    ]);
    // Internal articles stay on the staff side.
    expect(await find('CO-16', 'en')).toEqual([]);
  });

  it('suggests the right article from a case written in Spanish', async () => {
    const page = await searchArticles(t.database.db, t.database.engine, {
      organizationId: org,
      language: 'es',
      query: significantTerms('Hola, mi mascarilla de la CPAP tiene fugas por la noche'),
      statuses: ['published'],
      audiences: ['patient', 'internal'],
      order: 'recent',
      limit: 5,
    });
    expect(page.items.map((h) => h.title)).toContain(
      'Cómo limpiar la mascarilla, el tubo y el humidificador de su CPAP',
    );
  });
});
