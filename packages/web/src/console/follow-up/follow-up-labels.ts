import type {
  CallOutcome,
  FollowUpStepKind,
  FollowUpTaskStatus,
  Localized,
  ReferralState,
} from '@caredesk/core/care-transitions';
import type { Language, MessageKey } from '../../i18n/languages';
import type { WorklistDue, WorklistScope } from './follow-up-api';

export const SCOPE_KEY: Record<WorklistScope, MessageKey> = {
  mine: 'web.followUp.scope.mine',
  all: 'web.followUp.scope.all',
};

export const DUE_KEY: Record<WorklistDue, MessageKey> = {
  overdue: 'web.followUp.due.overdue',
  day: 'web.followUp.due.day',
  week: 'web.followUp.due.week',
  all: 'web.followUp.due.all',
};

export const OUTCOME_KEY: Record<CallOutcome, MessageKey> = {
  reached: 'web.followUp.outcome.reached',
  'no-answer': 'web.followUp.outcome.no-answer',
  'left-message': 'web.followUp.outcome.left-message',
  'wrong-number': 'web.followUp.outcome.wrong-number',
  declined: 'web.followUp.outcome.declined',
};

export const TASK_STATUS_KEY: Record<FollowUpTaskStatus, MessageKey> = {
  ready: 'web.followUp.status.ready',
  'in-progress': 'web.followUp.status.in-progress',
  completed: 'web.followUp.status.completed',
  cancelled: 'web.followUp.status.cancelled',
};

export const REFERRAL_KEY: Record<ReferralState, MessageKey> = {
  requested: 'web.followUp.referral.requested',
  sent: 'web.followUp.referral.sent',
  accepted: 'web.followUp.referral.accepted',
  confirmed: 'web.followUp.referral.confirmed',
  declined: 'web.followUp.referral.declined',
};

export const STEP_KIND_KEY: Record<FollowUpStepKind, MessageKey> = {
  call: 'web.followUp.kind.call',
  'check-in': 'web.followUp.kind.check-in',
  'medication-review': 'web.followUp.kind.medication-review',
  'adherence-check': 'web.followUp.kind.adherence-check',
  'home-health': 'web.followUp.kind.home-health',
  transport: 'web.followUp.kind.transport',
  'physical-therapy': 'web.followUp.kind.physical-therapy',
  'claim-check': 'web.followUp.kind.claim-check',
  'lab-reminder': 'web.followUp.kind.lab-reminder',
  'device-refresher': 'web.followUp.kind.device-refresher',
  survey: 'web.followUp.kind.survey',
  education: 'web.followUp.kind.education',
  'caregiver-guidance': 'web.followUp.kind.caregiver-guidance',
};

/** A program's own text in the reader's language (programs carry all four). */
export const inLanguage = (text: Localized | null | undefined, language: Language): string =>
  text ? (text[language] ?? text.en) : '';
