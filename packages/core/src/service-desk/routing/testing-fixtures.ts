import type { AgentProfile } from './agent-profile';
import type { Queue } from './queue';

/** A queue of organization `org-1` taking any case, least-loaded, no skills asked. */
export function queueOf(overrides: Partial<Queue> = {}): Queue {
  return {
    id: 'q-general',
    organizationId: 'org-1',
    name: 'General',
    teamId: null,
    strategy: 'least-loaded',
    requiredSkills: { languages: [], categories: [] },
    matches: { categories: [], priorities: [], channels: [] },
    order: 100,
    active: true,
    ...overrides,
  };
}

/** An available English-speaking agent of `org-1` with room for 5 cases. */
export function agentOf(accountId: string, overrides: Partial<AgentProfile> = {}): AgentProfile {
  return {
    accountId,
    organizationId: 'org-1',
    languages: ['en'],
    categories: [],
    capacity: 5,
    availability: 'available',
    lastAssignedAt: null,
    ...overrides,
  };
}
