-- Typeahead pages in name order from an index range, however common the prefix: every
-- prefix (up to 12 characters, PREFIX_CAP in core) of a patient's name, phone and
-- identifier terms, keyed by the patient's sort name. A prefix shared by 10,000 patients
-- still reads 21 rows for a page of 20. Before this, common prefixes walked patients in
-- name order probing each (measured 10-50 ms at 100,000 patients; docs/benchmarks.md).
-- Derived data, rewritten with the patient row; no foreign key, so that the table needs
-- no second index by patient.
CREATE TABLE patient_search_prefixes (
  organization_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  prefix TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  PRIMARY KEY (organization_id, kind, prefix, sort_name, patient_id)
) WITHOUT ROWID;

-- Existing patients; phone prefixes start at 3 digits, the shortest phone query.
WITH RECURSIVE n(len) AS (SELECT 1 UNION ALL SELECT len + 1 FROM n WHERE len < 12)
INSERT OR IGNORE INTO patient_search_prefixes (organization_id, kind, prefix, sort_name, patient_id)
SELECT t.organization_id, t.kind, substr(t.term, 1, n.len), p.sort_name, t.patient_id
FROM patient_search_terms t
JOIN patients p ON p.id = t.patient_id
JOIN n ON n.len <= length(t.term)
WHERE t.kind IN ('name', 'identifier') OR (t.kind = 'phone' AND n.len >= 3);

-- What a search result shows (name, MRN, phone as JSON), so a page of results reads a few
-- small rows instead of parsing whole records. Filled by the writer; rows from before this
-- migration are filled once by fillMissingSummaries, found through the partial index.
ALTER TABLE patients ADD COLUMN summary TEXT;
CREATE INDEX patients_summary_missing ON patients (id) WHERE summary IS NULL;

-- A page of results and every access check read these few columns by id. In the table
-- they sit after the large JSON document (columns added by ALTER go last), so reaching
-- them walked its overflow pages: 250 us for a page of 20 at 100,000 patients. From a
-- covering index they are one small row each.
CREATE INDEX patients_by_id_summary ON patients
  (id, organization_id, restricted, birth_date, administrative_sex, preferred_language,
   deceased, sort_name, merged_into, summary);
