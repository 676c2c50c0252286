/**
 * Routing tables (migration 0014): the desk's queues and each agent's routing profile.
 * List columns hold JSON arrays of strings; flags are 0/1 (see schema.ts).
 */
export interface DeskQueuesTable {
  id: string;
  organization_id: string;
  name: string;
  team_id: string | null;
  strategy: string;
  required_languages: string;
  required_categories: string;
  match_categories: string;
  match_priorities: string;
  match_channels: string;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface AgentProfilesTable {
  account_id: string;
  organization_id: string;
  languages: string;
  categories: string;
  capacity: number;
  availability: string;
  last_assigned_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Active cases assigned to each agent (migration 0018), kept by triggers on `cases`:
 * what routing balances and caps, read without counting cases.
 */
export interface AgentLoadsTable {
  account_id: string;
  active_cases: number;
}

/** One row (id 1): moved forward by triggers on every change routing depends on (migration 0022). */
export interface RoutingStampTable {
  id: number;
  stamp: number;
}
