import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditStore } from '../../audit/audit-store';
import { testMac } from '../../audit/testing/audit-fixtures';
import type { Engine } from '../../storage/database';
import { openDatabase } from '../../storage/database';
import { staffAgents } from '../../storage/service-desk/routing-store';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import type { RequestAudit } from '../../access/request-audit';
import { RoutingService, type CaseRoutingFacts } from './routing-service';
import { RoutingSetupService } from './routing-setup-service';
import {
  HandClock,
  addOrg,
  addStaff,
  caseFacts,
  createAssignmentsTable,
  mapLoads,
  queueDraft,
  recordAssignment,
  staffAudit,
  tableLoads,
} from './testing/routing-world';

/**
 * The routing storage contract: queues, agent profiles and routing decisions behave the
 * same on SQLite and PostgreSQL, including routing under concurrency. Run by
 * routing.contract.test.ts and routing.contract.pg.test.ts (needs DATABASE_URL).
 */
export function describeRoutingContract(engine: Engine): void {
  describe(`desk routing contract (${engine})`, () => {
    let t: TestDatabase;
    let store: AuditStore;
    const clock = new HandClock();
    let setup: RoutingSetupService;
    let routing: RoutingService;
    let audit: (org: string) => RequestAudit;

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      store = new AuditStore(t.database, testMac);
      setup = new RoutingSetupService(t.database, clock);
      routing = new RoutingService(t.database, clock);
      audit = (org) => staffAudit(store, org, 'supervisor-1', clock.now());
      await createAssignmentsTable(t.database.db);
    });
    afterAll(async () => {
      await store.close();
      await t.dispose();
    });

    /** Routes one case in its own transaction and records where it went. */
    const routeOne = async (org: string, f: CaseRoutingFacts = caseFacts()) =>
      t.database.db.transaction().execute(async (trx) => {
        const decision = await routing.route(trx, org, f, tableLoads);
        await recordAssignment(trx, f.caseId, org, decision.assigneeId);
        return decision;
      });

    it('keeps queues in routing order, refuses a second queue of the same name, audits each change', async () => {
      const org = await addOrg(t.database, 'Queues Clinic');
      const general = await setup.createQueue(org, queueDraft(), audit(org));
      const billing = await setup.createQueue(
        org,
        queueDraft({
          name: 'Billing',
          order: 10,
          requiredSkills: { languages: ['ES-mx'], categories: ['billing-question'] },
          matches: { categories: ['billing-question'], priorities: ['urgent'], channels: ['sms'] },
        }),
        audit(org),
      );
      expect((await setup.listQueues(org)).map((q) => q.name)).toEqual(['Billing', 'General']);
      expect((await setup.listQueues(org))[0]).toEqual({
        ...billing,
        requiredSkills: { languages: ['es'], categories: ['billing-question'] },
      });
      await expect(setup.createQueue(org, queueDraft(), audit(org))).rejects.toMatchObject({
        code: 'conflict',
        messageKey: 'routing.queue.name-taken',
      });
      await setup.updateQueue(org, general.id, queueDraft({ order: 1, active: false }), audit(org));
      expect((await setup.listQueues(org)).map((q) => [q.name, q.active])).toEqual([
        ['General', false],
        ['Billing', true],
      ]);
      await setup.deleteQueue(org, billing.id, audit(org));
      expect((await setup.listQueues(org)).map((q) => q.name)).toEqual(['General']);
      const other = await addOrg(t.database, 'Elsewhere');
      await expect(setup.deleteQueue(other, general.id, audit(other))).rejects.toMatchObject({
        code: 'not-found',
      });
      const entries = await t.database.db
        .selectFrom('audit_entries')
        .select(['action', 'resource_type', 'resource_id'])
        .where('organization_id', '=', org)
        .orderBy('seq')
        .execute();
      expect(entries.map((e) => `${e.action} ${e.resource_type}`)).toEqual([
        'create DeskQueue',
        'create DeskQueue',
        'update DeskQueue',
        'delete DeskQueue',
      ]);
    });

    it('refuses a team of another organization and frees a queue whose team is removed', async () => {
      const org = await addOrg(t.database, 'Teams Clinic');
      const other = await addOrg(t.database, 'Other Teams Clinic');
      const teamId = randomUUID();
      await t.database.db
        .insertInto('teams')
        .values({ id: teamId, organization_id: other, name: 'T', created_at: 'x', updated_at: 'x' })
        .execute();
      await expect(
        setup.createQueue(org, queueDraft({ teamId }), audit(org)),
      ).rejects.toMatchObject({
        code: 'validation',
      });
      const q = await setup.createQueue(other, queueDraft({ teamId }), audit(other));
      await t.database.db.deleteFrom('teams').where('id', '=', teamId).execute();
      expect((await setup.listQueues(other)).find((x) => x.id === q.id)?.teamId).toBeNull();
    });

    it('lists agents who work cases, with a default profile until one is saved', async () => {
      const org = await addOrg(t.database, 'Agents Clinic');
      const lucia = await addStaff(t.database.db, org, 'Lucía', { language: 'es-MX' });
      await addStaff(t.database.db, org, 'Admin', { roles: ['admin'] });
      await addStaff(t.database.db, org, 'Gone', { status: 'disabled' });
      const [first] = await setup.listAgents(org);
      expect(await setup.listAgents(org)).toHaveLength(1);
      expect(first).toMatchObject({
        accountId: lucia,
        configured: false,
        languages: ['es'],
        capacity: 10,
        availability: 'available',
      });
      const saved = await setup.updateAgent(
        org,
        lucia,
        { languages: ['es', 'en', 'es'], categories: ['refill'], capacity: 3 },
        audit(org),
      );
      expect(saved).toMatchObject({ configured: true, languages: ['es', 'en'], capacity: 3 });
      await routing.setAvailability({ accountId: lucia, organizationId: org }, 'away', audit(org));
      expect((await setup.listAgents(org))[0]).toMatchObject({
        languages: ['es', 'en'],
        categories: ['refill'],
        capacity: 3,
        availability: 'away',
      });
      const elsewhere = await addOrg(t.database, 'Not Lucía’s');
      await expect(
        setup.updateAgent(
          elsewhere,
          lucia,
          { languages: [], categories: [], capacity: 1 },
          audit(elsewhere),
        ),
      ).rejects.toMatchObject({ code: 'not-found' });
    });

    it('routes to the first queue that takes the case and the least-loaded agent who speaks the language', async () => {
      const org = await addOrg(t.database, 'Routing Clinic');
      const ana = await addStaff(t.database.db, org, 'Ana', { language: 'es' });
      const bo = await addStaff(t.database.db, org, 'Bo', { language: 'en' });
      const cy = await addStaff(t.database.db, org, 'Cy', { language: 'en' });
      const refills = await setup.createQueue(
        org,
        queueDraft({
          name: 'Refills',
          order: 1,
          matches: { categories: ['refill'], priorities: [], channels: [] },
        }),
        audit(org),
      );
      const general = await setup.createQueue(org, queueDraft(), audit(org));
      expect(
        await routing.route(t.database.db, org, caseFacts({ language: 'es-MX' }), mapLoads({})),
      ).toEqual({
        queueId: general.id,
        teamId: null,
        assigneeId: ana,
        reason: 'least-loaded',
      });
      expect(
        await routing.route(
          t.database.db,
          org,
          caseFacts({ category: 'refill' }),
          mapLoads({ [bo]: 2, [cy]: 1 }),
        ),
      ).toEqual({ queueId: refills.id, teamId: null, assigneeId: cy, reason: 'least-loaded' });
      expect(
        await routing.route(t.database.db, org, caseFacts({ language: 'lv' }), mapLoads({})),
      ).toEqual({
        queueId: general.id,
        teamId: null,
        assigneeId: null,
        reason: 'no-agent-speaks-language',
      });
      const [anaProfile] = await staffAgents(t.database.db, org, {
        activeOnly: true,
        accountId: ana,
      });
      expect(anaProfile?.profile.lastAssignedAt).toBe(clock.now().toISOString());
      await setup.updateQueue(org, general.id, queueDraft({ active: false }), audit(org));
      await setup.updateQueue(
        org,
        refills.id,
        queueDraft({ name: 'Refills', active: false }),
        audit(org),
      );
      expect(await routing.route(t.database.db, org, caseFacts(), mapLoads({}))).toEqual({
        queueId: null,
        teamId: null,
        assigneeId: null,
        reason: 'no-queue',
      });
    });

    it('keeps a team queue within the team and passes over away agents and those without case work', async () => {
      const org = await addOrg(t.database, 'Team Routing Clinic');
      const inTeam = await addStaff(t.database.db, org, 'In team');
      const outside = await addStaff(t.database.db, org, 'Outside');
      await addStaff(t.database.db, org, 'Admin', { roles: ['admin'] });
      const teamId = randomUUID();
      await t.database.db
        .insertInto('teams')
        .values({
          id: teamId,
          organization_id: org,
          name: 'Desk',
          created_at: 'x',
          updated_at: 'x',
        })
        .execute();
      await t.database.db
        .insertInto('team_members')
        .values({ team_id: teamId, account_id: inTeam, created_at: 'x' })
        .execute();
      const q = await setup.createQueue(org, queueDraft({ teamId }), audit(org));
      expect(
        (await routing.route(t.database.db, org, caseFacts(), mapLoads({ [inTeam]: 9 })))
          .assigneeId,
      ).toBe(inTeam);
      await routing.setAvailability(
        { accountId: inTeam, organizationId: org },
        'offline',
        audit(org),
      );
      expect(await routing.route(t.database.db, org, caseFacts(), mapLoads({}))).toEqual({
        queueId: q.id,
        // A team's queue keeps the case in the team, assigned or not.
        teamId,
        assigneeId: null,
        reason: 'no-agent-available',
      });
      await setup.updateQueue(org, q.id, queueDraft(), audit(org));
      expect((await routing.route(t.database.db, org, caseFacts(), mapLoads({}))).assigneeId).toBe(
        outside,
      );
    });

    it('hears of every change another writer makes, and of none that was rolled back', async () => {
      const org = await addOrg(t.database, 'Elsewhere Clinic');
      const ana = await addStaff(t.database.db, org, 'Ana');
      const bo = await addStaff(t.database.db, org, 'Bo');
      const q = await setup.createQueue(org, queueDraft(), audit(org));
      const to = async (loads: Record<string, number>) =>
        (await routing.route(t.database.db, org, caseFacts(), mapLoads(loads))).assigneeId;
      expect(await to({ [bo]: 1 })).toBe(ana);
      // Written straight to the database, as another server process or the CLI would.
      await t.database.db
        .updateTable('accounts')
        .set({ status: 'disabled' })
        .where('id', '=', ana)
        .execute();
      expect(await to({ [bo]: 1 })).toBe(bo);
      await t.database.db
        .updateTable('agent_profiles')
        .set({ availability: 'away' })
        .where('account_id', '=', bo)
        .execute();
      expect(await to({})).toBeNull();
      // A change rolled back leaves routing as it was before it.
      await t.database.db
        .transaction()
        .execute(async (trx) => {
          await trx
            .updateTable('agent_profiles')
            .set({ availability: 'available' })
            .where('account_id', '=', bo)
            .execute();
          expect((await routing.route(trx, org, caseFacts(), mapLoads({}))).assigneeId).toBe(bo);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      expect(await to({})).toBeNull();
      await t.database.db
        .updateTable('accounts')
        .set({ status: 'active' })
        .where('id', '=', ana)
        .execute();
      expect(await to({})).toBe(ana);
      await t.database.db
        .updateTable('desk_queues')
        .set({ active: 0 })
        .where('id', '=', q.id)
        .execute();
      expect((await routing.route(t.database.db, org, caseFacts(), mapLoads({}))).reason).toBe(
        'no-queue',
      );
    });

    it('round-robin turns through the agents even when every case arrives in the same millisecond', async () => {
      const org = await addOrg(t.database, 'Round Robin Clinic');
      const ids = [
        await addStaff(t.database.db, org, 'A'),
        await addStaff(t.database.db, org, 'B'),
        await addStaff(t.database.db, org, 'C'),
      ].sort();
      await setup.createQueue(org, queueDraft({ strategy: 'round-robin' }), audit(org));
      const got: Array<string | null> = [];
      for (let i = 0; i < 7; i++) got.push((await routeOne(org)).assigneeId);
      expect(got).toEqual([ids[0], ids[1], ids[2], ids[0], ids[1], ids[2], ids[0]]);
    });

    it('never routes an agent past capacity when many cases are created at once', async () => {
      const org = await addOrg(t.database, 'Busy Clinic');
      const agents = [
        await addStaff(t.database.db, org, 'One'),
        await addStaff(t.database.db, org, 'Two'),
        await addStaff(t.database.db, org, 'Three'),
      ];
      for (const [i, a] of agents.entries())
        await setup.updateAgent(
          org,
          a,
          { languages: ['en'], categories: [], capacity: i + 1 },
          audit(org),
        );
      await setup.createQueue(org, queueDraft(), audit(org));
      // On PostgreSQL a second pool, so routings really run side by side on separate
      // connections. One SQLite connection per process: a second one in the same thread
      // would wait on the first synchronously (the server never opens two).
      const second = engine === 'postgres' ? await openDatabase(t.config) : t.database;
      const routing2 = new RoutingService(second, clock);
      try {
        const decisions = await Promise.all(
          Array.from({ length: 16 }, (_, i) => {
            const [db, r] = i % 2 ? [second.db, routing2] : [t.database.db, routing];
            return db.transaction().execute(async (trx) => {
              const f = caseFacts();
              const d = await r.route(trx, org, f, tableLoads);
              // Work between routing and commit (the case row, its audit entry) widens the race.
              await new Promise((resolve) => setTimeout(resolve, 5));
              await recordAssignment(trx, f.caseId, org, d.assigneeId);
              return d;
            });
          }),
        );
        const counts = new Map<string, number>();
        for (const d of decisions)
          if (d.assigneeId) counts.set(d.assigneeId, (counts.get(d.assigneeId) ?? 0) + 1);
        expect(agents.map((a) => counts.get(a) ?? 0)).toEqual([1, 2, 3]);
        expect(decisions.filter((d) => d.reason === 'all-agents-at-capacity')).toHaveLength(10);
      } finally {
        if (second !== t.database) await second.close();
      }
    });
  });
}
