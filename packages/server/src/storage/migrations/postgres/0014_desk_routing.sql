-- PostgreSQL twin of sqlite/0014_desk_routing.sql.
-- Service-desk routing (issue #5 §3): queues with required skills and what they take, and
-- each agent's skills, capacity and availability. Lists are JSON arrays: routing reads all
-- of one organization's queues and its agents' profiles at once and decides in memory
-- (core/service-desk/routing), so no query filters inside them.

CREATE TABLE desk_queues (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  -- Only this team's members are routed the queue's cases; a removed team frees the queue.
  team_id TEXT REFERENCES teams(id) ON DELETE SET NULL,
  -- least-loaded | round-robin
  strategy TEXT NOT NULL,
  required_languages TEXT NOT NULL,
  required_categories TEXT NOT NULL,
  match_categories TEXT NOT NULL,
  match_priorities TEXT NOT NULL,
  match_channels TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  active INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (organization_id, name)
);
-- What routing reads for every new case: the organization's active queues in order.
CREATE INDEX desk_queues_routing ON desk_queues (organization_id, active, sort_order, id);

CREATE TABLE agent_profiles (
  account_id TEXT COLLATE "C" PRIMARY KEY REFERENCES accounts(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  languages TEXT NOT NULL,
  categories TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  -- available | away | offline
  availability TEXT NOT NULL,
  last_assigned_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agent_profiles_org ON agent_profiles (organization_id, availability, account_id);

-- Routing and the agents page read an organization's active staff; without this they
-- would walk every patient and caregiver account of the organization too.
CREATE INDEX accounts_org_staff ON accounts (organization_id, kind, status, id);
