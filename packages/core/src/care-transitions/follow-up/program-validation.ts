import { FIRST_CLASS_LANGUAGES } from '../../patients/language';
import type { FieldIssue } from '../../shared/domain-error';
import {
  CONTACT_STEP_KINDS,
  MAX_CHECKLIST_ITEMS,
  MAX_DUE_BUSINESS_DAYS,
  MAX_LOCALIZED_LENGTH,
  MAX_PROGRAM_STEPS,
  MAX_REPEATS,
  type FollowUpProgram,
  type Localized,
} from './program';

const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;
const ARTICLE_ID = /^[0-9a-f-]{36}$/;
/** HL7 table 0004 patient classes are one letter; table 0112 dispositions two digits. */
const PATIENT_CLASS = /^[A-Z]$/;
const DISPOSITION = /^\d{2}$/;

function issue(
  path: string,
  messageKey: string,
  detail: string,
  values?: FieldIssue['values'],
): FieldIssue {
  return values ? { path, messageKey, detail, values } : { path, messageKey, detail };
}

/** Every language present and non-blank: patients and staff read each one (product brief §11). */
function checkLocalized(issues: FieldIssue[], path: string, text: Localized | null | undefined) {
  if (!text || typeof text !== 'object') {
    issues.push(issue(path, 'validation.field.required', 'text in every language is required'));
    return;
  }
  for (const language of FIRST_CLASS_LANGUAGES) {
    const value = text[language];
    if (typeof value !== 'string' || value.trim() === '')
      issues.push(
        issue(`${path}/${language}`, 'followUp.program.translationMissing', `no ${language} text`, {
          language,
        }),
      );
    else if (value.length > MAX_LOCALIZED_LENGTH)
      issues.push(issue(`${path}/${language}`, 'validation.field.invalid', 'text too long'));
  }
}

function isWhole(n: unknown, min: number, max: number): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

function checkTrigger(issues: FieldIssue[], trigger: FollowUpProgram['trigger']): void {
  if (trigger.kind !== 'discharge' && trigger.kind !== 'visit-end') return;
  trigger.patientClasses.forEach((c, i) => {
    if (!PATIENT_CLASS.test(c))
      issues.push(
        issue(`trigger/patientClasses/${i}`, 'validation.field.invalid', 'a PV1-2 class letter'),
      );
  });
  if (trigger.kind === 'discharge')
    trigger.excludeDispositions.forEach((d, i) => {
      if (!DISPOSITION.test(d))
        issues.push(
          issue(
            `trigger/excludeDispositions/${i}`,
            'validation.field.invalid',
            'a two-digit table 0112 code',
          ),
        );
    });
}

/**
 * What is wrong with a program an administrator wrote, beyond its shape (the API checks
 * types and lengths): duplicate step keys, missing translations, escalation on a step no
 * one calls for, an article on a step that sends none, a plan that could never complete.
 */
export function validateProgram(program: FollowUpProgram): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!CODE.test(program.code))
    issues.push(issue('code', 'validation.field.invalid', 'lower-case letters, digits and -'));
  checkLocalized(issues, 'name', program.name);
  checkLocalized(issues, 'description', program.description);
  checkTrigger(issues, program.trigger);
  if (program.steps.length === 0)
    issues.push(issue('steps', 'validation.field.required', 'at least one step'));
  if (program.steps.length > MAX_PROGRAM_STEPS)
    issues.push(issue('steps', 'validation.list.tooMany', `at most ${MAX_PROGRAM_STEPS} steps`));
  const keys = new Set<string>();
  program.steps.forEach((step, i) => {
    const at = `steps/${i}`;
    if (!CODE.test(step.key))
      issues.push(issue(`${at}/key`, 'validation.field.invalid', 'lower-case letters, digits, -'));
    else if (keys.has(step.key))
      issues.push(issue(`${at}/key`, 'followUp.program.duplicateStep', `step ${step.key} twice`));
    keys.add(step.key);
    checkLocalized(issues, `${at}/title`, step.title);
    checkLocalized(issues, `${at}/script`, step.script);
    if (step.checklist.length > MAX_CHECKLIST_ITEMS)
      issues.push(issue(`${at}/checklist`, 'validation.list.tooMany', 'too many items'));
    step.checklist.forEach((item, j) => checkLocalized(issues, `${at}/checklist/${j}`, item));
    if (!isWhole(step.dueBusinessDays, 0, MAX_DUE_BUSINESS_DAYS))
      issues.push(issue(`${at}/dueBusinessDays`, 'validation.field.invalid', 'whole days'));
    if (
      step.repeat &&
      (!isWhole(step.repeat.everyDays, 1, 366) || !isWhole(step.repeat.times, 2, MAX_REPEATS))
    )
      issues.push(
        issue(`${at}/repeat`, 'validation.field.invalid', 'every 1–366 days, 2–24 times'),
      );
    if (step.articleId !== null && (step.kind !== 'education' || !ARTICLE_ID.test(step.articleId)))
      issues.push(
        issue(`${at}/articleId`, 'validation.field.invalid', 'an education step article'),
      );
    const e = step.escalation;
    if (e) {
      if (!CONTACT_STEP_KINDS.includes(step.kind))
        issues.push(
          issue(`${at}/escalation`, 'followUp.program.escalationNeedsCalls', 'not a call step'),
        );
      if (!isWhole(e.afterUnansweredAttempts, 1, 10))
        issues.push(
          issue(`${at}/escalation/afterUnansweredAttempts`, 'validation.field.invalid', '1–10'),
        );
      if (e.send) checkLocalized(issues, `${at}/escalation/message`, e.message);
    }
  });
  if (program.steps.length > 0 && !program.steps.some((s) => s.required))
    issues.push(issue('steps', 'followUp.program.noRequiredStep', 'no step is required'));
  return issues;
}
