import { randomBytes } from 'node:crypto';
import { catalogLanguage, MAX_AGENT_CAPACITY, type StaffRole } from '@caredesk/core';
import { systemAudit } from '@caredesk/server/access/request-audit';
import { openStandalone } from '@caredesk/server/cli/standalone';
import { loadConfig, type Config } from '@caredesk/server/config/config';
import { DEMO_QUEUES, demoAgentSkills } from '@caredesk/server/demo/demo-routing';
import { systemClock } from '@caredesk/server/main/create-caredesk';
import { RoutingSetupService } from '@caredesk/server/service-desk/routing/routing-setup-service';
import { staffAgents } from '@caredesk/server/storage/service-desk/routing-store';
import type { DeskWorld, SeedAgent } from './desk-generate';
import { asDeskLanguage, type DeskLanguage } from './desk-text';

/** The desk's staff: who works cases, in which role (their skills follow from it). */
const ROLES: ReadonlyArray<readonly [StaffRole, number]> = [
  ['agent', 30],
  ['nurse', 8],
  ['billing', 6],
  ['social-worker', 3],
  ['supervisor', 3],
];
/** Each role's members cycle through these, so every role has speakers of all four languages. */
const LANGUAGE_CYCLE: readonly DeskLanguage[] = ['en', 'es', 'en', 'lv', 'es', 'nb', 'en', 'es'];

const NAMES: Record<DeskLanguage, { given: string[]; family: string[] }> = {
  en: {
    given: ['Alex', 'Jordan', 'Morgan', 'Taylor', 'Casey', 'Riley', 'Jamie'],
    family: ['Walker', 'Bennett', 'Hughes', 'Foster', 'Price', 'Porter', 'Reed'],
  },
  es: {
    given: ['Lucía', 'Mateo', 'Carmen', 'Javier', 'Elena', 'Andrés', 'Marta'],
    family: ['Fernández', 'Ruiz', 'Ortega', 'Navarro', 'Morales', 'Castillo', 'Rojas'],
  },
  lv: {
    given: ['Ilze', 'Jānis', 'Līga', 'Andris', 'Dace', 'Mārtiņš', 'Inese'],
    family: ['Bērziņa', 'Kalniņš', 'Ozola', 'Liepiņš', 'Krūmiņa', 'Zariņš', 'Vītola'],
  },
  nb: {
    given: ['Ingrid', 'Lars', 'Sigrid', 'Eirik', 'Kari', 'Håkon', 'Solveig'],
    family: ['Hansen', 'Johansen', 'Berg', 'Haugen', 'Dahl', 'Lie', 'Bakken'],
  },
};

/** How the benchmark signs in as one seeded agent. */
export interface AgentLogin {
  accountId: string;
  email: string;
  password: string;
}

export interface SeededDesk {
  world: DeskWorld;
  logins: AgentLogin[];
}

/**
 * The desk the cases are seeded into, set up through the product's own services in this
 * process, on the server's database (same audit chain): ~50 staff who work cases provisioned
 * through the identity service, the demo clinic's queues (General last, as a catch-all) and
 * each agent's routing profile (their language and English, their role's category skills,
 * capacity 200, available). Then the patients cases can be opened for: every patient of the
 * organization that is neither merged nor restricted (restricted charts need break-the-glass,
 * which an agent's routine work never uses).
 */
export async function setUpDesk(overrides: Partial<Config>, agentCount = 50): Promise<SeededDesk> {
  const cd = await openStandalone(
    loadConfig({}, { logLevel: 'silent', ...overrides }),
    systemClock,
  );
  try {
    const org = cd.organizationId;
    const audit = systemAudit(cd.audit, {
      name: 'bench desk set-up',
      organizationId: org,
      now: new Date(),
    });
    const setup = new RoutingSetupService(cd.database, systemClock);
    const existing = new Set((await setup.listQueues(org)).map((q) => q.name));
    for (const draft of DEMO_QUEUES)
      if (!existing.has(draft.name)) await setup.createQueue(org, draft, audit);
    const queues = (await setup.listQueues(org)).filter((q) => q.active);

    const password = `Quiet harbour ${randomBytes(12).toString('base64url')}`;
    const suffix = randomBytes(4).toString('hex');
    const logins: AgentLogin[] = [];
    const roles = ROLES.flatMap(([role, n]) =>
      Array.from({ length: n }, (_, j) => [role, j] as const),
    );
    for (const [i, [role, j]] of roles.slice(0, agentCount).entries()) {
      const language = LANGUAGE_CYCLE[j % LANGUAGE_CYCLE.length]!;
      const names = NAMES[language];
      const displayName = `${names.given[i % names.given.length]!} ${names.family[(i * 3) % names.family.length]!}`;
      const email = `desk-agent-${String(i + 1).padStart(2, '0')}-${suffix}@bench.caredesk.example`;
      const account = await cd.identity.accounts.provision(
        {
          organizationId: org,
          kind: 'staff',
          email,
          displayName,
          roles: [role],
          preferredLanguage: language,
        },
        password,
      );
      const skills = demoAgentSkills(role, language);
      if (skills)
        await setup.updateAgent(
          org,
          account.id,
          { ...skills, capacity: MAX_AGENT_CAPACITY },
          audit,
        );
      logins.push({ accountId: account.id, email, password });
    }
    const ids = new Set(logins.map((l) => l.accountId));
    const agents: SeedAgent[] = (await staffAgents(cd.database.db, org, { activeOnly: true }))
      .filter((s) => ids.has(s.accountId))
      .map((s) => ({ accountId: s.accountId, displayName: s.displayName, profile: s.profile }));

    const patients = (
      await cd.database.db
        .selectFrom('patients')
        .select(['id', 'preferred_language'])
        .where('organization_id', '=', org)
        .where('merged_into', 'is', null)
        .where('restricted', '=', 0)
        .orderBy('id')
        .execute()
    ).map((p) => ({ id: p.id, language: asDeskLanguage(catalogLanguage(p.preferred_language)) }));
    return { world: { organizationId: org, patients, agents, queues }, logins };
  } finally {
    await cd.close();
  }
}
