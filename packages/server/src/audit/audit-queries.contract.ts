import { describe, expect, it, beforeAll } from 'vitest';
import type { TestDatabase } from '../storage/testing/test-database';
import { CompiledQuery } from 'kysely';
import { applyAuditFilters, AuditQueries } from './audit-queries';
import type { AuditStore } from './audit-store';
import { sampleEntry } from './testing/audit-fixtures';

/** The query half of the audit contract, run inside describeAuditContract on each engine. */
export function describeAuditQueries(ctx: () => { t: TestDatabase; store: AuditStore }): void {
  describe('queries', () => {
    let q: AuditQueries;
    const P = 'pat-query-1';
    beforeAll(async () => {
      q = new AuditQueries(ctx().t.database.db);
      const at = (m: number) => new Date(Date.UTC(2026, 2, 1, 12, m)).toISOString();
      const base = {
        organizationId: 'org-q',
        patientId: P,
        resourceType: 'Patient',
        resourceId: P,
      };
      await ctx()
        .t.database.db.transaction()
        .execute((trx) =>
          ctx().store.appendInTransaction(trx, [
            sampleEntry(0, {
              ...base,
              occurredAt: at(0),
              actorKind: 'staff',
              actorId: 'dr-a',
              actorName: 'Dr A',
              actorRoles: ['clinician'],
              action: 'read',
              outcome: 'success',
              breakGlass: false,
            }),
            sampleEntry(0, {
              ...base,
              occurredAt: at(1),
              actorKind: 'patient',
              actorId: 'acct-p',
              actorName: 'Pat',
              actorRoles: ['patient'],
              action: 'read',
              outcome: 'success',
              breakGlass: false,
            }),
            sampleEntry(0, {
              ...base,
              occurredAt: at(2),
              actorKind: 'caregiver',
              actorId: 'cg-1',
              actorName: 'Daughter',
              actorRoles: ['caregiver'],
              onBehalfOf: P,
              action: 'read',
              outcome: 'success',
              breakGlass: false,
            }),
            sampleEntry(0, {
              ...base,
              occurredAt: at(3),
              actorKind: 'staff',
              actorId: 'dr-b',
              actorName: 'Dr B',
              actorRoles: ['clinician'],
              action: 'read',
              outcome: 'denied',
              breakGlass: false,
            }),
            sampleEntry(0, {
              ...base,
              occurredAt: at(4),
              actorKind: 'staff',
              actorId: 'dr-b',
              actorName: 'Dr B',
              actorRoles: ['clinician'],
              action: 'read',
              outcome: 'success',
              breakGlass: true,
              purposeOfUse: 'ETREAT',
            }),
            sampleEntry(0, {
              ...base,
              occurredAt: at(5),
              actorKind: 'api-token',
              actorId: 'tok-1',
              actorName: 'Billing sync',
              actorRoles: [],
              action: 'export',
              outcome: 'success',
              breakGlass: false,
            }),
            sampleEntry(0, {
              ...base,
              occurredAt: at(6),
              actorKind: 'system',
              actorId: null,
              actorName: null,
              actorRoles: [],
              action: 'search',
              outcome: 'success',
              breakGlass: false,
            }),
            sampleEntry(0, {
              ...base,
              occurredAt: at(7),
              actorKind: 'staff',
              actorId: 'dr-a',
              actorName: 'Dr A',
              actorRoles: ['clinician'],
              action: 'update',
              outcome: 'success',
              breakGlass: false,
            }),
          ]),
        );
    });

    it('filters by patient, actor, time range, action, outcome and break-glass', async () => {
      const names = async (f: Parameters<AuditQueries['search']>[0]) =>
        (await q.search(f)).items.map((e) => `${e.actorName ?? '-'}:${e.action}`);
      expect(await names({ patientId: P })).toEqual([
        'Dr A:update',
        '-:search',
        'Billing sync:export',
        'Dr B:read',
        'Dr B:read',
        'Daughter:read',
        'Pat:read',
        'Dr A:read',
      ]);
      expect(await names({ patientId: P, actorId: 'dr-a' })).toEqual(['Dr A:update', 'Dr A:read']);
      expect(
        await names({
          organizationId: 'org-q',
          from: '2026-03-01T12:02:00.000Z',
          to: '2026-03-01T12:05:00.000Z',
        }),
      ).toEqual(['Dr B:read', 'Dr B:read', 'Daughter:read']);
      expect(await names({ patientId: P, action: ['export', 'update'] })).toEqual([
        'Dr A:update',
        'Billing sync:export',
      ]);
      expect(await names({ patientId: P, outcome: 'denied' })).toEqual(['Dr B:read']);
      expect(await names({ patientId: P, breakGlass: true })).toEqual(['Dr B:read']);
      expect(await names({ patientId: P, breakGlass: false, actorId: 'dr-b' })).toEqual([
        'Dr B:read',
      ]);
    });

    it('finds break-glass entries through the partial index, not a walk of the trail', async () => {
      const { database } = ctx().t;
      if (database.engine !== 'sqlite') return; // PostgreSQL plans by table size; tiny here
      const query = applyAuditFilters(database.db.selectFrom('audit_entries').selectAll(), {
        breakGlass: true,
      })
        .orderBy('seq', 'desc')
        .limit(101)
        .compile();
      const plan = await database.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
      );
      expect(plan.rows.map((r) => r.detail).join('\n')).toContain('audit_entries_break_glass');
    });

    it('pages newest first by keyset, every entry exactly once', async () => {
      const all = (await q.search({}, { limit: 1000 })).items.map((e) => e.seq);
      const paged: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<AuditQueries['search']>> = await q.search(
          {},
          { limit: 37, cursor },
        );
        paged.push(...page.items.map((e) => e.seq));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
      expect(all).toEqual([...all].sort((a, b) => b - a));
      await expect(q.search({}, { cursor: 'bm90LWpzb24' })).rejects.toMatchObject({
        code: 'validation',
      });
      await expect(
        q.search({}, { cursor: Buffer.from('["1 OR 1=1"]').toString('base64url') }),
      ).rejects.toMatchObject({
        code: 'validation',
      });
    });

    it('lists who opened a record: staff, integrations and caregivers, never the patient or system jobs', async () => {
      const log = await q.accessLogForPatient(P);
      expect(log.items.map((e) => [e.actorName, e.actorKind, e.action, e.breakGlass])).toEqual([
        ['Billing sync', 'api-token', 'export', false],
        ['Dr B', 'staff', 'read', true],
        ['Daughter', 'caregiver', 'read', false],
        ['Dr A', 'staff', 'read', false],
      ]);
      expect(log.items[1]).toMatchObject({
        actorRoles: ['clinician'],
        purposeOfUse: 'ETREAT',
        resourceType: 'Patient',
      });
      expect(log.items[1]).not.toHaveProperty('sourceAddress');
      const first = await q.accessLogForPatient(P, { limit: 3 });
      const rest = await q.accessLogForPatient(P, { limit: 3, cursor: first.nextCursor });
      expect([...first.items, ...rest.items]).toEqual(log.items);
      expect(rest.nextCursor).toBeNull();
    });
  });
}
