-- PostgreSQL twin of sqlite/0020_follow_up.sql.
-- Follow-up programs and the plans, tasks and contacts they become (issue #6 points 4–5).
-- Programs are versioned data: a plan keeps the version it started under.
CREATE TABLE follow_up_programs (
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  -- core FollowUpProgram as JSON.
  definition TEXT NOT NULL,
  -- 1 on the version new plans start under; 0 on older versions and retired programs.
  active INTEGER NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  created_by TEXT,
  PRIMARY KEY (organization_id, code, version)
);
CREATE UNIQUE INDEX follow_up_programs_active ON follow_up_programs (organization_id, code)
  WHERE active = 1;

CREATE TABLE follow_up_plans (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  patient_id TEXT NOT NULL REFERENCES patients (id),
  program_code TEXT NOT NULL,
  program_version INTEGER NOT NULL,
  encounter_id TEXT,
  case_id TEXT REFERENCES cases (id),
  -- What started it (JSON: the event, the HL7 message or the member of staff).
  origin TEXT NOT NULL,
  -- active, completed, cancelled; status_reason says why a plan was cancelled.
  status TEXT NOT NULL,
  status_reason TEXT,
  priority TEXT NOT NULL,
  started_at TEXT COLLATE "C" NOT NULL,
  -- The first contact step's due time and when someone was first reached: the
  -- "contacted within 2 business days" measure.
  contact_due_at TEXT,
  first_contact_at TEXT,
  ended_at TEXT,
  version INTEGER NOT NULL
);
-- One active plan per visit and program: a repeated or re-sent A03 starts nothing twice.
CREATE UNIQUE INDEX follow_up_plans_per_visit ON follow_up_plans (organization_id, encounter_id, program_code)
  WHERE status = 'active' AND encounter_id IS NOT NULL;
-- One active enrolment per patient and program.
CREATE UNIQUE INDEX follow_up_plans_enrolled ON follow_up_plans (organization_id, patient_id, program_code)
  WHERE status = 'active' AND encounter_id IS NULL;
CREATE INDEX follow_up_plans_by_patient ON follow_up_plans (patient_id, started_at);
CREATE INDEX follow_up_plans_by_encounter ON follow_up_plans (encounter_id)
  WHERE encounter_id IS NOT NULL;
CREATE INDEX follow_up_plans_started ON follow_up_plans (organization_id, started_at);

CREATE TABLE follow_up_tasks (
  id TEXT COLLATE "C" PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES follow_up_plans (id),
  organization_id TEXT NOT NULL,
  step_key TEXT NOT NULL,
  occurrence INTEGER NOT NULL,
  kind TEXT NOT NULL,
  required INTEGER NOT NULL,
  -- FHIR Task status: ready, in-progress, completed, cancelled.
  status TEXT NOT NULL,
  status_reason TEXT,
  is_open INTEGER NOT NULL,
  due_at TEXT COLLATE "C" NOT NULL,
  assignee_id TEXT,
  unanswered_attempts INTEGER NOT NULL,
  escalated_at TEXT,
  -- Referral steps (home health, transport, PT): JSON {state, provider, reference, at}.
  referral TEXT,
  completed_at TEXT,
  updated_at TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  UNIQUE (plan_id, step_key, occurrence)
);
-- Worklists: open tasks by due time, for everyone or one person.
CREATE INDEX follow_up_tasks_worklist ON follow_up_tasks (organization_id, is_open, due_at, id);
CREATE INDEX follow_up_tasks_by_assignee
  ON follow_up_tasks (organization_id, assignee_id, is_open, due_at, id);
-- The worklist's change stamp: an open worklist asks twice a second whether anything moved.
CREATE INDEX follow_up_tasks_changed ON follow_up_tasks (organization_id, updated_at);

-- Every attempt to reach the patient or their caregiver, as a communication.
CREATE TABLE follow_up_contacts (
  id TEXT COLLATE "C" PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES follow_up_plans (id),
  task_id TEXT NOT NULL REFERENCES follow_up_tasks (id),
  organization_id TEXT NOT NULL,
  at TEXT COLLATE "C" NOT NULL,
  channel TEXT NOT NULL,
  party TEXT NOT NULL,
  related_person_id TEXT,
  outcome TEXT NOT NULL,
  note TEXT,
  by_id TEXT,
  by_name TEXT
);
CREATE INDEX follow_up_contacts_by_plan ON follow_up_contacts (plan_id, at);
