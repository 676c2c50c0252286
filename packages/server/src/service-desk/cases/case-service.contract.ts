import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAudit } from '../../access/request-audit';
import { AuditStore } from '../../audit/audit-store';
import { testMac } from '../../audit/testing/audit-fixtures';
import { addOrganization, patient } from '../../storage/contract/registry-fixtures';
import type { Engine } from '../../storage/database';
import { PatientRepository } from '../../storage/patients/patient-repository';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { addStaff } from '../routing/testing/routing-world';
import { CaseReader } from './case-reader';
import { CaseService } from './case-service';

/** The service desk's storage behaviour, identical on SQLite and PostgreSQL. */
export function describeCaseContract(engine: Engine): void {
  describe(`cases on ${engine}`, () => {
    let t: TestDatabase;
    let audit: AuditStore;
    let cases: CaseService;
    let reader: CaseReader;
    let org = '';
    let patientId = '';
    let at = Date.parse('2026-11-24T10:00:00.000Z');
    const clock = { now: () => new Date(at) };
    const as = () =>
      systemAudit(audit, { name: 'contract', organizationId: org, now: clock.now() });

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      audit = new AuditStore(t.database, testMac);
      cases = new CaseService(t.database, clock, { defaultCountry: 'US', reopenDays: 7 });
      reader = new CaseReader(t.database, () => 'http://localhost/fhir/R4');
      org = await addOrganization(t.database, 'Case Clinic');
      const p = patient(org);
      await t.database.db
        .transaction()
        .execute((trx) => new PatientRepository(t.database).create(trx, p));
      patientId = p.id;
    }, 60_000);
    afterAll(async () => {
      await audit.close();
      await t.dispose();
    });

    it('numbers cases 1, 2, 3… per organization, also when opened at the same time', async () => {
      const made = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          cases.create(
            org,
            { patientId, channel: 'api', category: 'general', subject: `Parallel ${i}` },
            as(),
          ),
        ),
      );
      const numbers = made.map((c) => c.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const other = await addOrganization(t.database, 'Other Clinic');
      const first = await cases.create(
        other,
        { channel: 'phone', category: 'general', subject: 'Elsewhere', caller: { name: 'Eve' } },
        as(),
      );
      expect(first.number).toBe(1);
    });

    it('pages the inbox by due time without gaps or repeats, and filters safely', async () => {
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await reader.inbox({ organizationId: org }, 5, cursor, as().ctx);
        all.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(all).size).toBe(12);
      const hostile = await reader.inbox(
        { organizationId: org, category: "general' OR 1=1 --" },
        5,
        undefined,
        as().ctx,
      );
      expect(hostile.items).toEqual([]);
    });

    it('refuses a stale version and keeps messages in the order they were written', async () => {
      const c = await cases.create(
        org,
        { patientId, channel: 'portal', category: 'refill', subject: 'Order', message: 'first' },
        as(),
      );
      await cases.update(org, c.id, { version: 1, priority: 'urgent' }, as());
      await expect(cases.update(org, c.id, { version: 1, priority: 'stat' }, as())).rejects.toThrow(
        /changed/,
      );
      for (const body of ['second', 'third', 'fourth'])
        await cases.reply(org, c.id, { body, visibility: 'internal' }, as());
      const detail = await reader.detail(c.id, as().ctx);
      expect(detail.messages.map((m) => m.body)).toEqual(['first', 'second', 'third', 'fourth']);
      expect(detail.case.priority).toBe('urgent');
      at += 1000;
    });

    it('writes nothing when a case cannot be created', async () => {
      const count = async () =>
        Number(
          (
            await t.database.db
              .selectFrom('cases')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      await expect(
        cases.create(
          org,
          { patientId: 'no-such-patient', channel: 'api', category: 'general', subject: 'x' },
          as(),
        ),
      ).rejects.toThrow();
      expect(await count()).toBe(before);
    });

    it("keeps each agent's load equal to their active cases, whatever changes a case", async () => {
      const [ada, bo] = [
        await addStaff(t.database.db, org, 'Ada'),
        await addStaff(t.database.db, org, 'Bo'),
      ];
      const open = (subject: string) =>
        cases.create(org, { patientId, channel: 'phone', category: 'general', subject }, as());
      const [c1, c2, c3] = [await open('one'), await open('two'), await open('three')];
      const { db } = t.database;
      const set = (id: string, values: { assignee_id?: string | null; is_active?: number }) =>
        db.updateTable('cases').set(values).where('id', '=', id).execute();
      /** The kept loads, and the same counted from the cases themselves. */
      const loads = async () => {
        const kept = await db
          .selectFrom('agent_loads')
          .select(['account_id', 'active_cases'])
          .where('account_id', 'in', [ada, bo])
          .execute();
        const counted = await db
          .selectFrom('cases')
          .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('is_active', '=', 1)
          .where('assignee_id', 'in', [ada, bo])
          .groupBy('assignee_id')
          .execute();
        const of = (rows: Array<[string | null, number | string]>) =>
          Object.fromEntries(rows.filter(([, n]) => Number(n) > 0).map(([k, n]) => [k, Number(n)]));
        expect(of(kept.map((r) => [r.account_id, r.active_cases]))).toEqual(
          of(counted.map((r) => [r.assignee_id, r.n])),
        );
        return of(kept.map((r) => [r.account_id, r.active_cases]));
      };
      await set(c1.id, { assignee_id: ada });
      await set(c2.id, { assignee_id: ada });
      await set(c3.id, { assignee_id: bo });
      expect(await loads()).toEqual({ [ada]: 2, [bo]: 1 });
      await set(c1.id, { is_active: 0 }); // resolved
      expect(await loads()).toEqual({ [ada]: 1, [bo]: 1 });
      await set(c3.id, { assignee_id: ada }); // reassigned
      expect(await loads()).toEqual({ [ada]: 2 });
      await set(c1.id, { is_active: 1 }); // reopened
      await set(c2.id, { assignee_id: null }); // back to the queue
      expect(await loads()).toEqual({ [ada]: 2 });
      await db.transaction().execute(async (trx) => {
        for (const table of ['case_events', 'case_messages'] as const)
          await trx.deleteFrom(table).where('case_id', '=', c3.id).execute();
        await trx.deleteFrom('cases').where('id', '=', c3.id).execute();
      });
      expect(await loads()).toEqual({ [ada]: 1 });
    });
  });
}
