/**
 * Wall-clock arithmetic in an IANA time zone with the platform's tz database (Intl), so
 * that quiet hours keep meaning "22:00 where the patient lives" across DST changes.
 */

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** A local calendar date and minute of the day in some zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  /** 0–1439. */
  minuteOfDay: number;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0),
  };
}

/** Local wall-clock minus UTC at `ms`, in milliseconds (whole minutes). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallTime(new Date(ms), timeZone);
  const local = Date.UTC(w.year, w.month - 1, w.day) + w.minuteOfDay * MINUTE;
  return local - Math.floor(ms / MINUTE) * MINUTE;
}

/**
 * The first instant at which the zone's clocks read `minuteOfDay` on the given local date.
 * A time that occurs twice (autumn) gives its earlier occurrence; a time skipped by a
 * spring-forward gives the instant the gap ends (the first existing time after it).
 */
export function instantAt(
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  timeZone: string,
): Date {
  const wanted = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  const offsets = [
    ...new Set([offsetAt(wanted - 86_400_000, timeZone), offsetAt(wanted + 86_400_000, timeZone)]),
  ];
  const exact = offsets
    .map((o) => wanted - o)
    .filter((t) => offsetAt(t, timeZone) === wanted - t)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0]);
  // In a gap: search the minute where local time first reaches `wanted`.
  let lo = Math.min(...offsets.map((o) => wanted - o));
  let hi = Math.max(...offsets.map((o) => wanted - o));
  while (hi - lo > MINUTE) {
    const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
    if (mid + offsetAt(mid, timeZone) >= wanted) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The local date one day after `date` (calendar arithmetic, no zone involved). */
export function nextDay(date: { year: number; month: number; day: number }): {
  year: number;
  month: number;
  day: number;
} {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
