-- PostgreSQL twin of sqlite/0005_access.sql. Access control: restricted records, caregiver consents, break-the-glass grants.

-- VIP, employee, or at the patient's request: staff need a care relationship or
-- break-the-glass to open the record.
ALTER TABLE patients ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;

-- A caregiver's consent, shaped like FHIR Consent (patient-privacy): permitted and denied
-- data categories over a period, revocable. Rows are never deleted: revocation sets
-- revoked_at, so the history of who could see what stays answerable.
CREATE TABLE consents (
  id TEXT COLLATE "C" PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  related_person_id TEXT NOT NULL REFERENCES related_persons(id),
  status TEXT NOT NULL,
  permit TEXT NOT NULL,
  deny TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT,
  granted_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT
);
CREATE INDEX consents_patient ON consents (patient_id, created_at);
CREATE INDEX consents_related_person ON consents (related_person_id);

-- Break-the-glass: time-boxed access to a record outside the staff member's reach, with
-- the reason they gave, queued for privacy-officer review.
CREATE TABLE break_glass_grants (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  reviewed_at TEXT,
  reviewed_by TEXT,
  review_outcome TEXT,
  review_note TEXT
);
CREATE INDEX break_glass_account ON break_glass_grants (account_id, expires_at);
CREATE INDEX break_glass_review ON break_glass_grants (organization_id, reviewed_at, created_at);
