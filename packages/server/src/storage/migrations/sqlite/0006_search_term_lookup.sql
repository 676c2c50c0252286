-- Typeahead on a common prefix walks patients in name order and asks, for each, whether
-- one of its terms matches: that question needs terms by patient, kind and term.
CREATE INDEX patient_search_terms_lookup ON patient_search_terms (patient_id, kind, term);
DROP INDEX patient_search_terms_patient;
