import type {
  ContactSystem,
  ContactUse,
  ContactPreferences,
  Patient,
  PreferredChannel,
} from '@caredesk/core/patients';
import type { ProblemIssue } from '../../api/client';

/** One contact point as the form edits it; `key` survives reordering and removal. */
export interface ContactRow {
  key: string;
  system: ContactSystem;
  value: string;
  use?: ContactUse | undefined;
  rank?: number | undefined;
}

export interface ProfileDraft {
  contacts: ContactRow[];
  language: string;
  channel: PreferredChannel;
  quietOn: boolean;
  quietStart: string;
  quietEnd: string;
  quietZone: string;
}

/** The form's fields that an error can point at; a contact row is `contact:<key>`. */
export type FieldId =
  | `contact:${string}`
  | 'contacts'
  | 'language'
  | 'channel'
  | 'quiet-start'
  | 'quiet-end'
  | 'quiet-zone'
  | 'form';

export type FieldErrors = Partial<Record<FieldId, string>>;

let counter = 0;
export const newRowKey = () => `row-${++counter}`;

/** The zone of the device the patient is holding: where their day and night are. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export const isPhone = (row: ContactRow) => row.system !== 'email';

export function draftFrom(p: Patient): ProfileDraft {
  return {
    contacts: p.telecom.map((c) => ({ ...c, key: newRowKey() })),
    language: p.preferredLanguage,
    channel: p.preferredChannel,
    quietOn: p.quietHours !== null,
    quietStart: p.quietHours?.start ?? '21:00',
    quietEnd: p.quietHours?.end ?? '08:00',
    quietZone: p.quietHours?.timeZone ?? deviceTimeZone(),
  };
}

/**
 * What is sent: rows left empty are dropped (an "add" the patient did not fill in);
 * `rowKeys[i]` names the row behind `telecom[i]`, to put the server's errors back on it.
 * Fields the form does not show (`use`, `rank` on e-mails) go back as they came.
 */
export function toPreferences(d: ProfileDraft): {
  body: ContactPreferences;
  rowKeys: string[];
} {
  const kept = d.contacts.filter((c) => c.value.trim() !== '');
  return {
    body: {
      telecom: kept.map(({ key: _key, ...c }) => ({ ...c, value: c.value.trim() })),
      preferredLanguage: d.language,
      preferredChannel: d.channel,
      quietHours: d.quietOn
        ? { start: d.quietStart, end: d.quietEnd, timeZone: d.quietZone }
        : null,
    },
    rowKeys: kept.map((c) => c.key),
  };
}

export type ClientProblem =
  | 'channel-needs-phone'
  | 'channel-needs-email'
  | 'quiet-start-missing'
  | 'quiet-end-missing'
  | 'quiet-same';

/**
 * What can be told before asking the server: a channel with nothing to reach, quiet
 * hours without a start or end. Phone and e-mail formats are the server's to judge
 * (it knows the clinic's country for numbers typed without a country code).
 */
export function checkDraft(d: ProfileDraft): Partial<Record<FieldId, ClientProblem>> {
  const problems: Partial<Record<FieldId, ClientProblem>> = {};
  const filled = d.contacts.filter((c) => c.value.trim() !== '');
  if ((d.channel === 'sms' || d.channel === 'phone') && !filled.some(isPhone)) {
    problems.channel = 'channel-needs-phone';
  }
  if (d.channel === 'email' && !filled.some((c) => c.system === 'email')) {
    problems.channel = 'channel-needs-email';
  }
  if (d.quietOn) {
    if (!d.quietStart) problems['quiet-start'] = 'quiet-start-missing';
    if (!d.quietEnd) problems['quiet-end'] = 'quiet-end-missing';
    if (d.quietStart && d.quietStart === d.quietEnd) problems['quiet-end'] = 'quiet-same';
  }
  return problems;
}

/**
 * Puts each problem+json issue on the field it is about. Domain issues name the field
 * (`telecom/1/value`); schema issues carry the request part too (`body/telecom/1`).
 * An issue about no field the form shows lands on the form as a whole.
 */
export function fieldOfIssue(path: string, rowKeys: readonly string[]): FieldId {
  const p = path.replace(/^body\/?/, '').replace(/^\//, '');
  const row = /^telecom\/(\d+)/.exec(p);
  if (row) {
    const key = rowKeys[Number(row[1])];
    return key ? `contact:${key}` : 'contacts';
  }
  if (p === 'telecom') return 'contacts';
  if (p.startsWith('preferredLanguage')) return 'language';
  if (p.startsWith('preferredChannel')) return 'channel';
  if (p === 'quietHours/timeZone') return 'quiet-zone';
  if (p === 'quietHours/end') return 'quiet-end';
  if (p.startsWith('quietHours')) return 'quiet-start';
  return 'form';
}

export function errorsOfIssues(
  issues: readonly ProblemIssue[],
  rowKeys: readonly string[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOfIssue(issue.path, rowKeys);
    // The first issue about a field is the one to fix first.
    errors[field] ??= issue.message;
  }
  return errors;
}

/** DOM id of a field's control, for labels, error links and focus. */
export const controlId = (field: FieldId) => `profile-${field.replace(':', '-')}`;
