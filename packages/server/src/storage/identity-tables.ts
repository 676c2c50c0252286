/** Identity tables (migration 0003); see identity/. Part of the Kysely schema (schema.ts). */
export interface AccountsTable {
  id: string;
  organization_id: string;
  kind: string;
  email: string;
  display_name: string;
  preferred_language: string;
  roles: string;
  reach: string;
  practitioner_id: string | null;
  patient_id: string | null;
  status: string;
  password_hash: string | null;
  password_changed_at: string | null;
  mfa_enabled: number;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  mfa_last_step: number | null;
  created_at: string;
  updated_at: string;
}

export interface CaregiverLinksTable {
  account_id: string;
  related_person_id: string;
  patient_id: string;
  created_at: string;
}

export interface RecoveryCodesTable {
  account_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  account_id: string;
  state: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  source_address: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  organization_id: string;
  name: string;
  secret_hash: string;
  scopes: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
}

export interface OneTimeTokensTable {
  token_hash: string;
  purpose: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginLockoutsTable {
  subject_hash: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: string;
  hits: number;
}

export interface TeamsTable {
  id: string;
  organization_id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  account_id: string;
  created_at: string;
}
