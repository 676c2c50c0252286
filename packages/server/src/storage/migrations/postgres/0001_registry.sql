-- PostgreSQL twin of sqlite/0001_registry.sql. Key columns use COLLATE "C" so that
-- prefix ranges and keyset order are byte order, exactly as in SQLite.
-- Patient registry and the clinical context imported with it.
-- JSON documents are stored as text; columns that are searched, joined or sorted on
-- are real columns with indexes.
-- Installation-wide settings, e.g. which organization this CareDesk serves.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE organizations (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE practitioners (
  id TEXT COLLATE "C" PRIMARY KEY,
  npi TEXT,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE locations (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE patients (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  sort_name TEXT COLLATE "C" NOT NULL,
  birth_date TEXT COLLATE "C",
  administrative_sex TEXT NOT NULL,
  preferred_language TEXT NOT NULL,
  deceased INTEGER NOT NULL DEFAULT 0,
  merged_into TEXT REFERENCES patients(id),
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX patients_org_sort ON patients (organization_id, sort_name, id);
CREATE INDEX patients_org_birth ON patients (organization_id, birth_date, sort_name, id);

-- Every identifier stays unique within an organization, including after merges.
CREATE TABLE patient_identifiers (
  organization_id TEXT NOT NULL,
  system TEXT COLLATE "C" NOT NULL,
  value TEXT COLLATE "C" NOT NULL,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  type TEXT,
  PRIMARY KEY (organization_id, system, value)
);
CREATE INDEX patient_identifiers_patient ON patient_identifiers (patient_id);

-- Typeahead terms: folded name tokens, phone digits, e-mail addresses and identifier
-- values. A prefix range scan over (kind, term) serves every typeahead query.
CREATE TABLE patient_search_terms (
  organization_id TEXT NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  term TEXT COLLATE "C" NOT NULL,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  PRIMARY KEY (organization_id, kind, term, patient_id)
);
CREATE INDEX patient_search_terms_patient ON patient_search_terms (patient_id);

CREATE TABLE duplicate_candidates (
  patient_id TEXT NOT NULL REFERENCES patients(id),
  candidate_id TEXT NOT NULL REFERENCES patients(id),
  score DOUBLE PRECISION NOT NULL,
  reasons TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (patient_id, candidate_id)
);
CREATE INDEX duplicate_candidates_status ON duplicate_candidates (status, created_at);

CREATE TABLE related_persons (
  id TEXT COLLATE "C" PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  is_caregiver INTEGER NOT NULL,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX related_persons_patient ON related_persons (patient_id);

CREATE TABLE coverages (
  id TEXT COLLATE "C" PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  status TEXT NOT NULL,
  coverage_order INTEGER NOT NULL,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX coverages_patient ON coverages (patient_id, coverage_order);

CREATE TABLE care_team_members (
  id TEXT COLLATE "C" PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  practitioner_id TEXT NOT NULL REFERENCES practitioners(id),
  role TEXT NOT NULL,
  period_start TEXT,
  period_end TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX care_team_members_patient ON care_team_members (patient_id);

CREATE TABLE encounters (
  id TEXT COLLATE "C" PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  status TEXT NOT NULL,
  period_start TEXT,
  period_end TEXT,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX encounters_patient ON encounters (patient_id, period_start);

CREATE TABLE conditions (
  id TEXT COLLATE "C" PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  code TEXT NOT NULL,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX conditions_patient ON conditions (patient_id);

CREATE TABLE medication_requests (
  id TEXT COLLATE "C" PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX medication_requests_patient ON medication_requests (patient_id);

CREATE TABLE care_plans (
  id TEXT COLLATE "C" PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX care_plans_patient ON care_plans (patient_id);

CREATE TABLE claims (
  id TEXT COLLATE "C" PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX claims_patient ON claims (patient_id);

CREATE TABLE explanations_of_benefit (
  id TEXT COLLATE "C" PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX explanations_of_benefit_patient ON explanations_of_benefit (patient_id);

-- Idempotency-Key records (draft-ietf-httpapi-idempotency-key-header): a retried POST
-- replays the stored response instead of creating a second record.
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, idem_key)
);

