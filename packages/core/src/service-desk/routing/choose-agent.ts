import { languageKey, speaksLanguage, type AgentProfile } from './agent-profile';
import type { Queue } from './queue';

/** What routing needs to know about a case to pick its agent. */
export interface CaseAgentFacts {
  /** The patient's preferred language (BCP-47); empty or unparseable when unknown. */
  language: string;
  category: string;
}

/**
 * Why a case stays unassigned in its queue, for the supervisor's backlog. Each names the
 * first requirement nobody met, checked in this order:
 * - `no-agents`: the queue has nobody to route to (no agent, or an empty team);
 * - `no-agent-available`: everyone is away or offline;
 * - `no-agent-has-skills`: nobody available has the queue's required skills;
 * - `no-agent-speaks-language`: nobody available and skilled speaks the patient's language;
 * - `all-agents-at-capacity`: those who qualify already hold as many cases as they may.
 */
export const UNASSIGNED_REASONS = [
  'no-agents',
  'no-agent-available',
  'no-agent-has-skills',
  'no-agent-speaks-language',
  'all-agents-at-capacity',
] as const;
export type UnassignedReason = (typeof UNASSIGNED_REASONS)[number];

export type AgentChoice = { accountId: string } | { unassigned: UnassignedReason };

/** Whether the agent has the skills the queue asks for, for a case of this category. */
export function hasQueueSkills(queue: Queue, agent: AgentProfile, category: string): boolean {
  const { languages, categories } = queue.requiredSkills;
  if (!languages.every((l) => speaksLanguage(agent.languages, l))) return false;
  if (categories.length === 0) return true;
  // A case of a category the queue specialises in needs that very skill; any other case
  // the queue takes needs one of the queue's specialities.
  const needed = categories.includes(category) ? [category] : categories;
  return needed.some((c) => agent.categories.includes(c));
}

/**
 * A patient's preferred language routes to an agent who speaks it (issue #5 §3). When
 * nobody available does, the case waits in its queue (`no-agent-speaks-language`) rather
 * than going to someone the patient cannot talk to: the supervisor sees it and can assign
 * an interpreter-supported agent by hand. An unknown language asks for nothing.
 */
function speaksCaseLanguage(agent: AgentProfile, language: string): boolean {
  return languageKey(language) === null || speaksLanguage(agent.languages, language);
}

const loadOf = (loads: ReadonlyMap<string, number>, accountId: string): number =>
  loads.get(accountId) ?? 0;

type Check = [UnassignedReason, (a: AgentProfile) => boolean];

/** The checks that do not depend on anyone's load, in the order reasons report them. */
function checksBeforeCapacity(queue: Queue, facts: CaseAgentFacts): Check[] {
  return [
    ['no-agent-available', (a) => a.availability === 'available'],
    ['no-agent-has-skills', (a) => hasQueueSkills(queue, a, facts.category)],
    ['no-agent-speaks-language', (a) => speaksCaseLanguage(a, facts.language)],
  ];
}

/** Every check an agent must pass, in the order the unassigned reason reports them. */
function funnel(queue: Queue, loads: ReadonlyMap<string, number>, facts: CaseAgentFacts): Check[] {
  return [
    ...checksBeforeCapacity(queue, facts),
    ['all-agents-at-capacity', (a) => loadOf(loads, a.accountId) < a.capacity],
  ];
}

/**
 * The agents whose load can decide this case: those who pass every check before capacity.
 * Loads are counted for them alone; nobody else's load is ever looked at.
 */
export function agentsNeedingLoads(
  queue: Queue,
  agents: readonly AgentProfile[],
  facts: CaseAgentFacts,
): AgentProfile[] {
  const checks = checksBeforeCapacity(queue, facts);
  return agents.filter(
    (a) => a.organizationId === queue.organizationId && checks.every(([, passes]) => passes(a)),
  );
}

/** Whether routing may give this agent this queue's case now. */
export function isEligible(
  queue: Queue,
  agent: AgentProfile,
  loads: ReadonlyMap<string, number>,
  facts: CaseAgentFacts,
): boolean {
  return (
    agent.organizationId === queue.organizationId &&
    funnel(queue, loads, facts).every(([, passes]) => passes(agent))
  );
}

/** Never-assigned agents first, then the longest since their last case (ISO instants sort as text). */
function byLastAssigned(a: AgentProfile, b: AgentProfile): number {
  if (a.lastAssignedAt === b.lastAssignedAt) return 0;
  if (a.lastAssignedAt === null) return -1;
  if (b.lastAssignedAt === null) return 1;
  return a.lastAssignedAt < b.lastAssignedAt ? -1 : 1;
}

const byAccountId = (a: AgentProfile, b: AgentProfile): number =>
  a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;

/**
 * The agent a case of `queue` goes to (issue #5 §3), or why nobody. Eligible agents are
 * available, hold fewer active cases than their capacity, have the queue's required
 * skills and speak the patient's language. Among them:
 * - least-loaded: fewest active cases; ties to whoever was given a case longest ago;
 * - round-robin: whoever was given a case longest ago.
 * Remaining ties go to the lowest account id, so the same inputs always give the same agent.
 * Agents of another organization are never considered.
 */
export function chooseAgent(
  queue: Queue,
  agents: readonly AgentProfile[],
  loads: ReadonlyMap<string, number>,
  facts: CaseAgentFacts,
): AgentChoice {
  let pool = agents.filter((a) => a.organizationId === queue.organizationId);
  if (pool.length === 0) return { unassigned: 'no-agents' };
  for (const [reason, passes] of funnel(queue, loads, facts)) {
    pool = pool.filter(passes);
    if (pool.length === 0) return { unassigned: reason };
  }
  const order =
    queue.strategy === 'least-loaded'
      ? (a: AgentProfile, b: AgentProfile) =>
          loadOf(loads, a.accountId) - loadOf(loads, b.accountId) ||
          byLastAssigned(a, b) ||
          byAccountId(a, b)
      : (a: AgentProfile, b: AgentProfile) => byLastAssigned(a, b) || byAccountId(a, b);
  const chosen = [...pool].sort(order)[0]!;
  return { accountId: chosen.accountId };
}
