-- The patient page lists conditions, prescriptions and care plans newest first, a page at
-- a time (architecture rule 8: keyset pagination). Their dates lived only inside the JSON
-- document, which the two engines read with different functions, so each table gets the
-- date it is listed by as a column of its own, as encounters already have period_start.
-- The importer writes them (registry-import/import-store.ts); rows stored before this
-- migration are filled from their documents here. The patient-only indexes give way to
-- (patient, date) ones, which serve the same lookups by patient. COLLATE "C": ISO dates
-- sort by their bytes, as on SQLite, whatever the database's own collation.

-- A condition is listed by its onset, or by when it was recorded when the onset is unknown.
ALTER TABLE conditions ADD COLUMN onset_or_recorded TEXT COLLATE "C";
UPDATE conditions
SET onset_or_recorded = COALESCE(data::json ->> 'onset', data::json ->> 'recordedDate');
DROP INDEX conditions_patient;
CREATE INDEX conditions_patient ON conditions (patient_id, onset_or_recorded);

ALTER TABLE medication_requests ADD COLUMN authored_on TEXT COLLATE "C";
UPDATE medication_requests SET authored_on = data::json ->> 'authoredOn';
DROP INDEX medication_requests_patient;
CREATE INDEX medication_requests_patient ON medication_requests (patient_id, authored_on);

ALTER TABLE care_plans ADD COLUMN period_start TEXT COLLATE "C";
UPDATE care_plans SET period_start = data::json ->> 'periodStart';
DROP INDEX care_plans_patient;
CREATE INDEX care_plans_patient ON care_plans (patient_id, period_start);
