import { fixedClock, isDomainError, type MacroInput } from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAudit } from '../../access/request-audit';
import { AuditStore } from '../../audit/audit-store';
import { testMac } from '../../audit/testing/audit-fixtures';
import type { Engine } from '../../storage/database';
import { listMacros } from '../../storage/service-desk/macro-store';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { MacroService } from './macro-service';

const ORG = 'org-macros';
const OTHER_ORG = 'org-elsewhere';

const input = (name: string, extra: Partial<MacroInput> = {}): MacroInput => ({
  name,
  bodies: [
    { language: 'en', subject: 'Case {{case.number}}', body: 'Hello {{patient.firstName}}' },
    { language: 'lv', body: 'Labdien, {{patient.firstName}}! Recepte saņemta.' },
  ],
  actions: { setStatus: 'pending-third-party', addTags: ['refill'] },
  audience: 'public-reply',
  ...extra,
});

/** What a caller gets from a call that should fail: the domain error's code and key. */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (isDomainError(e)) return `${e.code} ${e.messageKey}`;
    throw e;
  }
  return 'no refusal';
}

/**
 * The macro storage contract, the same on SQLite and PostgreSQL: run by
 * macro.contract.test.ts (embedded) and macro.contract.pg.test.ts (needs DATABASE_URL).
 */
