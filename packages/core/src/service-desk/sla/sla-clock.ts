import type { BusinessCalendar } from '../business-time/business-calendar';
import { addBusinessMs, businessMsBetween } from '../business-time/business-time';
import type { SlaPolicy } from './sla-policy';

const MINUTE = 60_000;

/** A stretch in which the case waited on the patient; `to` null while it still does. */
export interface SlaPause {
  from: Date;
  to: Date | null;
}

export interface SlaClockInput {
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  openedAt: Date;
  /** The first public reply to the patient, if any. */
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  /** Pending-on-patient stretches (core/cases slaPaused), in any order, may overlap. */
  pauses: SlaPause[];
  /** From the injected Clock; never read here. */
  now: Date;
}

/**
 * - running: counting, below the warning share;
 * - paused: the case waits on the patient, not yet breached;
 * - warning: counting, past the warning share, not yet due;
 * - met: stopped in time;
 * - breached: due and not stopped in time, or stopped after it was due.
 */
export type SlaClockState = 'running' | 'paused' | 'warning' | 'met' | 'breached';

export interface SlaClockReading {
  targetMinutes: number;
  /** Business minutes at which the clock warns (target × warnAtShare). */
  warningMinutes: number;
  /** Business minutes counted so far (to the stop, or to now), pauses excluded. */
  elapsedMinutes: number;
  /**
   * When the target is (or was) reached in business time, given the pauses so far;
   * null while paused before reaching it, since the due time moves with the pause.
   */
  dueAt: Date | null;
  state: SlaClockState;
}

export interface SlaEvaluation {
  firstResponse: SlaClockReading;
  resolution: SlaClockReading;
  /**
   * The next instant either clock's state changes by time alone (a warning or a breach),
   * for a job to evaluate again exactly then; null when nothing changes without an event
   * (both stopped, paused or already breached).
   */
  nextCheckAt: Date | null;
}

export type SlaClockName = 'first-response' | 'resolution';

export interface SlaEvent {
  clock: SlaClockName;
  kind: 'warning' | 'breach';
}

interface Span {
  from: number;
  to: number;
}

/** Pauses clipped to [start, end], sorted and merged, so no time is excluded twice. */
function clippedPauses(pauses: SlaPause[], start: number, end: number): Span[] {
  const spans = pauses
    .map((p) => ({
      from: Math.max(p.from.getTime(), start),
      to: Math.min(p.to === null ? end : p.to.getTime(), end),
    }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

/** The instant `ms` of business time have passed since `start`, stepping over the pauses. */
function activeInstant(cal: BusinessCalendar, start: number, pauses: Span[], ms: number): number {
  let cursor = start;
  let remaining = ms;
  for (const p of pauses) {
    const available = businessMsBetween(cal, cursor, p.from);
    if (available >= remaining) return addBusinessMs(cal, cursor, remaining);
    remaining -= available;
    cursor = Math.max(cursor, p.to);
  }
  return addBusinessMs(cal, cursor, remaining);
}

interface ClockResult {
  reading: SlaClockReading;
  nextCheck: number | null;
}

function evaluateClock(
  input: SlaClockInput,
  targetMinutes: number,
  stoppedAt: Date | null,
): ClockResult {
  const { calendar: cal, policy } = input;
  const opened = input.openedAt.getTime();
  const now = Math.max(input.now.getTime(), opened);
  const stop = stoppedAt === null ? null : Math.max(stoppedAt.getTime(), opened);
  const end = stop ?? now;
  const pauses = clippedPauses(input.pauses, opened, end);
  const pausedNow =
    stop === null &&
    input.pauses.some((p) => p.from.getTime() <= now && (p.to === null || p.to.getTime() > now));
  const paused = pauses.reduce((sum, p) => sum + businessMsBetween(cal, p.from, p.to), 0);
  const elapsed = businessMsBetween(cal, opened, end) - paused;
  const target = targetMinutes * MINUTE;
  const warning = Math.round(target * policy.warnAtShare);

  let state: SlaClockState;
  if (stop !== null) state = elapsed <= target ? 'met' : 'breached';
  else if (elapsed >= target) state = 'breached';
  else if (pausedNow) state = 'paused';
  else if (elapsed >= warning) state = 'warning';
  else state = 'running';

  let dueAt: number | null = null;
  if (elapsed >= target) dueAt = activeInstant(cal, opened, pauses, target);
  else if (!pausedNow) dueAt = addBusinessMs(cal, end, target - elapsed);

  const nextCheck =
    state === 'running'
      ? addBusinessMs(cal, now, warning - elapsed)
      : state === 'warning'
        ? dueAt
        : null;
  return {
    reading: {
      targetMinutes,
      warningMinutes: warning / MINUTE,
      elapsedMinutes: elapsed / MINUTE,
      dueAt: dueAt === null ? null : new Date(dueAt),
      state,
    },
    nextCheck,
  };
}

/**
 * Both SLA clocks of a case at `now`, in the business time of its calendar.
 *
 * The first-response clock stops at the first public reply or, failing one, when the
 * case is resolved (resolving answers the request). The resolution clock stops when the
 * case is resolved. A clock stopped after its due time is 'breached': late is late.
 *
 * Pauses (pending on the patient) stop the resolution clock, and the first-response clock
 * too while no first response has been given — our choice: a case goes pending before
 * any reply only when staff cannot answer until the patient acts (e.g. an unidentified
 * caller must identify themselves before anything is disclosed), and that wait is the
 * patient's, not the desk's. Once the first response is given its clock is stopped, so
 * later pauses cannot change it.
 */
export function slaClock(input: SlaClockInput): SlaEvaluation {
  const first = evaluateClock(
    input,
    input.policy.firstResponseMinutes,
    input.firstResponseAt ?? input.resolvedAt,
  );
  const resolution = evaluateClock(input, input.policy.resolutionMinutes, input.resolvedAt);
  const checks = [first.nextCheck, resolution.nextCheck].filter((t): t is number => t !== null);
  return {
    firstResponse: first.reading,
    resolution: resolution.reading,
    nextCheckAt: checks.length > 0 ? new Date(Math.min(...checks)) : null,
  };
}

/** True when a reading shows the clock had already passed its warning share. */
function alreadyWarned(r: SlaClockReading | undefined): boolean {
  if (!r) return false;
  if (r.state === 'warning' || r.state === 'breached') return true;
  return r.state === 'paused' && r.elapsedMinutes >= r.warningMinutes;
}

/**
 * What to act on between two evaluations of one case: a breach when a clock becomes
 * breached, a warning when it first passes its warning share (not again after a pause,
 * and not when it went straight to breached). `before` is null on the first evaluation.
 */
export function slaTransitions(before: SlaEvaluation | null, after: SlaEvaluation): SlaEvent[] {
  const events: SlaEvent[] = [];
  const clocks: Array<[SlaClockName, 'firstResponse' | 'resolution']> = [
    ['first-response', 'firstResponse'],
    ['resolution', 'resolution'],
  ];
  for (const [clock, field] of clocks) {
    const was = before?.[field];
    const now = after[field];
    if (now.state === 'breached' && was?.state !== 'breached')
      events.push({ clock, kind: 'breach' });
    else if (now.state === 'warning' && !alreadyWarned(was))
      events.push({ clock, kind: 'warning' });
  }
  return events;
}
