import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditStore } from '../../audit/audit-store';
import { testMac } from '../../audit/testing/audit-fixtures';
import type { Engine } from '../../storage/database';
import { staffAgents } from '../../storage/service-desk/routing-store';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import type { RequestAudit } from '../../access/request-audit';
import { RoutingService } from './routing-service';
import { RoutingSetupService } from './routing-setup-service';
import {
  HandClock,
  addOrg,
  addStaff,
  caseFacts,
  mapLoads,
  queueDraft,
  staffAudit,
} from './testing/routing-world';

/**
 * The routing stamp (migration 0022) under real use: what replaces it, and writers that
 * change the desk at the same moment. Run by routing-stamp.contract.test.ts and
 * routing-stamp.contract.pg.test.ts (needs DATABASE_URL).
 */
export function describeRoutingStampContract(engine: Engine): void {
  describe(`routing stamp (${engine})`, () => {
    let t: TestDatabase;
    let store: AuditStore;
    const clock = new HandClock();
    let routing: RoutingService;
    let audit: (org: string) => RequestAudit;
    let org: string;
    let ana: string;

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      store = new AuditStore(t.database, testMac);
      routing = new RoutingService(t.database, clock);
      audit = (o) => staffAudit(store, o, 'supervisor-1', clock.now());
      org = await addOrg(t.database, 'Stamp Clinic');
      ana = await addStaff(t.database.db, org, 'Ana');
      await new RoutingSetupService(t.database, clock).createQueue(
        org,
        queueDraft({ order: 1 }),
        audit(org),
      );
      // Ana's profile is saved, as it is once she has set her availability once.
      await routing.setAvailability(
        { accountId: ana, organizationId: org },
        'available',
        audit(org),
      );
    });
    afterAll(async () => {
      await store.close();
      await t.dispose();
    });

    const stamp = async () =>
      String(
        (await t.database.db.selectFrom('routing_stamp').select('stamp').executeTakeFirstOrThrow())
          .stamp,
      );
    it('stays as it is when routing gives an agent a case', async () => {
      const before = await stamp();
      clock.t += 60_000;
      const decision = await routing.route(t.database.db, org, caseFacts(), mapLoads({}));
      expect(decision.assigneeId).toBe(ana);
      const [profile] = await staffAgents(t.database.db, org, { activeOnly: true, accountId: ana });
      expect(profile?.profile.lastAssignedAt).toBe(clock.now().toISOString());
      // Routing keeps the desk it read while the stamp stands; an assignment is no change to it.
      expect(await stamp()).toBe(before);
    });

    it("lets an agent's availability change and a change to her account and profile both commit", async () => {
      const before = await stamp();
      let availability: Promise<unknown> | undefined;
      // Another writer (a second server process, a script) changes Ana's account, then her
      // profile, in one transaction; Ana goes away in between.
      await t.database.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('accounts')
          .set({ preferred_language: 'es' })
          .where('id', '=', ana)
          .execute();
        availability = routing
          .setAvailability({ accountId: ana, organizationId: org }, 'away', audit(org))
          .then(
            () => 'committed',
            (e: unknown) => e,
          );
        // Long enough for Ana's change to reach the database and wait there.
        await sleep(300);
        await trx
          .updateTable('agent_profiles')
          .set({ capacity: 7 })
          .where('account_id', '=', ana)
          .execute();
      });
      expect(await availability).toBe('committed');
      const [profile] = await staffAgents(t.database.db, org, {
        activeOnly: false,
        accountId: ana,
      });
      expect(profile?.profile).toMatchObject({ availability: 'away', capacity: 7 });
      expect(await stamp()).not.toBe(before);
      expect(
        (await routing.route(t.database.db, org, caseFacts(), mapLoads({}))).assigneeId,
      ).toBeNull();
    });
  });
}
