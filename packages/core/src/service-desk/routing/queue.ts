import type { CaseChannel, CasePriority } from '../../cases/case';

/**
 * How a queue hands its cases out (issue #5 §3):
 * - `least-loaded`: to the eligible agent with the fewest active cases;
 * - `round-robin`: to the eligible agent who was given a case longest ago.
 */
export const QUEUE_STRATEGIES = ['least-loaded', 'round-robin'] as const;
export type QueueStrategy = (typeof QUEUE_STRATEGIES)[number];

/** Skills an agent needs to take the queue's cases. Empty lists ask for nothing. */
export interface RequiredSkills {
  /** BCP-47 tags; the agent must speak every one (a "Spanish line" lists `es`). */
  languages: string[];
  /**
   * Case category codes. When the list is not empty the agent must be skilled in the
   * case's own category if the queue lists it, else in at least one category listed.
   */
  categories: string[];
}

/** Which cases a queue takes. Each empty list means "any". */
export interface QueueMatches {
  categories: string[];
  priorities: CasePriority[];
  channels: CaseChannel[];
}

/** A queue of one organization: which cases it takes and who may work them. */
export interface Queue {
  id: string;
  organizationId: string;
  name: string;
  /** When set, only members of this team are routed the queue's cases. */
  teamId: string | null;
  strategy: QueueStrategy;
  requiredSkills: RequiredSkills;
  matches: QueueMatches;
  /** Queues are tried in ascending order; the first whose matches fit takes the case. */
  order: number;
  active: boolean;
}

/** What routing needs to know about a case to pick its queue. */
export interface CaseQueueFacts {
  category: string;
  priority: CasePriority;
  channel: CaseChannel;
}

const fits = <T>(accepted: readonly T[], value: T): boolean =>
  accepted.length === 0 || accepted.includes(value);

/** Whether the queue takes a case with these facts (active or not). */
export function queueTakes(queue: Queue, facts: CaseQueueFacts): boolean {
  return (
    fits(queue.matches.categories, facts.category) &&
    fits(queue.matches.priorities, facts.priority) &&
    fits(queue.matches.channels, facts.channel)
  );
}

/** Queue order: by `order`, then by id so that equal orders still give one answer. */
export function compareQueues(a: Queue, b: Queue): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The queue a new case goes to: the first active queue, in order, whose matches fit the
 * case; null when none does (the case then waits unqueued for a supervisor). Specific
 * queues are given lower orders than a catch-all "General" queue, as in contact-centre
 * routing tables.
 */
export function queueFor(queues: readonly Queue[], facts: CaseQueueFacts): Queue | null {
  return [...queues].sort(compareQueues).find((q) => q.active && queueTakes(q, facts)) ?? null;
}
