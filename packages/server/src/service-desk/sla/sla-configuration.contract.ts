import { randomUUID } from 'node:crypto';
import {
  DomainError,
  fixedClock,
  selectPolicy,
  slaClock,
  type BusinessCalendar,
  type SlaPolicyInput,
} from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAudit } from '../../access/request-audit';
import { AuditStore } from '../../audit/audit-store';
import { testMac } from '../../audit/testing/audit-fixtures';
import { ensureHomeOrganization } from '../../organizations/home-organization';
import { addOrganization } from '../../storage/contract/registry-fixtures';
import type { Engine } from '../../storage/database';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { SlaConfiguration } from './sla-configuration';

const NOW = '2026-03-02T09:00:00.000Z';

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const rigaDesk: BusinessCalendar = {
  timeZone: 'Europe/Riga',
  hours: [
    { day: 5, opens: '13:00', closes: '17:00' },
    { day: 1, opens: '08:00', closes: '12:00' },
    { day: 1, opens: '13:00', closes: '17:00' },
  ],
  holidays: ['2026-06-24', '2026-05-04', '2026-06-24'],
};

/**
 * The SLA configuration storage contract: the same behaviour on SQLite and PostgreSQL.
 * Run by sla-configuration.contract.test.ts and .contract.pg.test.ts (needs DATABASE_URL).
 */
