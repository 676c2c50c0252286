import { DomainError, type FieldIssue } from '../shared/domain-error';
import { canonicalText } from '../shared/text';
import { catalogLanguage, type FirstClassLanguage } from '../patients/language';
import { normalizeEmail, normalizePhone } from '../patients/contact';
import { CASE_CHANNELS, CASE_PRIORITIES, type CaseChannel, type CasePriority } from './case';

export const MAX_SUBJECT = 200;
export const MAX_MESSAGE = 20_000;
const MAX_TAGS = 20;
const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Who called, in their own words, when they are not (yet) identified as a patient. */
export interface Caller {
  name: string;
  phone: string | null;
  email: string | null;
}

/** A link from a case to another record it concerns (a claim, an encounter, a bill...). */
export interface CaseLink {
  type: string;
  id: string;
}

export interface NewCaseInput {
  patientId?: string | null;
  caller?: { name?: string; phone?: string; email?: string } | null;
  channel: string;
  category: string;
  priority?: string;
  subject: string;
  message?: string;
  language?: string | null;
  tags?: string[];
  links?: CaseLink[];
}

export interface NewCase {
  patientId: string | null;
  caller: Caller | null;
  channel: CaseChannel;
  category: string;
  priority: CasePriority;
  subject: string;
  message: string | null;
  /** The language the case is handled in; null means "the patient's own". */
  language: FirstClassLanguage | null;
  tags: string[];
  links: CaseLink[];
}

// Control characters other than line breaks and tabs, and bidi overrides, which can make
// a message read differently on screen than it is stored (Trojan Source, CVE-2021-42574).
// eslint-disable-next-line no-control-regex
const BAD_IN_MESSAGE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/u;

/** Why free text a person wrote (a subject, a message) is unacceptable, or null. */
export function messageTextProblem(value: string, max: number): string | null {
  if (BAD_IN_MESSAGE.test(value)) return 'control-character';
  if (/\p{Cs}/u.test(value)) return 'invalid-character';
  if ([...value].length > max) return 'too-long';
  if (/\p{M}{6,}/u.test(value.normalize('NFD'))) return 'combining-flood';
  return null;
}

function text(issues: FieldIssue[], path: string, value: string, max: number): string {
  const problem = messageTextProblem(value, max);
  if (problem) issues.push({ path, messageKey: `validation.text.${problem}`, detail: problem });
  return canonicalText(value);
}

/** Tags are lower-case slugs so that filters and macros match them exactly. */
export function cleanTags(issues: FieldIssue[], path: string, tags: readonly string[]): string[] {
  const out = [...new Set(tags.map((t) => t.trim().toLowerCase()))];
  if (out.length > MAX_TAGS)
    issues.push({ path, messageKey: 'validation.list.tooMany', detail: `at most ${MAX_TAGS}` });
  out.forEach((t, i) => {
    if (!SLUG.test(t))
      issues.push({ path: `${path}/${i}`, messageKey: 'case.tag.invalid', detail: 'not a slug' });
  });
  return out;
}

/**
 * Checks a new case. A patient is required except for an unidentified caller on a
 * voice, walk-in, SMS or e-mail channel, who must give at least a name or a way back;
 * such a case discloses nothing until the caller is identified (issue #5 §1).
 */
export function validateNewCase(input: NewCaseInput, defaultCountry: string): NewCase {
  const issues: FieldIssue[] = [];
  const channel = input.channel as CaseChannel;
  if (!CASE_CHANNELS.includes(channel))
    issues.push({ path: 'channel', messageKey: 'case.channel.invalid', detail: 'unknown channel' });
  const priority = (input.priority ?? 'routine') as CasePriority;
  if (!CASE_PRIORITIES.includes(priority))
    issues.push({ path: 'priority', messageKey: 'case.priority.invalid', detail: 'unknown' });
  if (!SLUG.test(input.category))
    issues.push({ path: 'category', messageKey: 'case.category.invalid', detail: 'unknown' });
  const subject = text(issues, 'subject', input.subject, MAX_SUBJECT);
  if (subject === '')
    issues.push({ path: 'subject', messageKey: 'validation.field.required', detail: 'required' });
  const message =
    input.message === undefined ? null : text(issues, 'message', input.message, MAX_MESSAGE);

  let caller: Caller | null = null;
  const patientId = input.patientId ?? null;
  if (patientId === null) {
    const c = input.caller ?? {};
    const phone = c.phone ? normalizePhone(c.phone, defaultCountry) : null;
    const email = c.email ? normalizeEmail(c.email) : null;
    if (c.phone && !phone)
      issues.push({
        path: 'caller/phone',
        messageKey: 'validation.phone.invalid',
        detail: 'phone',
      });
    if (c.email && !email)
      issues.push({
        path: 'caller/email',
        messageKey: 'validation.email.invalid',
        detail: 'email',
      });
    const name = text(issues, 'caller/name', c.name ?? '', 200);
    if (name === '' && !phone && !email)
      issues.push({
        path: 'patientId',
        messageKey: 'case.patient.required',
        detail: 'a patient, or a caller with a name, phone or e-mail',
      });
    caller = { name, phone, email };
  }
  const links = (input.links ?? []).slice(0, 50);
  links.forEach((l, i) => {
    if (!SLUG.test(l.type) || l.id.length === 0 || l.id.length > 200)
      issues.push({ path: `links/${i}`, messageKey: 'case.link.invalid', detail: 'bad link' });
  });
  const tags = cleanTags(issues, 'tags', input.tags ?? []);
  if (issues.length > 0)
    throw new DomainError(
      'validation',
      'problem.validation',
      'The case has invalid fields.',
      issues,
    );
  return {
    patientId,
    caller,
    channel,
    category: input.category,
    priority,
    subject,
    message: message === '' ? null : message,
    language: input.language ? catalogLanguage(input.language) : null,
    tags,
    links,
  };
}
