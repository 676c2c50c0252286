import type { Generated } from 'kysely';
import type {
  AccountsTable,
  CaregiverLinksTable,
  RecoveryCodesTable,
  SessionsTable,
  ApiTokensTable,
  OneTimeTokensTable,
  LoginLockoutsTable,
  RateLimitsTable,
  TeamsTable,
  TeamMembersTable,
} from './identity-tables';
import type {
  CaseAttachmentsTable,
  CaseCategoriesTable,
  CaseCountersTable,
  CaseEventsTable,
  CaseMessagesTable,
  CasesTable,
  CaseSurveysTable,
} from './cases/case-tables';
import type {
  AgentLoadsTable,
  RoutingStampTable,
  AgentProfilesTable,
  DeskQueuesTable,
} from './service-desk/routing-tables';
import type { MacrosTable } from './service-desk/macro-tables';
import type { BusinessCalendarsTable, SlaPoliciesTable } from './service-desk/sla-tables';
import type { InboundMailTable } from './channels/mail-tables';
import type { Hl7MessagesTable } from './care-transitions/hl7-tables';
import type {
  FollowUpContactsTable,
  FollowUpPlansTable,
  FollowUpProgramsTable,
  FollowUpTasksTable,
} from './care-transitions/follow-up-tables';
import type { KbArticlesTable, KbTranslationsTable } from './knowledge/kb-tables';

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
  /** 0/1: staff need a care relationship or break-the-glass (migration 0005). */
  restricted: Generated<number>;
  /** JSON SummaryDocFields for search results (migration 0007); null until filled. */
  summary: string | null;
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

/** Typeahead prefixes in name order (migration 0007). */
export interface PatientSearchPrefixesTable {
  organization_id: string;
  kind: string;
  prefix: string;
  sort_name: string;
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
  /** Onset, or the recorded date when the onset is unknown: the list order (migration 0009). */
  onset_or_recorded: string | null;
}

/** Shape shared by tables that hold one patient-owned clinical document. */
export interface PatientDocumentTable extends Versioned {
  id: string;
  patient_id: string;
  status: string;
}

export interface MedicationRequestsTable extends PatientDocumentTable {
  /** MedicationRequest.authoredOn: the list order (migration 0009). */
  authored_on: string | null;
}

export interface CarePlansTable extends PatientDocumentTable {
  /** CarePlan.period.start: the list order (migration 0009). */
  period_start: string | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  idem_key: string;
  fingerprint: string;
  status_code: number;
  response_body: string;
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

export interface ConsentsTable {
  id: string;
  patient_id: string;
  related_person_id: string;
  status: string;
  permit: string;
  deny: string;
  period_start: string;
  period_end: string | null;
  granted_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface BreakGlassGrantsTable {
  id: string;
  organization_id: string;
  account_id: string;
  patient_id: string;
  reason: string;
  created_at: string;
  expires_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_outcome: string | null;
  review_note: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export type * from './identity-tables';

/** The audit trail (migration 0004): append-only, hash-chained; see core/src/audit. */
export interface AuditEntriesTable {
  seq: number;
  organization_id: string | null;
  occurred_at: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  /** JSON array of role codes. */
  actor_roles: string;
  on_behalf_of: string | null;
  patient_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  outcome: string;
  purpose_of_use: string | null;
  source_address: string | null;
  user_agent: string | null;
  /** 0/1. */
  break_glass: number;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** The one-row sealed head of the audit chain (id always 1). */
export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
  mac: string;
  key_id: string;
}

export interface Schema {
  settings: SettingsTable;
  consents: ConsentsTable;
  break_glass_grants: BreakGlassGrantsTable;
  organizations: OrganizationsTable;
  practitioners: PractitionersTable;
  locations: LocationsTable;
  patients: PatientsTable;
  macros: MacrosTable;
  patient_identifiers: PatientIdentifiersTable;
  patient_search_terms: PatientSearchTermsTable;
  patient_search_prefixes: PatientSearchPrefixesTable;
  duplicate_candidates: DuplicateCandidatesTable;
  related_persons: RelatedPersonsTable;
  coverages: CoveragesTable;
  care_team_members: CareTeamMembersTable;
  encounters: EncountersTable;
  conditions: ConditionsTable;
  medication_requests: MedicationRequestsTable;
  care_plans: CarePlansTable;
  kb_articles: KbArticlesTable;
  kb_translations: KbTranslationsTable;
  claims: PatientDocumentTable;
  explanations_of_benefit: PatientDocumentTable;
  idempotency_keys: IdempotencyKeysTable;
  schema_migrations: SchemaMigrationsTable;
  accounts: AccountsTable;
  sla_policies: SlaPoliciesTable;
  business_calendars: BusinessCalendarsTable;
  caregiver_links: CaregiverLinksTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  inbound_mail: InboundMailTable;
  hl7_messages: Hl7MessagesTable;
  follow_up_programs: FollowUpProgramsTable;
  follow_up_plans: FollowUpPlansTable;
  follow_up_tasks: FollowUpTasksTable;
  follow_up_contacts: FollowUpContactsTable;
  api_tokens: ApiTokensTable;
  one_time_tokens: OneTimeTokensTable;
  login_lockouts: LoginLockoutsTable;
  rate_limits: RateLimitsTable;
  teams: TeamsTable;
  desk_queues: DeskQueuesTable;
  agent_profiles: AgentProfilesTable;
  agent_loads: AgentLoadsTable;
  routing_stamp: RoutingStampTable;
  team_members: TeamMembersTable;
  jobs: JobsTable;
  audit_entries: AuditEntriesTable;
  audit_chain_head: AuditChainHeadTable;
  case_counters: CaseCountersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_messages: CaseMessagesTable;
  case_attachments: CaseAttachmentsTable;
  case_categories: CaseCategoriesTable;
  case_surveys: CaseSurveysTable;
}