export function describeMacroContract(engine: Engine): void {
  describe(`macros (${engine})`, () => {
    let t: TestDatabase;
    let store: AuditStore;
    let macros: MacroService;
    const audit = () =>
      systemAudit(store, { name: 'contract', organizationId: ORG, now: new Date() });
    const entries = () =>
      t.database.db
        .selectFrom('audit_entries')
        .select(['action', 'resource_type', 'resource_id', 'detail'])
        .where('resource_type', '=', 'Macro')
        .orderBy('seq')
        .execute();

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      store = new AuditStore(t.database, testMac);
      macros = new MacroService(t.database, fixedClock('2025-03-30T01:30:00Z'));
    });
    afterAll(async () => {
      await store.close();
      await t.dispose();
    });

    it('creates a macro at version 1 with its audit entry, and reads it back whole', async () => {
      const created = (await macros.create(ORG, input('Refill received'), audit())).body as {
        id: string;
      };
      const back = await macros.get(ORG, created.id);
      expect(back).toEqual({
        id: created.id,
        organizationId: ORG,
        name: 'Refill received',
        names: {},
        bodies: input('x').bodies,
        actions: { setStatus: 'pending-third-party', addTags: ['refill'] },
        audience: 'public-reply',
        active: true,
        version: 1,
        updatedAt: '2025-03-30T01:30:00.000Z',
      });
      expect(await entries()).toEqual([
        {
          action: 'create',
          resource_type: 'Macro',
          resource_id: created.id,
          detail: '{"version":1}',
        },
      ]);
    });

    it('keeps macros to their organization', async () => {
      const { items } = await macros.list(ORG, { activeOnly: false, limit: 10 });
      const id = items[0]!.id;
      expect(await refusal(macros.get(OTHER_ORG, id))).toBe('not-found macros.not-found');
      expect(await refusal(macros.deactivate(OTHER_ORG, id, audit()))).toBe(
        'not-found macros.not-found',
      );
      expect((await macros.list(OTHER_ORG, { activeOnly: false, limit: 10 })).items).toEqual([]);
    });

    it('refuses a second macro whose name differs only in case and accents, writing nothing', async () => {
      const before = (await entries()).length;
      expect(await refusal(macros.create(ORG, input('REFILL  récéived'), audit()))).toBe(
        'conflict macros.name-taken',
      );
      expect((await entries()).length).toBe(before);
      // Another organization may use the name.
      await macros.create(OTHER_ORG, input('Refill received'), audit());
    });

    it('refuses invalid input before writing anything', async () => {
      const bad = input('Broken', { bodies: [{ language: 'en', body: '{{patient.ssn}}' }] });
      expect(await refusal(macros.create(ORG, bad, audit()))).toBe('validation problem.validation');
      const { items } = await macros.list(ORG, { q: 'broken', activeOnly: false, limit: 10 });
      expect(items).toEqual([]);
    });

    it('saves on the version it was read at, and refuses a stale one (409)', async () => {
      const { id } = (await macros.create(ORG, input('Claim help: next steps'), audit())).body as {
        id: string;
      };
      const saved = await macros.update(
        ORG,
        id,
        input('Claim help: next steps', { audience: 'internal-note' }),
        1,
        audit(),
      );
      expect(saved).toMatchObject({ version: 2, audience: 'internal-note' });
      expect(await refusal(macros.update(ORG, id, input('Claim help: stale'), 1, audit()))).toBe(
        'conflict macros.conflict',
      );
      expect((await macros.get(ORG, id)).name).toBe('Claim help: next steps');
      const last = (await entries()).at(-1);
      expect(last).toMatchObject({ action: 'update', resource_id: id });
    });

    it('retires a macro: gone from the composer, kept in the library, and back with active', async () => {
      const { id } = (await macros.create(ORG, input('Bill explained'), audit())).body as {
        id: string;
      };
      const retired = await macros.deactivate(ORG, id, audit());
      expect(retired).toMatchObject({ active: false, version: 2 });
      const composer = await macros.list(ORG, { q: 'bill', activeOnly: true, limit: 10 });
      expect(composer.items).toEqual([]);
      const library = await macros.list(ORG, { q: 'bill', activeOnly: false, limit: 10 });
      expect(library.items.map((m) => m.id)).toEqual([id]);
      expect(await refusal(macros.preview(ORG, id, 'en', {}, 'UTC'))).toBe(
        'conflict macros.inactive',
      );
      await macros.update(ORG, id, { ...input('Bill explained'), active: true }, 2, audit());
      expect(
        (await macros.list(ORG, { q: 'bill', activeOnly: true, limit: 10 })).items,
      ).toHaveLength(1);
    });

    it('finds macros by any word of any language, accents and case ignored', async () => {
      const names = async (q: string) =>
        (await macros.list(ORG, { q, activeOnly: true, limit: 50 })).items.map((m) => m.name);
      expect(await names('sanemta')).toContain('Refill received');
      expect(await names('RECEPTE Labdien')).toContain('Refill received');
      expect(await names('recepte nothing-like-this')).toEqual([]);
      // Wildcards and quotes are text, not SQL.
      expect(await names("%' OR '1'='1")).toEqual([]);
      expect(await names('_')).toHaveLength((await names('')).length);
    });

    it('pages in name order, accents folded, with a cursor that survives ties', async () => {
      for (const name of ['Ārsta vizīte', 'Zobu higiēna', 'apmeklējums', 'Bill dispute']) {
        await macros.create(ORG, input(name), audit());
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listMacros(t.database.db, ORG, {
          activeOnly: false,
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((m) => m.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([
        'apmeklējums',
        'Ārsta vizīte',
        'Bill dispute',
        'Bill explained',
        'Claim help: next steps',
        'Refill received',
        'Zobu higiēna',
      ]);
      expect(
        await refusal(macros.list(ORG, { activeOnly: true, limit: 2, cursor: 'bogus!' })),
      ).toBe('validation validation.cursor.invalid');
    });

    it('previews a stored macro in the reader language, with the org language as fallback', async () => {
      const { items } = await macros.list(ORG, { q: 'refill', activeOnly: true, limit: 1 });
      const id = items[0]!.id;
      const lv = await macros.preview(
        ORG,
        id,
        'lv-LV',
        { 'patient.firstName': 'Anna' },
        'Europe/Riga',
      );
      expect(lv).toMatchObject({
        language: 'lv',
        fallback: false,
        subject: null,
        body: 'Labdien, Anna! Recepte saņemta.',
        missing: [],
      });
      const es = await macros.preview(ORG, id, 'es', {}, 'Europe/Madrid', 'lv');
      expect(es).toMatchObject({ language: 'lv', fallback: true, missing: ['patient.firstName'] });
      expect(await refusal(macros.preview(ORG, id, 'en', {}, 'Nowhere/Else'))).toBe(
        'validation validation.timeZone.invalid',
      );
    });
  });
}
