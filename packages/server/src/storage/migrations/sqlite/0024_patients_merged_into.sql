-- The records merged into a patient: a merge re-points earlier redirects to the new
-- survivor, and a re-import of the survivor keeps the identifiers it absorbed
-- (import-store.ts). Without it both scanned every patient of every organization.
-- Partial: almost no record is merged away.
CREATE INDEX patients_merged_into ON patients (merged_into) WHERE merged_into IS NOT NULL;
