import { DomainError } from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listClinical, type ClinicalList } from '../clinical/clinical-lists';
import type { Engine } from '../database';
import { migrate } from '../migrate/migrator';
import { PatientRepository } from '../patients/patient-repository';
import { importBatch } from '../registry-import/import-store';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import {
  carePlan,
  clinicalBatch,
  condition,
  encounter,
  medicationRequest,
} from './clinical-fixtures';
import { addOrganization, NOW, patient } from './registry-fixtures';

/** Dates with a tie, an undated record, a date-only value and instants: the hard cases. */
const DATES = [
  '2024-03-01T10:00:00Z',
  null,
  '2025-11-20T08:15:00Z',
  '2024-03-01T10:00:00Z',
  '2023-07-14',
  '2025-01-02T16:45:00Z',
  null,
];

/** Newest first, undated last, ties by id descending: the order both engines must give. */
function expectedOrder(records: Array<{ id: string; date: string | null }>): string[] {
  const key = (r: { id: string; date: string | null }) => `${r.date ?? ''}\u0000${r.id}`;
  return [...records].sort((a, b) => (key(a) < key(b) ? 1 : -1)).map((r) => r.id);
}

/**
 * The patient's clinical lists on both engines: newest first, a page at a time without
 * repeats or gaps, only that patient's records, list dates that follow re-imports, and
 * the migration that gave conditions, prescriptions and care plans their list dates.
 */
export function describeClinicalContract(engine: Engine): void {
  describe(`clinical lists storage contract (${engine})`, () => {
    let t: TestDatabase;
    let org: string;
    let patientId: string;
    let otherId: string;

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      org = await addOrganization(t.database, 'Clinical Clinic');
      const repo = new PatientRepository(t.database);
      const [a, b] = [patient(org), patient(org)];
      await t.database.db.transaction().execute(async (trx) => {
        await repo.create(trx, a);
        await repo.create(trx, b);
      });
      patientId = a.id;
      otherId = b.id;
    });
    afterAll(async () => t.dispose());

    async function allPages(list: ClinicalList, limit: number): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 50; pages++) {
        const page = await listClinical(t.database.db, list, patientId, limit, cursor);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map((r) => r.id));
        if (!page.nextCursor) return ids;
        cursor = page.nextCursor;
      }
      throw new Error('more than 50 pages');
    }

    const cases = [
      ['encounters', encounter, 'encounters'],
      ['conditions', condition, 'conditions'],
      ['medications', medicationRequest, 'medicationRequests'],
      ['carePlans', carePlan, 'carePlans'],
    ] as const;

    it.each(cases)('pages %s newest first, undated last, each once', async (list, make, key) => {
      const mine = DATES.map((d) => make(patientId, d));
      const theirs = [make(otherId, '2030-01-01T00:00:00Z')];
      await importBatch(t.database, org, clinicalBatch({ [key]: [...mine, ...theirs] }), NOW);
      const order = expectedOrder(mine.map((r, i) => ({ id: r.id, date: DATES[i] ?? null })));
      expect(await allPages(list, 2)).toEqual(order);
      expect(await allPages(list, 3)).toEqual(order);
      expect(await allPages(list, 100)).toEqual(order);
      const whole = await listClinical(t.database.db, list, patientId, 100);
      expect(whole.nextCursor).toBeNull();
      // The record itself comes back, as CareDesk's model (core/src/clinical), not a row.
      expect(whole.items.find((r) => r.id === mine[2]!.id)).toEqual(
        (({ source: _s, ...rest }) => rest)(mine[2]!),
      );
    });

    it('lists a condition without an onset by when it was recorded', async () => {
      const repo = new PatientRepository(t.database);
      const p = patient(org);
      await t.database.db.transaction().execute((trx) => repo.create(trx, p));
      const dated = condition(p.id, '2020-05-05');
      const recordedOnly = condition(p.id, null, { recordedDate: '2022-02-02' });
      const neither = condition(p.id, null);
      await importBatch(
        t.database,
        org,
        clinicalBatch({ conditions: [dated, recordedOnly, neither] }),
        NOW,
      );
      const page = await listClinical(t.database.db, 'conditions', p.id, 10);
      expect(page.items.map((c) => c.id)).toEqual([recordedOnly.id, dated.id, neither.id]);
    });

    it('moves a record when a re-import changes its date', async () => {
      const repo = new PatientRepository(t.database);
      const p = patient(org);
      await t.database.db.transaction().execute((trx) => repo.create(trx, p));
      const older = medicationRequest(p.id, '2021-01-01T00:00:00Z');
      const newer = medicationRequest(p.id, '2022-01-01T00:00:00Z');
      await importBatch(
        t.database,
        org,
        clinicalBatch({ medicationRequests: [older, newer] }),
        NOW,
      );
      const renewed = { ...older, authoredOn: '2023-01-01T00:00:00Z' };
      await importBatch(t.database, org, clinicalBatch({ medicationRequests: [renewed] }), NOW);
      const page = await listClinical(t.database.db, 'medications', p.id, 10);
      expect(page.items.map((m) => [m.id, m.authoredOn])).toEqual([
        [older.id, '2023-01-01T00:00:00Z'],
        [newer.id, '2022-01-01T00:00:00Z'],
      ]);
    });

    it('refuses a tampered cursor as a validation error, never a query error', async () => {
      for (const bad of ['not a cursor', Buffer.from('["only-one"]').toString('base64url')]) {
        const err = await listClinical(t.database.db, 'encounters', patientId, 5, bad).catch(
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(DomainError);
        expect((err as DomainError).code).toBe('validation');
      }
    });

    it('fills the list dates of records stored before migration 0009', async () => {
      const old = await createTestDatabase(engine, 8);
      try {
        const p = patient(await addOrganization(old.database, 'Older Clinic'));
        await old.database.db
          .transaction()
          .execute((trx) => new PatientRepository(old.database).create(trx, p));
        const row = (id: string, data: object) => ({
          id,
          patient_id: p.id,
          data: JSON.stringify(data),
          source_key: null,
          content_hash: id,
          created_at: NOW,
          updated_at: NOW,
        });
        const c1 = condition(p.id, '2019-04-01');
        const c2 = condition(p.id, null, { recordedDate: '2020-06-30T12:00:00Z' });
        const m = medicationRequest(p.id, '2021-08-09T10:11:12Z');
        const cp = carePlan(p.id, '2022-10-11');
        const db = old.database.db;
        await db
          .insertInto('conditions')
          .values([c1, c2].map((c) => ({ ...row(c.id, c), code: c.code.code })))
          .execute();
        await db
          .insertInto('medication_requests')
          .values({ ...row(m.id, m), status: m.status })
          .execute();
        await db
          .insertInto('care_plans')
          .values({ ...row(cp.id, cp), status: cp.status })
          .execute();
        await migrate(old.database);
        const conditions = await db
          .selectFrom('conditions')
          .select(['id', 'onset_or_recorded'])
          .orderBy('onset_or_recorded')
          .execute();
        expect(conditions).toEqual([
          { id: c1.id, onset_or_recorded: '2019-04-01' },
          { id: c2.id, onset_or_recorded: '2020-06-30T12:00:00Z' },
        ]);
        expect(await db.selectFrom('medication_requests').select('authored_on').execute()).toEqual([
          { authored_on: '2021-08-09T10:11:12Z' },
        ]);
        expect(await db.selectFrom('care_plans').select('period_start').execute()).toEqual([
          { period_start: '2022-10-11' },
        ]);
      } finally {
        await old.dispose();
      }
    });
  });
}
