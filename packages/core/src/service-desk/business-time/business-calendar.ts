import type { OpeningHours } from '../../organizations/organization';
import { isCalendarDate } from '../../shared/dates';
import type { FieldIssue } from '../../shared/domain-error';
import { isTimeZone, minutesOfClockTime } from './zoned-time';

/**
 * When a desk (a team, or the whole organization) is open: weekly hours in one IANA time
 * zone and the local dates it is closed all day. SLA targets count only this open time
 * (issue #5 §2: "targets in business time, per team business-hours calendars with time
 * zone and holidays").
 */
export interface BusinessCalendar {
  /** IANA zone the hours and holidays are in, e.g. 'Europe/Riga'. */
  timeZone: string;
  /**
   * Opening intervals, local HH:MM; several per weekday allowed (a lunch break is two
   * intervals); `closes` may be '24:00' to stay open until midnight. Intervals of one
   * weekday must not overlap.
   */
  hours: OpeningHours[];
  /** Local dates, YYYY-MM-DD, closed all day. */
  holidays: string[];
}

export const MAX_CALENDAR_INTERVALS = 70;
export const MAX_HOLIDAYS = 1000;

/** Open around the clock every day: for 24/7 lines such as a nurse line. */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  hours: ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, opens: '00:00', closes: '24:00' })),
  holidays: [],
};

function issue(path: string, messageKey: string, detail: string): FieldIssue {
  return { path, messageKey, detail };
}

function isWeekday(day: unknown): day is OpeningHours['day'] {
  return typeof day === 'number' && Number.isInteger(day) && day >= 0 && day <= 6;
}

/**
 * What is wrong with a calendar, as field issues (empty when it is usable): an unknown
 * zone, malformed times, an interval that closes before it opens or overlaps another on
 * the same weekday, a malformed or impossible holiday date, or no open time at all (an
 * SLA clock on such a calendar would never reach its target).
 */
export function validateCalendar(cal: BusinessCalendar): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isTimeZone(cal.timeZone)) {
    issues.push(issue('timeZone', 'validation.timeZone.invalid', 'unknown IANA time zone'));
  }
  if (cal.hours.length > MAX_CALENDAR_INTERVALS) {
    issues.push(
      issue('hours', 'validation.list.tooMany', `at most ${MAX_CALENDAR_INTERVALS} intervals`),
    );
  }
  const good: Array<{ index: number; day: number; opens: number; closes: number }> = [];
  cal.hours.forEach((h, index) => {
    const path = `hours/${index}`;
    const opens = minutesOfClockTime(h.opens);
    const closes = minutesOfClockTime(h.closes);
    if (!isWeekday(h.day)) issues.push(issue(`${path}/day`, 'validation.field.invalid', '0–6'));
    if (opens === null || opens >= 24 * 60) {
      issues.push(issue(`${path}/opens`, 'validation.time.invalid', 'HH:MM, 00:00–23:59'));
    }
    if (closes === null) {
      issues.push(issue(`${path}/closes`, 'validation.time.invalid', 'HH:MM, 00:01–24:00'));
    }
    if (opens === null || closes === null || !isWeekday(h.day)) return;
    if (opens >= closes) {
      issues.push(issue(path, 'sla.calendar.hoursOrder', 'closes must be after opens'));
      return;
    }
    good.push({ index, day: h.day, opens, closes });
  });
  good.sort((a, b) => a.day - b.day || a.opens - b.opens);
  for (let i = 1; i < good.length; i++) {
    const prev = good[i - 1]!;
    const cur = good[i]!;
    // Touching intervals (12:00–13:00 and 13:00–17:00) are fine: one ends as the next begins.
    if (prev.day === cur.day && cur.opens < prev.closes) {
      issues.push(
        issue(`hours/${cur.index}`, 'sla.calendar.hoursOverlap', `overlaps hours/${prev.index}`),
      );
    }
  }
  if (cal.hours.length === 0) {
    issues.push(issue('hours', 'sla.calendar.neverOpen', 'no open time in the week'));
  }
  if (cal.holidays.length > MAX_HOLIDAYS) {
    issues.push(issue('holidays', 'validation.list.tooMany', `at most ${MAX_HOLIDAYS} holidays`));
  }
  cal.holidays.forEach((d, i) => {
    if (typeof d !== 'string' || !isCalendarDate(d)) {
      issues.push(issue(`holidays/${i}`, 'validation.date.invalid', 'YYYY-MM-DD'));
    }
  });
  return issues;
}
