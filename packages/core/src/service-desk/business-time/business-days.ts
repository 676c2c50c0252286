import type { BusinessCalendar } from './business-calendar';
import {
  DAY_MS,
  instantOfWallTime,
  isoDateOfDay,
  localPartsOf,
  minutesOfClockTime,
  weekdayOfDay,
} from './zoned-time';

/** How far ahead a walk over days may look: a calendar open one day a year still ends. */
const MAX_DAYS_AHEAD = 5 * 366;

/** Minutes after local midnight the desk closes on that day number, or null when it is shut. */
function closingMinutes(cal: BusinessCalendar, day: number, holidays: ReadonlySet<string>) {
  if (holidays.has(isoDateOfDay(day))) return null;
  const weekday = weekdayOfDay(day);
  let close: number | null = null;
  for (const h of cal.hours) {
    if (h.day !== weekday) continue;
    const m = minutesOfClockTime(h.closes);
    if (m !== null && (close === null || m > close)) close = m;
  }
  return close;
}

/**
 * The close of business on the `days`-th business day after `from`'s local date, in the
 * calendar's zone: "within 2 business days of discharge" is met by contact before the
 * desk closes on the second working day after the discharge date (US transitional care
 * management; standards brief §3 trigger rule 1, product brief rules). A business day is a weekday with opening hours that is not a
 * holiday. `days` = 0 is the close of `from`'s own date when that is a business day (and
 * not yet closed), else of the next one.
 */
export function closeOfBusinessDaysAfter(cal: BusinessCalendar, from: Date, days: number): Date {
  const holidays = new Set(cal.holidays);
  const start = localPartsOf(cal.timeZone, from.getTime());
  let day = start.day;
  let counted = 0;
  let close: number | null = null;
  if (days === 0) {
    close = closingMinutes(cal, day, holidays);
    if (close !== null && close * 60_000 > start.timeMs)
      return new Date(instantOfWallTime(cal.timeZone, day * DAY_MS + close * 60_000));
  }
  const wanted = Math.max(1, Math.floor(days));
  for (let i = 0; i < MAX_DAYS_AHEAD; i++) {
    day += 1;
    close = closingMinutes(cal, day, holidays);
    if (close !== null && ++counted === wanted)
      return new Date(instantOfWallTime(cal.timeZone, day * DAY_MS + close * 60_000));
  }
  // A calendar that is never open (validation forbids it): count calendar days instead.
  return new Date(from.getTime() + wanted * DAY_MS);
}
