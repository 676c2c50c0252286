import type { AgentSkillsDraft, QueueDraft, StaffRole } from '@caredesk/core';
import type { RequestAudit } from '../access/request-audit';
import { canWorkCases } from '../service-desk/routing/case-workers';
import { RoutingSetupService } from '../service-desk/routing/routing-setup-service';
import type { Database } from '../storage/database';

const queue = (
  name: string,
  order: number,
  takes: string[],
  opts: Partial<Pick<QueueDraft, 'strategy' | 'requiredSkills'>> = {},
): QueueDraft => ({
  name,
  teamId: null,
  strategy: opts.strategy ?? 'least-loaded',
  requiredSkills: opts.requiredSkills ?? { languages: [], categories: [] },
  matches: { categories: takes, priorities: [], channels: [] },
  order,
  active: true,
});

const BILLING = [
  'billing-question',
  'billing-dispute',
  'claim-help',
  'reimbursement-form',
  'financial-assistance',
];
const CARE = ['discharge-follow-up', 'device-help'];

/**
 * The demo clinic's queues, most specific first and a catch-all last: refills and the
 * care-coordination line need clinical skills, billing needs billing skills, scheduling
 * turns round-robin through whoever is free.
 */
export const DEMO_QUEUES: readonly QueueDraft[] = [
  queue('Pharmacy & refills', 10, ['refill'], {
    requiredSkills: { languages: [], categories: ['refill'] },
  }),
  queue('Billing', 20, BILLING, { requiredSkills: { languages: [], categories: BILLING } }),
  queue('Scheduling', 30, ['procedure-scheduling', 'test-arrangement'], {
    strategy: 'round-robin',
  }),
  queue('Care coordination', 40, CARE, { requiredSkills: { languages: [], categories: CARE } }),
  queue('General', 100, []),
];

/** What each demo role is skilled in, and how many cases they hold at once. */
const ROLE_SKILLS: Partial<Record<StaffRole, { categories: string[]; capacity: number }>> = {
  agent: {
    categories: [
      'billing-question',
      'claim-help',
      'procedure-scheduling',
      'test-arrangement',
      'complaint',
      'general',
    ],
    capacity: 12,
  },
  nurse: { categories: ['refill', 'test-arrangement', ...CARE], capacity: 8 },
  physician: { categories: ['refill', 'discharge-follow-up'], capacity: 4 },
  billing: { categories: BILLING, capacity: 10 },
  'social-worker': {
    categories: ['financial-assistance', 'discharge-follow-up', 'complaint'],
    capacity: 8,
  },
  supervisor: { categories: ['complaint', 'billing-dispute', 'general'], capacity: 4 },
};

/** A demo staff member's routing profile: their own language and English, their role's skills. */
export function demoAgentSkills(role: StaffRole, language: string): AgentSkillsDraft | null {
  const skills = ROLE_SKILLS[role];
  if (!skills || !canWorkCases({ roles: [role] })) return null;
  return { languages: [...new Set([language, 'en'])], ...skills };
}

/**
 * Sets up routing for the demo clinic through the same service as the console, audited
 * as the demo loader: the queues (those not there already, so loading twice is harmless)
 * and a profile for each staff member who works cases. Between them the agents speak
 * en, es, lv and nb.
 */
export async function loadDemoRouting(
  database: Database,
  organizationId: string,
  now: Date,
  staff: ReadonlyArray<{ accountId: string; role: StaffRole; language: string }>,
  audit: RequestAudit,
): Promise<void> {
  const setup = new RoutingSetupService(database, { now: () => now });
  const existing = new Set((await setup.listQueues(organizationId)).map((q) => q.name));
  for (const draft of DEMO_QUEUES) {
    if (!existing.has(draft.name)) await setup.createQueue(organizationId, draft, audit);
  }
  for (const member of staff) {
    const skills = demoAgentSkills(member.role, member.language);
    if (skills) await setup.updateAgent(organizationId, member.accountId, skills, audit);
  }
}
