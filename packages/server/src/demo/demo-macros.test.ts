import { MACRO_LANGUAGES, renderMacro, validateMacroInput } from '@caredesk/core';
import { describe, expect, it } from 'vitest';
import { systemAudit } from '../access/request-audit';
import { AuditStore } from '../audit/audit-store';
import { testMac } from '../audit/testing/audit-fixtures';
import { createTestDatabase } from '../storage/testing/test-database';
import { DEMO_MACROS, loadDemoMacros } from './demo-macros';

const facts = {
  'patient.firstName': 'Anna',
  'patient.fullName': 'Anna Bērziņa',
  'case.number': 'C-1042',
  'case.subject': 'Recepte',
  'case.dueDate': '2025-10-26T09:00:00Z',
  'agent.firstName': 'Ilze',
  'organization.name': 'Upmalas klīnika',
  'portal.link': 'https://care.example/portal',
};

describe('the demo macros', () => {
  it('are eight, each valid and written in all four languages', () => {
    expect(DEMO_MACROS).toHaveLength(8);
    for (const m of DEMO_MACROS) {
      expect(validateMacroInput(m), m.name).toMatchObject({ ok: true });
      expect(m.bodies.map((b) => b.language)).toEqual([...MACRO_LANGUAGES]);
      expect(Object.keys(m.names ?? {}).sort()).toEqual(['es', 'lv', 'nb']);
    }
  });

  it.each(MACRO_LANGUAGES)('read complete in %s, with every placeholder filled', (lang) => {
    for (const m of DEMO_MACROS) {
      const r = renderMacro(m, lang, facts, 'Europe/Riga');
      expect(r.language).toBe(lang);
      expect(r.missing, m.name).toEqual([]);
      expect(`${r.subject} ${r.body}`).not.toMatch(/\{\{|\}\}|undefined/);
      expect(r.body).toContain('Ilze');
    }
  });

  it('load once: a second demo load leaves them as they are', async () => {
    const t = await createTestDatabase('sqlite');
    const store = new AuditStore(t.database, testMac);
    try {
      const now = new Date('2025-01-02T03:04:05Z');
      const audit = systemAudit(store, { name: 'demo', organizationId: 'org-demo', now });
      expect(await loadDemoMacros(t.database, 'org-demo', now, audit)).toBe(8);
      expect(await loadDemoMacros(t.database, 'org-demo', now, audit)).toBe(0);
      const rows = await t.database.db.selectFrom('macros').select('name').execute();
      expect(rows).toHaveLength(8);
    } finally {
      await store.close();
      await t.dispose();
    }
  });
});
