import type {
  CallOutcome,
  FollowUpStepKind,
  FollowUpTaskStatus,
  Localized,
  PlanStatus,
  ReferralState,
} from '@caredesk/core/care-transitions';
import { api } from '../../api/client';

/** The worklist filters: GET /api/follow-up/worklist?scope=&due=. */
export const WORKLIST_SCOPES = ['mine', 'all'] as const;
export type WorklistScope = (typeof WORKLIST_SCOPES)[number];
export const WORKLIST_DUE = ['overdue', 'day', 'week', 'all'] as const;
export type WorklistDue = (typeof WORKLIST_DUE)[number];

/** One open task on the worklist (server follow-up-views.ts worklistItem). */
export interface WorklistItem {
  id: string;
  planId: string;
  caseId: string | null;
  programCode: string;
  programName: Localized | null;
  stepKey: string;
  title: Localized | null;
  occurrence: number;
  kind: FollowUpStepKind;
  status: FollowUpTaskStatus;
  dueAt: string;
  assigneeId: string | null;
  unansweredAttempts: number;
  escalatedAt: string | null;
  priority: string;
  version: number;
  patientId: string | null;
  patientName: string | null;
  restricted: boolean;
}

export interface PlanTask {
  id: string;
  stepKey: string;
  occurrence: number;
  kind: FollowUpStepKind;
  required: boolean;
  status: FollowUpTaskStatus;
  statusReason: string | null;
  dueAt: string;
  unansweredAttempts: number;
  escalatedAt: string | null;
  referral: { state: ReferralState; provider: string; reference: string | null; at: string } | null;
  completedAt: string | null;
  version: number;
  callable: boolean;
  title: Localized | null;
  script: Localized | null;
  checklist: Localized[];
  needsCaregiverConsent: boolean;
  articleId: string | null;
}

export interface PlanContact {
  id: string;
  taskId: string;
  at: string;
  party: 'patient' | 'caregiver';
  relatedPersonId: string | null;
  outcome: CallOutcome;
  note: string | null;
  byName: string | null;
}

/** GET /api/cases/:caseId/follow-up, as staff read it. */
export interface FollowUpPlan {
  id: string;
  patientId: string;
  caseId: string;
  programCode: string;
  programVersion: number;
  programName: Localized;
  status: PlanStatus;
  statusReason: string | null;
  priority: string;
  startedAt: string;
  contactDueAt: string | null;
  firstContactAt: string | null;
  endedAt: string | null;
  tasks: PlanTask[];
  contacts: PlanContact[];
}

export function worklistPath(
  scope: WorklistScope,
  due: WorklistDue,
  cursor: string | null,
): string {
  const query = new URLSearchParams({ scope, due, limit: '50' });
  if (cursor) query.set('cursor', cursor);
  return `/api/follow-up/worklist?${query.toString()}`;
}

export const fetchWorklist = (scope: WorklistScope, due: WorklistDue, cursor: string | null) =>
  api<{ items: WorklistItem[]; nextCursor: string | null }>(
    'GET',
    worklistPath(scope, due, cursor),
  );

const planBase = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/follow-up`;
const taskPath = (caseId: string, taskId: string, action: string) =>
  `${planBase(caseId)}/tasks/${encodeURIComponent(taskId)}/${action}`;

export const fetchPlan = (caseId: string) => api<FollowUpPlan>('GET', planBase(caseId));

export const recordCall = (
  caseId: string,
  task: PlanTask,
  call: {
    outcome: CallOutcome;
    party: 'patient' | 'caregiver';
    relatedPersonId?: string;
    note?: string;
  },
) =>
  api<FollowUpPlan>('POST', taskPath(caseId, task.id, 'calls'), { ...call, version: task.version });

/** Done; an education step names the knowledge-base article it sends. */
export const completeTask = (caseId: string, task: PlanTask, articleId?: string) =>
  api<FollowUpPlan>('POST', taskPath(caseId, task.id, 'complete'), {
    version: task.version,
    ...(articleId ? { articleId } : {}),
  });

export const cancelTask = (caseId: string, task: PlanTask) =>
  api<FollowUpPlan>('POST', taskPath(caseId, task.id, 'cancel'), {
    version: task.version,
    reason: 'not-needed',
  });

export const updateReferral = (
  caseId: string,
  task: PlanTask,
  referral: { state: ReferralState; provider: string; reference?: string },
) =>
  api<FollowUpPlan>('POST', taskPath(caseId, task.id, 'referral'), {
    ...referral,
    version: task.version,
  });

/** Changes when any follow-up task does: an open worklist asks for it twice a second. */
export const fetchWorklistStamp = () =>
  api<{ stamp: string }>('GET', '/api/follow-up/worklist/stamp').then((r) => r.stamp);
