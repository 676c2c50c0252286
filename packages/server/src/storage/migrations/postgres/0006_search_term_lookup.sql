-- PostgreSQL twin of sqlite/0006_search_term_lookup.sql.
CREATE INDEX patient_search_terms_lookup ON patient_search_terms (patient_id, kind, term COLLATE "C");
DROP INDEX patient_search_terms_patient;
