import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTypeahead, type Patient } from '@caredesk/core';
import type { Engine } from '../database';
import { runIdempotent } from '../idempotency';
import { refreshStatistics } from '../refresh-statistics';
import { loadMigrations } from '../migrate/migrator';
import { listClinical } from '../clinical/clinical-lists';
import { mergePatients } from '../patients/patient-merge';
import { PatientRepository } from '../patients/patient-repository';
import { importBatch, ImportRejected } from '../registry-import/import-store';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { addOrganization, importFixture, name, NOW, patient } from './registry-fixtures';

/**
 * The storage contract: every repository behaves the same on SQLite and PostgreSQL.
 * Run by registry.contract.test.ts (embedded) and registry.contract.pg.test.ts (CI).
 */
export function describeRegistryContract(engine: Engine): void {
  describe(`registry storage contract (${engine})`, () => {
    let t: TestDatabase;
    let repo: PatientRepository;
    let org: string;
    let otherOrg: string;

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      repo = new PatientRepository(t.database);
      org = await addOrganization(t.database, 'Clinic A');
      otherOrg = await addOrganization(t.database, 'Clinic B');
    });
    afterAll(async () => t.dispose());

    const create = (p: Patient) =>
      t.database.db.transaction().execute((trx) => repo.create(trx, p));
    const typeahead = async (q: string, organizationId = org) =>
      (await repo.typeahead(organizationId, parseTypeahead(q)!, 50)).items.map((p) => p.id);

    it('has applied every migration of the engine', async () => {
      const rows = await t.database.db
        .selectFrom('schema_migrations')
        .select('version')
        .orderBy('version')
        .execute();
      expect(rows.map((r) => Number(r.version))).toEqual(
        loadMigrations(engine).map((m) => m.version),
      );
    });

    it('stores and reads a patient exactly', async () => {
      const p = patient(org, {
        names: [
          name('Mārtiņš', 'Bērziņš'),
          { use: 'nickname', given: ['Mārcis'], family: '', prefix: [], suffix: [] },
        ],
        telecom: [{ system: 'phone', value: '+37122334455', use: 'mobile', rank: 1 }],
        quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/Riga' },
        deceased: false,
      });
      await create(p);
      expect(await repo.get(org, p.id)).toEqual(p);
      expect(await repo.get(otherOrg, p.id)).toBeNull();
    });

    it('keeps identifiers unique within an organization, not across them', async () => {
      const mrn = [{ system: 'urn:test:mrn', value: 'SAME-1', type: 'MR' }];
      await create(patient(org, { identifiers: mrn }));
      await expect(create(patient(org, { identifiers: mrn }))).rejects.toMatchObject({
        code: 'conflict',
      });
      await expect(create(patient(otherOrg, { identifiers: mrn }))).resolves.toBeTruthy();
    });

    it('finds by folded name prefixes, composed or decomposed, and never across organizations', async () => {
      const nguyen = patient(org, { names: [name('Thị', 'Nguyễn')] });
      const obrien = patient(org, { names: [name('Seán', "O'Brien")] });
      await create(nguyen);
      await create(obrien);
      await create(patient(otherOrg, { names: [name('Thị', 'Nguyễn')] }));
      expect(await typeahead('nguyen')).toEqual([nguyen.id]);
      expect(await typeahead('Nguye\u0302\u0303n'.normalize('NFD'))).toEqual([nguyen.id]);
      expect(await typeahead('NGUYỄN thi')).toEqual([nguyen.id]);
      expect(await typeahead('obri')).toEqual([obrien.id]);
      expect(await typeahead("o'brien")).toEqual([obrien.id]);
      expect(await typeahead('sean o')).toEqual([obrien.id]);
    });

    it('treats SQL metacharacters in searches as data', async () => {
      for (const q of [
        "' OR '1'='1",
        '1 OR 1=1',
        '%',
        '_',
        "'; DROP TABLE patients;--",
        '\\',
        '"',
      ]) {
        const query = parseTypeahead(q);
        if (query)
          expect(await repo.typeahead(org, query, 50)).toEqual({
            items: [],
            nextCursor: null,
          });
      }
      const still = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM patients`.execute(
        t.database.db,
      );
      expect(Number(still.rows[0]?.n)).toBeGreaterThan(0);
    });

    it('finds by birth date (exact and partial), phone, e-mail and identifier', async () => {
      const p = patient(org, {
        names: [name('Kari', 'Nordmann')],
        birthDate: '1975-06-15',
        telecom: [
          { system: 'phone', value: '+4791234567' },
          { system: 'email', value: 'kari.nordmann@example.no' },
        ],
        identifiers: [{ system: 'urn:test:mrn', value: 'NO-775512', type: 'MR' }],
      });
      await create(p);
      expect(await typeahead('1975-06-15')).toContain(p.id);
      expect(await typeahead('912 34')).toContain(p.id);
      expect(await typeahead('+47 9123')).toContain(p.id);
      expect(await typeahead('kari.nord@')).toEqual([]);
      expect(await typeahead('kari.nordmann@ex')).toEqual([p.id]);
      expect(await typeahead('NO-7755')).toEqual([p.id]);
      const byYear = await repo.search(org, { birthDate: { op: 'eq', value: '1975' } }, 50);
      expect(byYear.items.map((x) => x.id)).toContain(p.id);
      const after = await repo.search(org, { birthDate: { op: 'gt', value: '1975-06' } }, 50);
      expect(after.items.map((x) => x.id)).not.toContain(p.id);
      const byIdent = await repo.search(
        org,
        { identifier: { system: 'urn:test:mrn', value: 'NO-775512' } },
        50,
      );
      expect(byIdent.items.map((x) => x.id)).toEqual([p.id]);
    });

    it('pages with keyset cursors in a stable order without repeats or gaps', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 23; i++) {
        const p = patient(org, {
          names: [name(`Given${String.fromCharCode(97 + (i % 26))}`, 'Pagerud')],
          birthDate: `19${String(10 + i)}-02-03`,
        });
        ids.add(p.id);
        await create(p);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.search(org, { nameTokens: ['pagerud'] }, 5, cursor);
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(23);
      expect(new Set(seen)).toEqual(ids);
      await expect(
        repo.search(org, { nameTokens: ['pagerud'] }, 5, 'bm90LWpzb24'),
      ).rejects.toMatchObject({ code: 'validation' });
    });

    it('refuses a stale update and applies a current one', async () => {
      const p = patient(org, { names: [name('Ola', 'Versjon')] });
      await create(p);
      const next = { ...p, preferredChannel: 'sms' as const, version: 2 };
      await expect(repo.update(next, 7)).rejects.toMatchObject({ code: 'conflict' });
      await repo.update(next, 1);
      expect((await repo.get(org, p.id))?.preferredChannel).toBe('sms');
      expect(await typeahead('versjon')).toEqual([p.id]);
    });

    it('flags likely duplicates once per pair and merges them, moving identifiers and records', async () => {
      const a = patient(org, {
        names: [name('Lucia', 'Fernandez')],
        birthDate: '1960-03-03',
        identifiers: [{ system: 'urn:test:mrn', value: 'DUP-A' }],
      });
      const b = patient(org, {
        names: [name('Lucía', 'Fernández')],
        birthDate: '1960-03-03',
        identifiers: [{ system: 'urn:test:mrn', value: 'DUP-B' }],
      });
      await create(a);
      expect((await create(b)).duplicatesFlagged).toBe(1);
      const open = await repo.listDuplicateCandidates(org, 100);
      const pair = [a.id, b.id].sort();
      expect(open.items.some((d) => d.patientId === pair[0] && d.candidateId === pair[1])).toBe(
        true,
      );
      const survivor = await t.database.db
        .transaction()
        .execute((trx) => mergePatients(trx, org, b.id, a.id, NOW));
      expect(survivor.identifiers.map((i) => i.value).sort()).toEqual(['DUP-A', 'DUP-B']);
      expect((await repo.get(org, b.id))?.mergedInto).toBe(a.id);
      expect(await typeahead('DUP-B')).toEqual([a.id]);
      expect(await typeahead('fernandez lucia')).toEqual([a.id]);
      expect(
        (await repo.listDuplicateCandidates(org, 100)).items.some(
          (d) => d.patientId === pair[0] && d.candidateId === pair[1],
        ),
      ).toBe(false);
      await expect(
        t.database.db.transaction().execute((trx) => mergePatients(trx, org, b.id, a.id, NOW)),
      ).rejects.toMatchObject({ code: 'conflict' });
    });

    it("lists a merged record's visits and coverage under the survivor, naming the survivor", async () => {
      const prior = randomUUID();
      await importBatch(t.database, org, importFixture(prior, 100), NOW);
      const survivor = patient(org, { names: [name('Marta', 'Survivor')] });
      await create(survivor);
      await t.database.db
        .transaction()
        .execute((trx) => mergePatients(trx, org, prior, survivor.id, NOW));
      const visits = await listClinical(t.database.db, 'encounters', survivor.id, 10);
      expect(visits.items.map((e) => [e.id, e.patientId])).toEqual([
        [`e${prior.slice(1)}`, survivor.id],
      ]);
      expect((await repo.coverages(survivor.id)).map((c) => c.patientId)).toEqual([survivor.id]);
      expect((await listClinical(t.database.db, 'encounters', prior, 10)).items).toEqual([]);
      // Re-importing the same source finds its records unchanged, and they stay moved.
      const again = await importBatch(t.database, org, importFixture(prior, 100), NOW);
      expect(again.created).toBe(0);
      const still = await listClinical(t.database.db, 'encounters', survivor.id, 10);
      expect(still.items.map((e) => e.patientId)).toEqual([survivor.id]);
    });

    it('keeps a merge when either source is imported again, changed or not', async () => {
      const [keep, gone] = [randomUUID(), randomUUID()];
      await importBatch(t.database, org, importFixture(keep, 200), NOW);
      await importBatch(t.database, org, importFixture(gone, 300), NOW);
      await t.database.db.transaction().execute((trx) => mergePatients(trx, org, gone, keep, NOW));
      const goneMrn = `IMP-${gone.slice(0, 8)}`;
      const mrns = async () => (await repo.get(org, keep))?.identifiers.map((i) => i.value);

      // The survivor's own source, unchanged: nothing moves, the absorbed MRN stays.
      expect(await importBatch(t.database, org, importFixture(keep, 200), NOW)).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 3,
      });
      expect(await mrns()).toEqual([`IMP-${keep.slice(0, 8)}`, goneMrn]);

      // The merged record's source, changed, with a new visit and a new MRN.
      const changed = importFixture(gone, 300);
      changed.coverages[0]!.memberId = 'M2';
      changed.patients[0]!.identifiers.push({ system: 'urn:test:mrn', value: `NEW-${gone}` });
      changed.encounters.push({
        ...changed.encounters[0]!,
        id: randomUUID(),
        periodStart: '2026-02-01T09:00:00Z',
        source: { entryIndex: 303, sourceKey: `Encounter/later-${gone}` },
      });
      expect(await importBatch(t.database, org, changed, NOW)).toMatchObject({
        created: 1,
        updated: 2,
      });
      expect((await repo.get(org, gone))?.mergedInto).toBe(keep);
      const visits = await listClinical(t.database.db, 'encounters', keep, 10);
      expect(visits.items.map((e) => e.patientId)).toEqual([keep, keep, keep]);
      expect((await listClinical(t.database.db, 'encounters', gone, 10)).items).toEqual([]);
      const coverages = await repo.coverages(keep);
      expect(coverages.map((c) => [c.memberId, c.patientId]).sort()).toEqual([
        ['M1', keep],
        ['M2', keep],
      ]);
      expect(await repo.coverages(gone)).toEqual([]);
      expect(await typeahead(`NEW-${gone}`)).toEqual([keep]);

      // The survivor's source, changed: it keeps both MRNs it took over.
      const renamed = importFixture(keep, 200);
      renamed.patients[0]!.names = [name('Renamed', 'Person')];
      expect(await importBatch(t.database, org, renamed, NOW)).toMatchObject({ updated: 1 });
      expect(await mrns()).toEqual([`IMP-${keep.slice(0, 8)}`, goneMrn, `NEW-${gone}`]);
      expect(await typeahead(goneMrn)).toEqual([keep]);
      expect(await typeahead('renamed')).toEqual([keep]);
    });

    it('imports a batch idempotently and rejects a broken one whole', async () => {
      const pid = randomUUID();
      const first = await importBatch(t.database, org, importFixture(pid), NOW);
      expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
      const again = await importBatch(
        t.database,
        org,
        importFixture(pid),
        '2026-11-25T00:00:00.000Z',
      );
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect((await repo.coverages(pid)).map((c) => c.memberId)).toEqual(['M1']);

      const broken = importFixture(randomUUID(), 10);
      broken.encounters[0]!.patientId = randomUUID();
      const err = await importBatch(t.database, org, broken, NOW).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportRejected);
      expect((err as ImportRejected).problems[0]?.entryIndex).toBe(11);
      expect(await repo.get(org, broken.patients[0]!.id)).toBeNull();

      const stolen = await importBatch(t.database, otherOrg, importFixture(pid), NOW).catch(
        (e: unknown) => e,
      );
      expect(stolen).toBeInstanceOf(ImportRejected);
    });

    it('refreshes planner statistics after a bulk load', async () => {
      await refreshStatistics(t.database);
      if (engine === 'postgres') {
        const r = await sql<{ analyzed: string | null }>`
          SELECT last_analyze::text AS analyzed FROM pg_stat_user_tables WHERE relname = 'patients'`.execute(
          t.database.db,
        );
        expect(r.rows[0]?.analyzed).not.toBeNull();
      } else {
        const r = await sql<{
          n: number;
        }>`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(
          t.database.db,
        );
        expect(Number(r.rows[0]?.n)).toBe(1);
      }
    });

    it('replays an idempotent create once and refuses a changed payload', async () => {
      let runs = 0;
      const req = { scope: 'test', key: 'k'.repeat(20), payload: { a: 1 } };
      const work = async () => ({ statusCode: 201, body: { run: ++runs } });
      const one = await runIdempotent(t.database, req, NOW, work);
      const two = await runIdempotent(t.database, req, NOW, work);
      expect(one).toEqual({ statusCode: 201, body: { run: 1 }, replayed: false });
      expect(two).toEqual({ statusCode: 201, body: { run: 1 }, replayed: true });
      await expect(
        runIdempotent(t.database, { ...req, payload: { a: 2 } }, NOW, work),
      ).rejects.toMatchObject({ code: 'unprocessable' });
      const failing = runIdempotent(t.database, { ...req, key: 'f'.repeat(20) }, NOW, () =>
        Promise.reject(new Error('boom')),
      );
      await expect(failing).rejects.toThrow('boom');
      expect(
        await runIdempotent(t.database, { ...req, key: 'f'.repeat(20) }, NOW, work),
      ).toMatchObject({ replayed: false });
    });
  });
}
