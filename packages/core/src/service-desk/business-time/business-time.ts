import { DomainError } from '../../shared/domain-error';
import type { BusinessCalendar } from './business-calendar';
import {
  DAY_MS,
  MINUTE,
  instantOfWallTime,
  isoDateOfDay,
  localPartsOf,
  minutesOfClockTime,
  offsetAt,
  weekdayOfDay,
} from './zoned-time';

/**
 * Business time: arithmetic on the instants a calendar is open. The engine walks the
 * calendar one open interval at a time (never minute by minute), so adding ten business
 * days costs a few dozen time-zone look-ups. An interval runs from the instant the local
 * clock first shows `opens` to the instant it first shows `closes` (see
 * instantOfWallTime for the days the clocks change).
 */

/** How far a walk may go before giving up: ten years of days. */
const MAX_DAYS = 3653;

interface Span {
  start: number;
  end: number;
}

interface PreparedCalendar {
  zone: string;
  /** Per weekday, opening intervals in minutes since local midnight, sorted and merged. */
  week: Array<Array<[number, number]>>;
  holidays: Set<string>;
  open: boolean;
}

function prepare(cal: BusinessCalendar): PreparedCalendar {
  const week: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
  for (const h of cal.hours) {
    const opens = minutesOfClockTime(h.opens);
    const closes = minutesOfClockTime(h.closes);
    // Unusable intervals are left out here; validateCalendar reports them.
    if (opens === null || closes === null || opens >= closes) continue;
    week[h.day]?.push([opens, closes]);
  }
  for (const day of week) {
    day.sort((a, b) => a[0] - b[0]);
    for (let i = day.length - 1; i > 0; i--) {
      const prev = day[i - 1]!;
      const cur = day[i]!;
      if (cur[0] <= prev[1]) {
        prev[1] = Math.max(prev[1], cur[1]);
        day.splice(i, 1);
      }
    }
  }
  return {
    zone: cal.timeZone,
    week,
    holidays: new Set(cal.holidays),
    open: week.some((d) => d.length > 0),
  };
}

/**
 * Wall time of one local day → instant. On an ordinary day the offset is the same
 * from a day before to two days after, and every wall time maps with one subtraction.
 */
function resolverForDay(zone: string, day: number): (wallMs: number) => number {
  const midnight = day * DAY_MS;
  const before = offsetAt(zone, midnight - DAY_MS);
  const after = offsetAt(zone, midnight + 2 * DAY_MS);
  if (before === after) return (wall) => wall - before;
  return (wall) => instantOfWallTime(zone, wall);
}

/** The instants a calendar is open on one local date, in order, not overlapping. */
function openSpans(cal: PreparedCalendar, day: number): Span[] {
  const intervals = cal.week[weekdayOfDay(day)] ?? [];
  if (intervals.length === 0 || cal.holidays.has(isoDateOfDay(day))) return [];
  const resolve = resolverForDay(cal.zone, day);
  const spans: Span[] = [];
  for (const [opens, closes] of intervals) {
    const start = resolve(day * DAY_MS + opens * MINUTE);
    const end = resolve(day * DAY_MS + closes * MINUTE);
    if (end <= start) continue; // wholly inside the hour skipped in spring
    const last = spans[spans.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  }
  return spans;
}

function instantOf(d: Date, name: string): number {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) {
    throw new DomainError(
      'validation',
      'validation.date.invalid',
      `${name} is not a valid instant`,
    );
  }
  return ms;
}

function neverOpen(): DomainError {
  return new DomainError(
    'unprocessable',
    'sla.calendar.neverOpen',
    'The business calendar has no opening hours, so no business time ever passes.',
  );
}

/**
 * The instant at which `minutes` of open time have passed after `start`. Zero minutes is
 * `start` itself; a start outside opening hours begins counting at the next opening.
 * A target that ends exactly at closing time is due at closing time, not at the next
 * opening. Throws DomainError 'unprocessable' when the calendar is never open or the
 * answer lies more than ten years ahead.
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date {
  const from = instantOf(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new DomainError('validation', 'validation.field.invalid', 'minutes must be ≥ 0');
  }
  return new Date(addBusinessMs(cal, from, Math.round(minutes * MINUTE)));
}

/** addBusinessMinutes on epoch milliseconds, for callers that keep exact sums (SLA clocks). */
export function addBusinessMs(cal: BusinessCalendar, from: number, ms: number): number {
  let remaining = ms;
  if (remaining <= 0) return from;
  const prepared = prepare(cal);
  if (!prepared.open) throw neverOpen();
  let cursor = from;
  const firstDay = localPartsOf(prepared.zone, from).day;
  for (let day = firstDay; day < firstDay + MAX_DAYS; day++) {
    for (const span of openSpans(prepared, day)) {
      const s = Math.max(span.start, cursor);
      if (span.end <= s) continue;
      const available = span.end - s;
      if (available >= remaining) return s + remaining;
      remaining -= available;
      cursor = span.end;
    }
  }
  throw new DomainError(
    'unprocessable',
    'sla.calendar.tooFar',
    'The target lies more than ten years of business time ahead.',
  );
}

/**
 * Open time between two instants, in minutes (fractional when the instants are not on
 * whole minutes); 0 when `to` is not after `from`, and 0 on a calendar that is never open.
 */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  return businessMsBetween(cal, instantOf(from, 'from'), instantOf(to, 'to')) / MINUTE;
}

/** businessMinutesBetween on epoch milliseconds, answering milliseconds. */
export function businessMsBetween(cal: BusinessCalendar, a: number, b: number): number {
  if (b <= a) return 0;
  const prepared = prepare(cal);
  if (!prepared.open) return 0;
  const firstDay = localPartsOf(prepared.zone, a).day;
  const lastDay = localPartsOf(prepared.zone, b).day;
  let total = 0;
  let cursor = a;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const span of openSpans(prepared, day)) {
      const s = Math.max(span.start, cursor);
      const e = Math.min(span.end, b);
      if (e > s) {
        total += e - s;
        cursor = e;
      }
    }
  }
  return total;
}

/** True when the calendar is open at this instant (closing time itself is closed). */
export function isOpenAt(cal: BusinessCalendar, at: Date): boolean {
  const t = instantOf(at, 'at');
  const prepared = prepare(cal);
  const day = localPartsOf(prepared.zone, t).day;
  // The previous local date's interval can run to its 24:00, which is this date's midnight.
  return [day - 1, day].some((d) =>
    openSpans(prepared, d).some((span) => span.start <= t && t < span.end),
  );
}