export function describeSlaConfigurationContract(engine: Engine): void {
  describe(`SLA configuration contract (${engine})`, () => {
    let t: TestDatabase;
    let store: AuditStore;
    let sla: SlaConfiguration;
    let home: string;
    let other: string;
    const audit = (organizationId: string) =>
      systemAudit(store, { name: 'sla contract', organizationId, now: new Date(NOW) });
    const auditRows = (resourceType: string) =>
      t.database.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('resource_type', '=', resourceType)
        .orderBy('seq')
        .execute();
    const addTeam = async (organizationId: string, name: string) => {
      const id = randomUUID();
      await t.database.db
        .insertInto('teams')
        .values({ id, organization_id: organizationId, name, created_at: NOW, updated_at: NOW })
        .execute();
      return id;
    };

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      store = new AuditStore(t.database, testMac);
      sla = new SlaConfiguration(t.database, fixedClock(NOW));
      // The home organization keeps Mon–Fri 08:00–17:00 UTC; the other has no hours on record.
      home = await ensureHomeOrganization(t.database, new Date(NOW));
      other = await addOrganization(t.database, 'Other clinic');
    });
    afterAll(async () => {
      await store.close();
      await t.dispose();
    });

    it('starts an organization with one default policy per priority, once', async () => {
      const first = await sla.policies(home);
      expect(
        first.map((p) => [p.category, p.priority, p.firstResponseMinutes, p.resolutionMinutes]),
      ).toEqual([
        ['*', 'routine', 480, 2400],
        ['*', 'urgent', 240, 480],
        ['*', 'asap', 120, 360],
        ['*', 'stat', 60, 240],
      ]);
      expect(await sla.policies(home)).toEqual(first);
      // Concurrent first reads of another organization still give one set.
      const [a, b] = await Promise.all([sla.policies(other), sla.policies(other)]);
      expect(a.map((p) => p.id).sort()).toEqual(b.map((p) => p.id).sort());
      expect(a).toHaveLength(4);
    });

    it('replaces a cell in place, keeping its id, and audits both saves', async () => {
      const input: SlaPolicyInput = {
        category: 'refill',
        priority: 'urgent',
        firstResponseMinutes: 90,
        resolutionMinutes: 960,
        warnAtShare: 0.8,
        onBreach: ['notify-supervisor', 'reassign'],
      };
      const created = await sla.replacePolicy(home, input, audit(home));
      expect(created.created).toBe(true);
      const replaced = await sla.replacePolicy(
        home,
        { ...input, firstResponseMinutes: 45 },
        audit(home),
      );
      expect(replaced).toEqual({
        created: false,
        policy: { ...input, id: created.policy.id, firstResponseMinutes: 45 },
      });
      const stored = await sla.policies(home);
      expect(stored.filter((p) => p.category === 'refill')).toEqual([replaced.policy]);
      expect(selectPolicy(stored, 'refill', 'urgent')?.firstResponseMinutes).toBe(45);
      expect(selectPolicy(stored, 'refill', 'stat')?.category).toBe('*');
      const entries = await auditRows('SlaPolicy');
      expect(entries.slice(-2).map((e) => [e.action, e.resource_id, e.outcome])).toEqual([
        ['update', created.policy.id, 'success'],
        ['update', created.policy.id, 'success'],
      ]);
      expect(JSON.parse(entries.at(-1)!.detail!)).toMatchObject({
        change: 'update',
        firstResponseMinutes: 45,
      });
    });

    it('two supervisors saving one cell at once both succeed; one policy remains', async () => {
      const cell = {
        category: 'complaint',
        priority: 'stat' as const,
        warnAtShare: 0.5,
        onBreach: [],
      };
      const saves = await Promise.all(
        [30, 40, 50].map((m) =>
          sla.replacePolicy(
            home,
            { ...cell, firstResponseMinutes: m, resolutionMinutes: 600 },
            audit(home),
          ),
        ),
      );
      expect(new Set(saves.map((s) => s.policy.id)).size).toBe(1);
      expect((await sla.policies(home)).filter((p) => p.category === 'complaint')).toHaveLength(1);
    });

    it('refuses an invalid policy with field issues and writes nothing', async () => {
      const before = await sla.policies(home);
      const entries = (await auditRows('SlaPolicy')).length;
      const e = await refusal(
        sla.replacePolicy(
          home,
          {
            category: 'Bad Category',
            priority: 'stat',
            firstResponseMinutes: 120,
            resolutionMinutes: 60,
            warnAtShare: 1.5,
            onBreach: [],
          },
          audit(home),
        ),
      );
      expect(e.code).toBe('validation');
      expect(e.issues.map((i) => i.path)).toEqual(['category', 'resolutionMinutes', 'warnAtShare']);
      expect(await sla.policies(home)).toEqual(before);
      expect(await auditRows('SlaPolicy')).toHaveLength(entries);
    });

    it('deletes a policy for good (no re-seeding); another organization cannot', async () => {
      const routine = (await sla.policies(home)).find((p) => p.priority === 'routine')!;
      const notHere = await refusal(sla.deletePolicy(other, routine.id, audit(other)));
      expect(notHere.code).toBe('not-found');
      await sla.deletePolicy(home, routine.id, audit(home));
      const after = await sla.policies(home);
      expect(after.find((p) => p.id === routine.id)).toBeUndefined();
      expect(selectPolicy(after, 'general', 'routine')).toBeNull();
      expect((await refusal(sla.deletePolicy(home, routine.id, audit(home)))).code).toBe(
        'not-found',
      );
      expect((await auditRows('SlaPolicy')).at(-1)).toMatchObject({
        action: 'delete',
        resource_id: routine.id,
      });
      expect(await sla.policies(other)).toHaveLength(4);
    });

    it('a team counts in its own calendar, else the default, else the organization record', async () => {
      const team = await addTeam(home, 'Billing desk');
      expect(await sla.calendarFor(home, team)).toEqual({
        timeZone: 'UTC',
        hours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '17:00' })),
        holidays: [],
      });
      // No usable hours on record: counted around the clock rather than never.
      const unconfigured = await sla.calendarFor(other, null);
      expect(unconfigured.hours).toHaveLength(7);
      expect(unconfigured.hours[0]).toEqual({ day: 0, opens: '00:00', closes: '24:00' });

      const saved = await sla.saveCalendar(home, null, rigaDesk, audit(home));
      expect(saved).toEqual({
        timeZone: 'Europe/Riga',
        hours: [
          { day: 1, opens: '08:00', closes: '12:00' },
          { day: 1, opens: '13:00', closes: '17:00' },
          { day: 5, opens: '13:00', closes: '17:00' },
        ],
        holidays: ['2026-05-04', '2026-06-24'],
      });
      expect(await sla.calendarFor(home, team)).toEqual(saved);
      expect(await sla.calendarFor(home, null)).toEqual(saved);

      const nightShift: BusinessCalendar = {
        timeZone: 'America/New_York',
        hours: [{ day: 6, opens: '20:00', closes: '24:00' }],
        holidays: [],
      };
      await sla.saveCalendar(home, team, nightShift, audit(home));
      await sla.saveCalendar(home, team, { ...nightShift, holidays: ['2026-12-26'] }, audit(home));
      expect(await sla.calendarFor(home, team)).toEqual({
        ...nightShift,
        holidays: ['2026-12-26'],
      });
      expect(await sla.calendarFor(home, null)).toEqual(saved);
      expect(await sla.calendarFor(home, randomUUID())).toEqual(saved);
      expect((await auditRows('BusinessCalendar')).map((e) => e.resource_id)).toEqual([
        'default',
        team,
        team,
      ]);

      const listing = await sla.calendars(home);
      expect(listing.organizationDefault).toMatchObject({
        source: 'default',
        calendar: saved,
        updatedAt: NOW,
      });
      expect(listing.teams).toEqual([
        {
          teamId: team,
          name: 'Billing desk',
          calendar: { ...nightShift, holidays: ['2026-12-26'] },
          updatedAt: NOW,
        },
      ]);
      expect((await sla.calendars(other)).organizationDefault.source).toBe('organization');
    });

    it('refuses an invalid calendar or another organization’s team, writing nothing', async () => {
      const entries = (await auditRows('BusinessCalendar')).length;
      const bad = await refusal(
        sla.saveCalendar(
          home,
          null,
          {
            timeZone: 'Nowhere/Land',
            hours: [{ day: 1, opens: '17:00', closes: '09:00' }],
            holidays: ['2026-02-30'],
          },
          audit(home),
        ),
      );
      expect(bad.code).toBe('validation');
      expect(bad.issues.map((i) => i.messageKey)).toEqual([
        'validation.timeZone.invalid',
        'sla.calendar.hoursOrder',
        'validation.date.invalid',
      ]);
      const foreignTeam = await addTeam(other, 'Their desk');
      expect((await refusal(sla.saveCalendar(home, foreignTeam, rigaDesk, audit(home)))).code).toBe(
        'not-found',
      );
      expect(await auditRows('BusinessCalendar')).toHaveLength(entries);
      expect((await sla.calendarFor(home, null)).timeZone).toBe('Europe/Riga');
    });

    it('first saves of one calendar at once both succeed', async () => {
      const team = await addTeam(home, 'Nurse line');
      const always = { ...rigaDesk, hours: [{ day: 0 as const, opens: '00:00', closes: '24:00' }] };
      await Promise.all([
        sla.saveCalendar(home, team, always, audit(home)),
        sla.saveCalendar(home, team, { ...always, holidays: [] }, audit(home)),
      ]);
      const rows = await t.database.db
        .selectFrom('business_calendars')
        .select('team_id')
        .where('team_id', '=', team)
        .execute();
      expect(rows).toHaveLength(1);
    });

    it('reads inside a caller’s transaction (a case being saved), seeding with it', async () => {
      const fresh = await addOrganization(t.database, 'Third clinic');
      const team = await addTeam(fresh, 'Front desk');
      const read = await t.database.db.transaction().execute(async (trx) => ({
        policies: await sla.policies(fresh, trx),
        calendar: await sla.calendarFor(fresh, team, trx),
      }));
      expect(read.policies).toHaveLength(4);
      expect(read.calendar.hours).toHaveLength(7);
      expect(await sla.policies(fresh)).toEqual(read.policies);
      // Rolled back with the caller: the defaults come again next time, once.
      const other = await addOrganization(t.database, 'Fourth clinic');
      await expect(
        t.database.db.transaction().execute(async (trx) => {
          await sla.policies(other, trx);
          throw new Error('the case could not be saved');
        }),
      ).rejects.toThrow('the case could not be saved');
      expect(await sla.policies(other)).toHaveLength(4);
    });

    it('stored configuration drives a case clock (what the case service will do)', async () => {
      const policies = await sla.policies(home);
      const policy = selectPolicy(policies, 'refill', 'urgent')!;
      const calendar = await sla.calendarFor(home, null); // Riga, Mon and Fri only
      // Opened Friday 6 March 16:30 EET: 30 minutes on Friday, then Monday from 08:00.
      const reading = slaClock({
        calendar,
        policy,
        openedAt: new Date('2026-03-06T14:30:00Z'),
        firstResponseAt: null,
        resolvedAt: null,
        pauses: [],
        now: new Date('2026-03-09T06:10:00Z'),
      });
      expect(reading.firstResponse).toMatchObject({
        elapsedMinutes: 40,
        state: 'warning',
        dueAt: new Date('2026-03-09T06:15:00Z'),
      });
    });
  });
}
