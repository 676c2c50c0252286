-- PostgreSQL twin of sqlite/0011_sla.sql. Service desk SLA configuration (issue #5 §2):
-- targets per case category × priority, and the business-hours calendars the targets
-- are counted in.

-- One policy per (organization, category, priority); '*' matches any category or
-- priority. Targets are business minutes; on_breach is a JSON array of actions.
CREATE TABLE sla_policies (
  organization_id TEXT COLLATE "C" NOT NULL REFERENCES organizations(id),
  id TEXT COLLATE "C" NOT NULL,
  category TEXT COLLATE "C" NOT NULL,
  priority TEXT COLLATE "C" NOT NULL,
  first_response_minutes INTEGER NOT NULL,
  resolution_minutes INTEGER NOT NULL,
  warn_at_share DOUBLE PRECISION NOT NULL,
  on_breach TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, category, priority)
);

-- A team's calendar, or the organization's default (team_id NULL). hours and holidays
-- are JSON (OpeningHours[] and local YYYY-MM-DD dates). No foreign key to teams: a team
-- may be deleted (identity/team-service) and its calendar is then simply unused.
CREATE TABLE business_calendars (
  organization_id TEXT COLLATE "C" NOT NULL REFERENCES organizations(id),
  team_id TEXT COLLATE "C",
  time_zone TEXT NOT NULL,
  hours TEXT NOT NULL,
  holidays TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- One default and one per team: NULL is made comparable so the default is unique too.
CREATE UNIQUE INDEX business_calendars_scope
  ON business_calendars (organization_id, COALESCE(team_id, ''));
