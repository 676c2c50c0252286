-- PostgreSQL twin of sqlite/0007_typeahead_prefixes.sql. Text keys are COLLATE "C" so that
-- name order and keyset pages are byte order, as on SQLite.
CREATE TABLE patient_search_prefixes (
  organization_id TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  prefix TEXT COLLATE "C" NOT NULL,
  sort_name TEXT COLLATE "C" NOT NULL,
  patient_id TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (organization_id, kind, prefix, sort_name, patient_id)
);

INSERT INTO patient_search_prefixes (organization_id, kind, prefix, sort_name, patient_id)
SELECT t.organization_id, t.kind, substr(t.term, 1, n.len), p.sort_name, t.patient_id
FROM patient_search_terms t
JOIN patients p ON p.id = t.patient_id
CROSS JOIN generate_series(1, 12) AS n(len)
WHERE n.len <= length(t.term)
  AND (t.kind IN ('name', 'identifier') OR (t.kind = 'phone' AND n.len >= 3))
ON CONFLICT DO NOTHING;

ALTER TABLE patients ADD COLUMN summary TEXT;
CREATE INDEX patients_summary_missing ON patients (id) WHERE summary IS NULL;
CREATE INDEX patients_by_id_summary ON patients (id)
  INCLUDE (organization_id, restricted, birth_date, administrative_sex, preferred_language,
           deceased, sort_name, merged_into, summary);
