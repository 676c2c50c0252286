-- PostgreSQL twin of sqlite/0016_case_surveys.sql. Satisfaction surveys after resolution (issue #5 §8): at most one per case (unique
-- case_id) and one per patient per 7 days (checked when offered, by patient_id + offered_at).
-- Who worked the case is copied in, so results by agent, team and category stay true
-- after the case is reassigned or recategorised.
CREATE TABLE case_surveys (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  case_id TEXT NOT NULL UNIQUE REFERENCES cases (id),
  patient_id TEXT NOT NULL REFERENCES patients (id),
  agent_id TEXT,
  team_id TEXT,
  category TEXT NOT NULL,
  offered_at TEXT COLLATE "C" NOT NULL,
  answered_at TEXT COLLATE "C",
  score INTEGER,
  comment TEXT
);
CREATE INDEX case_surveys_by_patient ON case_surveys (patient_id, offered_at);
CREATE INDEX case_surveys_answered ON case_surveys (organization_id, answered_at);
