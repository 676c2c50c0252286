import type { Generated } from 'kysely';

/** Kysely's view of the service-desk tables (migrations 0010_cases.sql, both engines). */
export interface CaseCountersTable {
  organization_id: string;
  last_number: number;
}

export interface CasesTable {
  id: string;
  organization_id: string;
  number: number;
  patient_id: string | null;
  caller: string | null;
  channel: string;
  category: string;
  priority: string;
  status: string;
  is_active: number;
  subject: string;
  language: string;
  assignee_id: string | null;
  team_id: string | null;
  queue_id: string | null;
  tags: string;
  links: string;
  reply_token: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  status_changed_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  verified_at: string | null;
  sla_policy_id: string | null;
  sla_first_response_due: string | null;
  sla_resolution_due: string | null;
  sla_state: string;
  sla_sort: string;
  sla_next_check_at: string | null;
  sla_pauses: string;
  version: number;
}

export interface CaseEventsTable {
  seq: Generated<number>;
  case_id: string;
  at: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  kind: string;
  data: string;
}

export interface CaseMessagesTable {
  id: string;
  case_id: string;
  position: number;
  at: string;
  author_kind: string;
  author_id: string | null;
  author_name: string | null;
  visibility: string;
  channel: string;
  body: string;
  safe_html: string | null;
  language: string | null;
  message_id: string | null;
  inbound_mail_id: string | null;
}

export interface CaseAttachmentsTable {
  id: string;
  case_id: string;
  message_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: string;
}

export interface CaseCategoriesTable {
  organization_id: string;
  code: string;
  labels: string;
  active: number;
  created_at: string;
}

export interface CaseSurveysTable {
  id: string;
  organization_id: string;
  case_id: string;
  patient_id: string;
  agent_id: string | null;
  team_id: string | null;
  category: string;
  offered_at: string;
  answered_at: string | null;
  score: number | null;
  comment: string | null;
}
