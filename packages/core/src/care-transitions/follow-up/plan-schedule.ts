import type { BusinessCalendar } from '../../service-desk/business-time/business-calendar';
import { closeOfBusinessDaysAfter } from '../../service-desk/business-time/business-days';
import type { FollowUpProgram, FollowUpStepKind, ProgramTrigger } from './program';

const DAY_MS = 86_400_000;

/** One piece of work a plan holds: a step, or one occurrence of a periodic step. */
export interface ScheduledTask {
  stepKey: string;
  /** 1 for a one-off step; 1..times for a periodic one. */
  occurrence: number;
  kind: FollowUpStepKind;
  dueAt: string;
  required: boolean;
}

/**
 * The tasks a plan starts with, each due at the close of business of its step's business
 * day on the organization's calendar (issue #6 point 4); a periodic step's occurrences
 * counted from the start every `everyDays` calendar days. Sorted by due time.
 */
export function scheduleTasks(
  program: FollowUpProgram,
  startedAt: Date,
  calendar: BusinessCalendar,
): ScheduledTask[] {
  const tasks: ScheduledTask[] = [];
  for (const step of program.steps) {
    const times = step.repeat?.times ?? 1;
    for (let k = 0; k < times; k++) {
      const from = new Date(startedAt.getTime() + k * (step.repeat?.everyDays ?? 0) * DAY_MS);
      tasks.push({
        stepKey: step.key,
        occurrence: k + 1,
        kind: step.kind,
        dueAt: closeOfBusinessDaysAfter(calendar, from, step.dueBusinessDays).toISOString(),
        required: step.required,
      });
    }
  }
  return tasks.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
}

/** What happened that might start a plan. */
export type PlanStartEvent =
  | { kind: 'discharge'; patientClass: string | null; dispositionCode: string | null }
  | { kind: 'visit-end'; patientClass: string | null }
  | { kind: 'enrolment' }
  | { kind: 'manual' };

/**
 * Whether an event starts a program (standards brief §3 trigger rule 1: "PV1-2 ∈ {I, E, O
 * as configured}"). An empty class list takes every class. Manual starts are allowed for
 * every program: staff may always put a patient on one.
 */
export function triggerMatches(trigger: ProgramTrigger, event: PlanStartEvent): boolean {
  if (event.kind === 'manual') return true;
  if (trigger.kind !== event.kind) return false;
  if (trigger.kind === 'discharge' && event.kind === 'discharge') {
    if (!classListed(trigger.patientClasses, event.patientClass)) return false;
    return !(event.dispositionCode && trigger.excludeDispositions.includes(event.dispositionCode));
  }
  if (trigger.kind === 'visit-end' && event.kind === 'visit-end')
    return classListed(trigger.patientClasses, event.patientClass);
  return true;
}

function classListed(classes: readonly string[], patientClass: string | null): boolean {
  if (classes.length === 0) return true;
  return patientClass !== null && classes.includes(patientClass.trim().toUpperCase());
}
