import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it. Types are the lowest common denominator of SQLite and
 * PostgreSQL: text for instants (ISO 8601 UTC, which sorts correctly), integers 0/1 for
 * flags, JSON documents as text. Dialect differences stay inside storage/.
 */
interface Versioned {
  data: string;
  source_key: string | null;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface OrganizationsTable extends Versioned {
  id: string;
  name: string;
  kind: string;
}

export interface PractitionersTable extends Versioned {
  id: string;
  npi: string | null;
}

export interface LocationsTable extends Versioned {
  id: string;
  organization_id: string | null;
}

export interface PatientsTable extends Versioned {
  id: string;
  organization_id: string;
  sort_name: string;
  birth_date: string | null;
  administrative_sex: string;
  preferred_language: string;
  deceased: number;
  merged_into: string | null;
  version: number;
}

export interface PatientIdentifiersTable {
  organization_id: string;
  system: string;
  value: string;
  patient_id: string;
  type: string | null;
}

export interface PatientSearchTermsTable {
  organization_id: string;
  kind: string;
  term: string;
  patient_id: string;
}

export interface DuplicateCandidatesTable {
  patient_id: string;
  candidate_id: string;
  score: number;
  reasons: string;
  status: string;
  created_at: string;
}

export interface RelatedPersonsTable extends Versioned {
  id: string;
  patient_id: string;
  is_caregiver: number;
}

export interface CoveragesTable extends Versioned {
  id: string;
  patient_id: string;
  status: string;
  coverage_order: number;
}

export interface CareTeamMembersTable {
  id: string;
  patient_id: string;
  practitioner_id: string;
  role: string;
  period_start: string | null;
  period_end: string | null;
  created_at: string;
}

export interface EncountersTable extends Versioned {
  id: string;
  patient_id: string;
  status: string;
  period_start: string | null;
  period_end: string | null;
}

export interface ConditionsTable extends Versioned {
  id: string;
  patient_id: string;
  code: string;
}

/** Shape shared by tables that hold one patient-owned clinical document. */
export interface PatientDocumentTable extends Versioned {
  id: string;
  patient_id: string;
  status: string;
}

export interface IdempotencyKeysTable {
  scope: string;
  idem_key: string;
  fingerprint: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface StaffMembersTable {
  id: string;
  organization_id: string;
  email: string;
  display_name: string;
  role: string;
  preferred_language: string;
  password_hash: string;
  created_at: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: string;
}

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  kind: string;
  payload: string;
  dedupe_key: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Schema {
  settings: SettingsTable;
  organizations: OrganizationsTable;
  practitioners: PractitionersTable;
  locations: LocationsTable;
  patients: PatientsTable;
  patient_identifiers: PatientIdentifiersTable;
  patient_search_terms: PatientSearchTermsTable;
  duplicate_candidates: DuplicateCandidatesTable;
  related_persons: RelatedPersonsTable;
  coverages: CoveragesTable;
  care_team_members: CareTeamMembersTable;
  encounters: EncountersTable;
  conditions: ConditionsTable;
  medication_requests: PatientDocumentTable;
  care_plans: PatientDocumentTable;
  claims: PatientDocumentTable;
  explanations_of_benefit: PatientDocumentTable;
  idempotency_keys: IdempotencyKeysTable;
  staff_members: StaffMembersTable;
  schema_migrations: SchemaMigrationsTable;
  jobs: JobsTable;
}
