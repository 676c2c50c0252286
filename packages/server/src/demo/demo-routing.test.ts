import { randomUUID } from 'node:crypto';
import { speaksLanguage } from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAudit } from '../access/request-audit';
import { AuditStore } from '../audit/audit-store';
import { testMac } from '../audit/testing/audit-fixtures';
import { RoutingService } from '../service-desk/routing/routing-service';
import { RoutingSetupService } from '../service-desk/routing/routing-setup-service';
import { addOrg, addStaff, mapLoads } from '../service-desk/routing/testing/routing-world';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { DEMO_QUEUES, loadDemoRouting } from './demo-routing';
import { generateDemoReference } from './generate-demo';

describe('demo routing', () => {
  let t: TestDatabase;
  let store: AuditStore;
  let org: string;
  const now = new Date('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    store = new AuditStore(t.database, testMac);
    org = await addOrg(t.database, 'Riverside');
    const { staff } = generateDemoReference({ seed: 2026, organizationId: org });
    const accounts = [];
    for (const m of staff) {
      const accountId = await addStaff(t.database.db, org, m.displayName, {
        roles: [m.role],
        language: m.preferredLanguage,
      });
      accounts.push({ accountId, role: m.role, language: m.preferredLanguage });
    }
    const audit = systemAudit(store, { name: 'caredesk demo', organizationId: org, now });
    await loadDemoRouting(t.database, org, now, accounts, audit);
    // Loading again (caredesk demo --force) changes nothing and fails on nothing.
    await loadDemoRouting(t.database, org, now, accounts, audit);
  });
  afterAll(async () => {
    await store.close();
    await t.dispose();
  });

  it('sets up the five queues, most specific first, and a profile for everyone who works cases', async () => {
    const setup = new RoutingSetupService(t.database, { now: () => now });
    expect((await setup.listQueues(org)).map((q) => q.name)).toEqual(
      DEMO_QUEUES.map((q) => q.name),
    );
    const agents = await setup.listAgents(org);
    expect(agents.every((a) => a.configured)).toBe(true);
    for (const lang of ['en', 'es', 'lv', 'nb'])
      expect(agents.filter((a) => a.languages.includes(lang)).length, lang).toBeGreaterThan(1);
  });

  it.each(['en', 'es', 'lv', 'nb'])(
    'routes a case of every queue in %s to someone who speaks it',
    async (language) => {
      const routing = new RoutingService(t.database, { now: () => now });
      const setup = new RoutingSetupService(t.database, { now: () => now });
      const agents = new Map((await setup.listAgents(org)).map((a) => [a.accountId, a]));
      for (const queue of await setup.listQueues(org)) {
        const category = queue.matches.categories[0] ?? 'complaint';
        const decision = await routing.route(
          t.database.db,
          org,
          { caseId: randomUUID(), category, priority: 'routine', channel: 'portal', language },
          mapLoads({}),
        );
        expect(decision.queueId, `${queue.name} ${category}`).toBe(queue.id);
        const agent = agents.get(decision.assigneeId ?? '');
        expect(agent, `${queue.name} in ${language}: ${decision.reason}`).toBeDefined();
        expect(speaksLanguage(agent!.languages, language)).toBe(true);
      }
    },
  );
});
