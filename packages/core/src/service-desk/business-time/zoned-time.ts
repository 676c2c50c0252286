/**
 * Wall-clock time in an IANA time zone, with the platform's own time-zone database
 * (Intl) and nothing else. Instants are epoch milliseconds; a local date is a day number
 * (days since 1970-01-01 in the proleptic Gregorian calendar, time-zone free).
 */

const MINUTE = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter per zone: building one costs far more than using it. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the runtime knows this IANA zone name. */
export function isTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offsets already looked up, per zone and whole second. A walk over consecutive days asks
 * for the same instants again (each midnight is "two days after" one day and "a day
 * before" another), and a formatted date costs microseconds. Bounded, and pure: an
 * instant's offset in a zone never changes while the process runs.
 */
const offsets = new Map<string, number>();
const MAX_REMEMBERED = 100_000;

/** The zone's offset from UTC at an instant, in milliseconds (New York in winter: -5 h). */
export function offsetAt(zone: string, epochMs: number): number {
  const second = Math.floor(epochMs / 1000) * 1000;
  const key = `${zone}|${second}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const offset = computeOffset(zone, epochMs, second);
  if (offsets.size >= MAX_REMEMBERED) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function computeOffset(zone: string, epochMs: number, second: number): number {
  const n: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') n[p.type] = Number(p.value);
  }
  const wall = Date.UTC(
    n.year ?? 1970,
    (n.month ?? 1) - 1,
    n.day ?? 1,
    n.hour ?? 0,
    n.minute ?? 0,
    n.second ?? 0,
  );
  // Seconds are in the formatted time, milliseconds are not: compare whole seconds.
  return wall - second;
}

/**
 * The instant a local wall-clock time happens, where wall time is written as if it were
 * UTC (`Date.UTC(y, m, d, h, min)`). Two rules for the days the clocks change:
 * - a time that happens twice (autumn, clocks go back) is its first occurrence, as
 *   RFC 5545 §3.3.5 reads it (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.5);
 * - a time that never happens (spring, clocks go forward) is the instant the clock jumps
 *   over it, so 02:00–02:59 on a New York spring-forward day all mean 03:00 EDT. (RFC 5545
 *   would shift it by the gap instead; for opening hours that would invent open time
 *   the wall clock never showed.) An opening interval covering the missing hour is
 *   therefore an hour shorter that day, and one covering the doubled hour an hour
 *   longer: the hours the office really opens.
 */
export function instantOfWallTime(zone: string, wallMs: number): number {
  const before = offsetAt(zone, wallMs - DAY_MS);
  const after = offsetAt(zone, wallMs + DAY_MS);
  if (before === after) {
    const candidate = wallMs - before;
    if (offsetAt(zone, candidate) === before) return candidate;
  }
  const valid = [before, after]
    .map((o) => wallMs - o)
    .filter((epoch) => epoch + offsetAt(zone, epoch) === wallMs)
    .sort((a, b) => a - b);
  if (valid.length > 0) return valid[0]!;
  // In the gap: the jump happened between these two instants; find it (to the second).
  let lo = wallMs - Math.max(before, after);
  let hi = wallMs - Math.min(before, after);
  const offsetLo = offsetAt(zone, lo);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(zone, mid) === offsetLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The local date (day number) and wall time (ms since local midnight) of an instant. */
export function localPartsOf(zone: string, epochMs: number): { day: number; timeMs: number } {
  const wall = epochMs + offsetAt(zone, epochMs);
  const day = Math.floor(wall / DAY_MS);
  return { day, timeMs: wall - day * DAY_MS };
}

/** Day number → 'YYYY-MM-DD'. */
export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date.getDay and OpeningHours.day. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** 'HH:MM' (00:00–24:00) → minutes since midnight, or null when malformed. */
export function minutesOfClockTime(value: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > 24 * 60 ? null : minutes;
}

export { MINUTE };
