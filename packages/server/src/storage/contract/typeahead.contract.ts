import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTypeahead, patientSortName, type Patient } from '@caredesk/core';
import { setRestricted } from '../access/patient-facts';
import type { Engine } from '../database';
import { migrate } from '../migrate/migrator';
import { mergePatients } from '../patients/patient-merge';
import { PatientRepository } from '../patients/patient-repository';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { addOrganization, name, NOW, patient } from './registry-fixtures';

/** Every page of a typeahead, following cursors; fails on a page longer than `limit`. */
async function allPages(repo: PatientRepository, org: string, q: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await repo.typeahead(org, parseTypeahead(q)!, limit, cursor);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((p) => p.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('more than 100 pages');
}

/** Name order as both engines store it: folded sort name, then id, in UTF-8 byte order. */
function nameOrder(patients: Patient[]): string[] {
  const key = (p: Patient) => Buffer.from(`${patientSortName(p.names)}\u0000${p.id}`);
  return [...patients].sort((a, b) => Buffer.compare(key(a), key(b))).map((p) => p.id);
}

/**
 * The typeahead's contract on both engines: summaries in name order, pages without
 * repeats or gaps however common the prefix, and an index that follows every write.
 */
export function describeTypeaheadContract(engine: Engine): void {
  describe(`typeahead storage contract (${engine})`, () => {
    let t: TestDatabase;
    let repo: PatientRepository;
    let org: string;

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      repo = new PatientRepository(t.database);
      org = await addOrganization(t.database, 'Typeahead Clinic');
    });
    afterAll(async () => t.dispose());

    const create = (p: Patient) =>
      t.database.db.transaction().execute((trx) => repo.create(trx, p));
    const ids = async (q: string, limit = 50) =>
      (await repo.typeahead(org, parseTypeahead(q)!, limit)).items.map((p) => p.id);

    it('pages a prefix shared by many patients in name order, each once', async () => {
      const family = ['Kalnins', 'Kalnina', 'Kallas', 'Kalvik', 'Kaldera'];
      const made: Patient[] = [];
      for (let i = 0; i < 45; i++) {
        const p = patient(org, {
          names: [name(`Given${String.fromCharCode(97 + (i % 26))}`, family[i % 5]!)],
        });
        made.push(p);
        await create(p);
      }
      await create(patient(org, { names: [name('Other', 'Ozols')] }));
      const expected = nameOrder(made);
      expect(await allPages(repo, org, 'ka', 7)).toEqual(expected);
      expect(await allPages(repo, org, 'KAL', 45)).toEqual(expected);
      expect(await allPages(repo, org, 'kaln', 4)).toEqual(
        nameOrder(made.filter((p) => p.names[0]!.family.startsWith('Kaln'))),
      );
      // Two tokens: each must prefix some name part of the same patient.
      expect(await ids('givenb kalv')).toEqual(
        nameOrder(
          made.filter((p) => p.names[0]!.given[0] === 'Givenb' && p.names[0]!.family === 'Kalvik'),
        ),
      );
    });

    it('merges phone and identifier matches of the same digits into one ordered list', async () => {
      const byPhone = patient(org, {
        names: [name('Zane', 'Zvaigzne')],
        telecom: [{ system: 'phone', value: '+37129876501' }],
      });
      const byMrn = patient(org, {
        names: [name('Aija', 'Avots')],
        identifiers: [{ system: 'urn:test:mrn', value: '2987650-X', type: 'MR' }],
      });
      const both = patient(org, {
        names: [name('Maija', 'Mellene')],
        telecom: [{ system: 'phone', value: '+37129876502' }],
        identifiers: [{ system: 'urn:test:mrn', value: '29876000', type: 'MR' }],
      });
      for (const p of [byPhone, byMrn, both]) await create(p);
      const expected = nameOrder([byPhone, byMrn, both]);
      expect(await ids('298 76')).toEqual(expected);
      expect(await allPages(repo, org, '29876', 1)).toEqual(expected);
      expect(await ids('29876501')).toEqual([byPhone.id]);
      expect(await ids('2987650-X')).toEqual([byMrn.id]);
    });

    it('pages a shared birth date and a shared e-mail name in name order, each once', async () => {
      const made: Patient[] = [];
      for (let i = 0; i < 9; i++) {
        const p = patient(org, {
          names: [name(`Lauma${String.fromCharCode(97 + i)}`, i % 2 ? 'Liepa' : 'Lapsa')],
          birthDate: '1961-03-07',
          telecom: [{ system: 'email', value: `lauma.pager@mail${i}.example.lv` }],
        });
        made.push(p);
        await create(p);
      }
      await create(patient(org, { names: [name('Other', 'Ozola')], birthDate: '1961-03-08' }));
      const expected = nameOrder(made);
      expect(await allPages(repo, org, '1961-03-07', 2)).toEqual(expected);
      expect(await allPages(repo, org, '7.3.1961', 4)).toEqual(expected);
      expect(await allPages(repo, org, 'lauma.pager@', 2)).toEqual(expected);
      expect(await allPages(repo, org, 'lauma.pager@mail3', 2)).toEqual([made[3]!.id]);
    });

    it('follows renames, new phones and merges, and drops what no longer matches', async () => {
      const p = patient(org, {
        names: [name('Rasma', 'Vecvārde')],
        telecom: [{ system: 'phone', value: '+37120011001' }],
      });
      await create(p);
      expect(await ids('vecva')).toEqual([p.id]);
      const renamed = {
        ...p,
        names: [name('Rasma', 'Jaunvārde')],
        telecom: [{ system: 'phone' as const, value: '+37120022002' }],
        version: 2,
      };
      await repo.update(renamed, 1);
      expect(await ids('vecva')).toEqual([]);
      expect(await ids('200 110')).toEqual([]);
      expect(await ids('jaunva')).toEqual([p.id]);
      expect(await ids('rasma jaun')).toEqual([p.id]);
      expect(await ids('200 220')).toEqual([p.id]);

      const twin = patient(org, { names: [name('Rasma', 'Jaunvarde')] });
      await create(twin);
      await t.database.db
        .transaction()
        .execute((trx) => mergePatients(trx, org, twin.id, p.id, NOW));
      expect(await ids('jaunvarde')).toEqual([p.id]);
    });

    it('checks tokens longer than the stored prefixes against the whole name', async () => {
      const long = patient(org, { names: [name('Hubert', 'Wolfeschlegelsteinhausen')] });
      const near = patient(org, { names: [name('Hubert', 'Wolfeschlegelberg')] });
      await create(long);
      await create(near);
      expect(await ids('wolfeschlegel')).toEqual(nameOrder([long, near]));
      expect(await ids('wolfeschlegelstein')).toEqual([long.id]);
      expect(await ids('hub wolfeschlegelsteinhausen')).toEqual([long.id]);
      expect(await ids('wolfeschlegelsteinx')).toEqual([]);
    });

    it('returns summaries: name, birth date, MRN, first phone, restricted, not the record', async () => {
      const p = patient(org, {
        names: [name('Solveig', 'Summarud')],
        birthDate: '1950-12-24',
        administrativeSex: 'female',
        preferredLanguage: 'nb',
        identifiers: [{ system: 'urn:test:mrn', value: 'SUM-1', type: 'MR' }],
        telecom: [
          { system: 'email', value: 'solveig@example.no' },
          { system: 'phone', value: '+4790000002', rank: 2 },
          { system: 'phone', value: '+4790000001', rank: 1 },
        ],
        addresses: [{ use: 'home', lines: ['Storgata 1'], city: 'Oslo', country: 'NO' }],
      });
      await create(p);
      await t.database.db.transaction().execute((trx) => setRestricted(trx, p.id, true));
      const [summary] = (await repo.typeahead(org, parseTypeahead('summarud')!, 5)).items;
      expect(summary).toEqual({
        id: p.id,
        displayName: 'Solveig Summarud',
        birthDate: '1950-12-24',
        administrativeSex: 'female',
        preferredLanguage: 'nb',
        deceased: false,
        restricted: true,
        mrn: 'SUM-1',
        phone: '+4790000001',
      });
      // A row from before the summary column reads the same, and start-up fills it.
      await sql`UPDATE patients SET summary = NULL WHERE id = ${p.id}`.execute(t.database.db);
      expect((await repo.typeahead(org, parseTypeahead('summarud')!, 5)).items).toEqual([summary]);
      await migrate(t.database);
      const row = await t.database.db
        .selectFrom('patients')
        .select('summary')
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.summary!)).toEqual({
        displayName: 'Solveig Summarud',
        mrn: 'SUM-1',
        phone: '+4790000001',
      });
    });

    it('migration 0007 indexes the patients already stored', async () => {
      const old = await createTestDatabase(engine, 6);
      try {
        const o = await addOrganization(old.database, 'Before 0007');
        const id = randomUUID();
        const db = old.database.db;
        await db
          .insertInto('patients')
          .values({
            id,
            organization_id: o,
            sort_name: 'berzina ilze',
            birth_date: '1971-01-01',
            administrative_sex: 'female',
            preferred_language: 'lv',
            deceased: 0,
            merged_into: null,
            version: 1,
            data: JSON.stringify({
              names: [name('Ilze', 'Bērziņa')],
              identifiers: [{ system: 'urn:test:mrn', value: 'LV-42', type: 'MR' }],
              telecom: [{ system: 'phone', value: '+37126000042' }],
            }),
            source_key: null,
            content_hash: 'h',
            created_at: NOW,
            updated_at: NOW,
          })
          .execute();
        const terms: Array<[string, string]> = [
          ['name', 'ilze'],
          ['name', 'berzina'],
          ['identifier', 'lv42'],
          ['phone', '37126000042'],
        ];
        await db
          .insertInto('patient_search_terms')
          .values(terms.map(([kind, term]) => ({ organization_id: o, kind, term, patient_id: id })))
          .execute();
        await migrate(old.database);
        const oldRepo = new PatientRepository(old.database);
        for (const q of ['b', 'berz', 'ilze berzina', 'lv4', '371 260']) {
          const page = await oldRepo.typeahead(o, parseTypeahead(q)!, 5);
          expect(
            page.items.map((p) => [p.id, p.displayName, p.mrn]),
            q,
          ).toEqual([[id, 'Ilze Bērziņa', 'LV-42']]);
        }
      } finally {
        await old.dispose();
      }
    });
  });
}
