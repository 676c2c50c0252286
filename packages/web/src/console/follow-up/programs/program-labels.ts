import type { EscalationLetterKind, ProgramTrigger } from '@caredesk/core/care-transitions';
import type { MessageKey } from '../../../i18n/languages';
import { LANGUAGE_NAME } from '../../macros/macro-labels';
import { languageOf, type TriggerKind } from './program-form';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

export const TRIGGER_KEY: Record<TriggerKind, MessageKey> = {
  discharge: 'web.followUp.programs.trigger.discharge',
  'visit-end': 'web.followUp.programs.trigger.visit-end',
  enrolment: 'web.followUp.programs.trigger.enrolment',
  manual: 'web.followUp.programs.trigger.manual',
};

export const SEND_KEY: Record<EscalationLetterKind | '', MessageKey> = {
  '': 'web.followUp.programs.step.send.none',
  'portal-message': 'web.followUp.programs.step.send.portal-message',
  letter: 'web.followUp.programs.step.send.letter',
};

/** What starts a program, in words: "Discharge from hospital (patient classes I, E, B)". */
export function triggerWords(t: T, trigger: ProgramTrigger): string {
  const kind = t(TRIGGER_KEY[trigger.kind]);
  if (trigger.kind !== 'discharge' && trigger.kind !== 'visit-end') return kind;
  const classes = trigger.patientClasses.length
    ? t('web.followUp.programs.trigger.classes', { classes: trigger.patientClasses.join(', ') })
    : t('web.followUp.programs.trigger.any-class');
  return `${kind} (${classes})`;
}

/** The label of each field a server issue can name, by the last non-index part of its path. */
const FIELD_KEY: Record<string, MessageKey> = {
  name: 'web.followUp.programs.name',
  description: 'web.followUp.programs.description',
  trigger: 'web.followUp.programs.trigger',
  patientClasses: 'web.followUp.programs.patient-classes',
  excludeDispositions: 'web.followUp.programs.exclude-dispositions',
  caseCategory: 'web.followUp.programs.category',
  steps: 'web.followUp.programs.steps',
  key: 'web.followUp.programs.step.key',
  kind: 'web.followUp.programs.step.kind',
  dueBusinessDays: 'web.followUp.programs.step.due',
  title: 'web.followUp.programs.step.title',
  script: 'web.followUp.programs.step.script',
  checklist: 'web.followUp.programs.step.checklist',
  repeat: 'web.followUp.programs.step.repeats',
  everyDays: 'web.followUp.programs.step.every-days',
  times: 'web.followUp.programs.step.times',
  escalation: 'web.followUp.programs.step.escalates',
  afterUnansweredAttempts: 'web.followUp.programs.step.attempts',
  send: 'web.followUp.programs.step.send',
  message: 'web.followUp.programs.step.message',
};

/**
 * Where an issue is, for the summary above the form: "Step 3 · Title · Latviešu" from
 * `steps/2/title/lv`, so a reader of the list knows which field its link leads to.
 */
export function whereOf(t: T, field: string): string {
  const parts = field.split('/');
  const out: string[] = [];
  const language = languageOf(field);
  parts.forEach((part, i) => {
    const n = Number(part);
    if (Number.isInteger(n) && parts[i - 1] === 'steps')
      out.push(t('web.followUp.programs.step', { n: n + 1 }));
    else if (Number.isInteger(n) && parts[i - 1] === 'checklist')
      out.push(t('web.followUp.programs.step.checklist-item', { n: n + 1 }));
    else if (part === 'steps' && parts.length > 1) return;
    else if (FIELD_KEY[part]) out.push(t(FIELD_KEY[part]));
  });
  if (language) out.push(t(LANGUAGE_NAME[language]));
  return out.join(' · ');
}
