import type {
  EscalationLetterKind,
  FollowUpProgram,
  FollowUpStepKind,
  Localized,
  ProgramStep,
  ProgramTrigger,
} from '@caredesk/core/care-transitions';

/**
 * The program editor's form (issue #6 point 7) and its conversion to and from core's
 * FollowUpProgram. Numbers and code lists are kept as typed, so a half-written value is
 * not lost on the way; the server's validation (core's validateProgram) is the one judge
 * of what may be published, and its issues come back by path to the fields here.
 */

export const TEXT_LANGUAGES = ['en', 'es', 'lv', 'nb'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export const TRIGGER_KINDS = ['discharge', 'visit-end', 'enrolment', 'manual'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export interface StepForm {
  /** For React's keys only: steps move, keys are edited. */
  uid: number;
  key: string;
  kind: FollowUpStepKind;
  title: Localized;
  script: Localized;
  checklist: Localized[];
  dueBusinessDays: string;
  repeats: boolean;
  everyDays: string;
  times: string;
  escalates: boolean;
  attempts: string;
  notifySupervisor: boolean;
  send: EscalationLetterKind | '';
  message: Localized;
  required: boolean;
  needsCaregiverConsent: boolean;
  /** Kept as loaded: articles are chosen when sending (no picker here yet). */
  articleId: string | null;
}

export interface ProgramForm {
  code: string;
  name: Localized;
  description: Localized;
  triggerKind: TriggerKind;
  patientClasses: string;
  excludeDispositions: string;
  caseCategory: string;
  steps: StepForm[];
}

export const emptyText = (): Localized => ({ en: '', es: '', lv: '', nb: '' });

let lastUid = 0;
const nextUid = () => ++lastUid;

export function stepFormOf(step: ProgramStep): StepForm {
  return {
    uid: nextUid(),
    key: step.key,
    kind: step.kind,
    title: { ...step.title },
    script: { ...step.script },
    checklist: step.checklist.map((item) => ({ ...item })),
    dueBusinessDays: String(step.dueBusinessDays),
    repeats: step.repeat !== null,
    everyDays: step.repeat ? String(step.repeat.everyDays) : '',
    times: step.repeat ? String(step.repeat.times) : '',
    escalates: step.escalation !== null,
    attempts: step.escalation ? String(step.escalation.afterUnansweredAttempts) : '3',
    notifySupervisor: step.escalation?.notifySupervisor ?? true,
    send: step.escalation?.send ?? '',
    message: step.escalation?.message ? { ...step.escalation.message } : emptyText(),
    required: step.required,
    needsCaregiverConsent: step.needsCaregiverConsent,
    articleId: step.articleId,
  };
}

export function newStep(): StepForm {
  return {
    uid: nextUid(),
    key: '',
    kind: 'call',
    title: emptyText(),
    script: emptyText(),
    checklist: [],
    dueBusinessDays: '1',
    repeats: false,
    everyDays: '',
    times: '',
    escalates: false,
    attempts: '3',
    notifySupervisor: true,
    send: '',
    message: emptyText(),
    required: true,
    needsCaregiverConsent: false,
    articleId: null,
  };
}

export function formOf(program: FollowUpProgram): ProgramForm {
  const t = program.trigger;
  return {
    code: program.code,
    name: { ...program.name },
    description: { ...program.description },
    triggerKind: t.kind,
    patientClasses:
      t.kind === 'discharge' || t.kind === 'visit-end' ? t.patientClasses.join(', ') : '',
    excludeDispositions: t.kind === 'discharge' ? t.excludeDispositions.join(', ') : '',
    caseCategory: program.caseCategory,
    steps: program.steps.map(stepFormOf),
  };
}

/** "I, E ,B," → ['I', 'E', 'B']: codes as typed, checked by the server. */
export const codesOf = (text: string): string[] =>
  text
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');

/** A whole number as typed; anything else is sent as null, which the server refuses at the field. */
const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

function triggerOf(form: ProgramForm): ProgramTrigger {
  switch (form.triggerKind) {
    case 'discharge':
      return {
        kind: 'discharge',
        patientClasses: codesOf(form.patientClasses),
        excludeDispositions: codesOf(form.excludeDispositions),
      };
    case 'visit-end':
      return { kind: 'visit-end', patientClasses: codesOf(form.patientClasses) };
    case 'enrolment':
    case 'manual':
      return { kind: form.triggerKind };
  }
}

function stepOf(s: StepForm): ProgramStep {
  return {
    key: s.key.trim(),
    kind: s.kind,
    title: s.title,
    script: s.script,
    checklist: s.checklist,
    dueBusinessDays: whole(s.dueBusinessDays),
    repeat: s.repeats ? { everyDays: whole(s.everyDays), times: whole(s.times) } : null,
    required: s.required,
    escalation: s.escalates
      ? {
          afterUnansweredAttempts: whole(s.attempts),
          notifySupervisor: s.notifySupervisor,
          send: s.send === '' ? null : s.send,
          message: s.send === '' ? null : s.message,
        }
      : null,
    needsCaregiverConsent: s.needsCaregiverConsent,
    articleId: s.articleId,
  };
}

export function programOf(form: ProgramForm): FollowUpProgram {
  return {
    code: form.code,
    name: form.name,
    description: form.description,
    trigger: triggerOf(form),
    caseCategory: form.caseCategory,
    steps: form.steps.map(stepOf),
  };
}

/** The paths of the fields the editor shows for `form`, as the server names them. */
export function fieldPaths(form: ProgramForm): Set<string> {
  const paths = new Set<string>(['name', 'description', 'trigger', 'caseCategory', 'steps']);
  const texts = (at: string) => TEXT_LANGUAGES.forEach((l) => paths.add(`${at}/${l}`));
  texts('name');
  texts('description');
  if (form.triggerKind === 'discharge' || form.triggerKind === 'visit-end')
    paths.add('trigger/patientClasses');
  if (form.triggerKind === 'discharge') paths.add('trigger/excludeDispositions');
  form.steps.forEach((s, i) => {
    const at = `steps/${i}`;
    for (const f of ['key', 'kind', 'dueBusinessDays', 'title', 'script', 'checklist'])
      paths.add(`${at}/${f}`);
    texts(`${at}/title`);
    texts(`${at}/script`);
    s.checklist.forEach((_, j) => texts(`${at}/checklist/${j}`));
    paths.add(at);
    if (s.repeats)
      ['repeat', 'repeat/everyDays', 'repeat/times'].forEach((f) => paths.add(`${at}/${f}`));
    if (s.escalates) {
      paths.add(`${at}/escalation`);
      paths.add(`${at}/escalation/afterUnansweredAttempts`);
      paths.add(`${at}/escalation/send`);
      if (s.send !== '') {
        paths.add(`${at}/escalation/message`);
        texts(`${at}/escalation/message`);
      }
    }
  });
  return paths;
}

/**
 * The field a server issue is about: its path without the request's `body/program/`,
 * shortened until it names a field the editor shows (`trigger/patientClasses/0` is the
 * comma-separated classes; `steps/2/articleId` the step), else '' for the whole form.
 */
export function fieldOfIssue(path: string, form: ProgramForm): string {
  const fields = fieldPaths(form);
  let parts = path
    .replace(/^body\/?/, '')
    .replace(/^program\/?/, '')
    .split('/')
    .filter((p) => p !== '');
  while (parts.length > 0) {
    const candidate = parts.join('/');
    if (fields.has(candidate)) return candidate;
    parts = parts.slice(0, -1);
  }
  return '';
}

/** The DOM id of a field's control, from its path: `steps/2/title/lv` → `fup-steps-2-title-lv`. */
export const fieldId = (field: string): string =>
  field === '' ? 'fup-form' : `fup-${field.replaceAll('/', '-')}`;

/** The language a field's path ends in, if it is one text of a Localized. */
export function languageOf(field: string): TextLanguage | null {
  const last = field.split('/').at(-1);
  return (TEXT_LANGUAGES as readonly string[]).includes(last ?? '') ? (last as TextLanguage) : null;
}

/** Moves the step at `from` one place up (-1) or down (+1). */
export function moved<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
