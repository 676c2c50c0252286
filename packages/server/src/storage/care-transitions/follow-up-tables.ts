import type { FollowUpTaskStatus, PlanStatus } from '@caredesk/core';

/** Follow-up programs, plans, tasks and contacts as stored (migration 0020). JSON is TEXT. */
export interface FollowUpProgramsTable {
  organization_id: string;
  code: string;
  version: number;
  definition: string;
  active: number;
  created_at: string;
  created_by: string | null;
}

export interface FollowUpPlansTable {
  id: string;
  organization_id: string;
  patient_id: string;
  program_code: string;
  program_version: number;
  encounter_id: string | null;
  case_id: string | null;
  origin: string;
  status: PlanStatus;
  status_reason: string | null;
  priority: string;
  started_at: string;
  contact_due_at: string | null;
  first_contact_at: string | null;
  ended_at: string | null;
  version: number;
}

export interface FollowUpTasksTable {
  id: string;
  plan_id: string;
  organization_id: string;
  step_key: string;
  occurrence: number;
  kind: string;
  required: number;
  status: FollowUpTaskStatus;
  status_reason: string | null;
  is_open: number;
  due_at: string;
  assignee_id: string | null;
  unanswered_attempts: number;
  escalated_at: string | null;
  referral: string | null;
  completed_at: string | null;
  updated_at: string;
  version: number;
}

export interface FollowUpContactsTable {
  id: string;
  plan_id: string;
  task_id: string;
  organization_id: string;
  at: string;
  channel: string;
  party: 'patient' | 'caregiver';
  related_person_id: string | null;
  outcome: string;
  note: string | null;
  by_id: string | null;
  by_name: string | null;
}
