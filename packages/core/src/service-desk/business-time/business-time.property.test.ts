import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../organizations/organization';
import { validateCalendar, type BusinessCalendar } from './business-calendar';
import { addBusinessMinutes, businessMinutesBetween, isOpenAt } from './business-time';

/**
 * Zones with the awkward cases: DST in both hemispheres, half-hour and 45-minute offsets,
 * a half-hour DST shift (Lord Howe), and clocks that change at midnight (Santiago).
 */
const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Riga',
  'Europe/Oslo',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'America/Sao_Paulo',
];

const hhmm = (quarters: number) =>
  `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;

/** One weekday's intervals: sorted, distinct quarter-hour boundaries taken in pairs. */
const dayHours = (day: OpeningHours['day']) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }).map((bounds) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const out: OpeningHours[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      out.push({ day, opens: hhmm(sorted[i]!), closes: hhmm(sorted[i + 1]!) });
    }
    return out;
  });

const calendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.tuple(
      dayHours(0),
      dayHours(1),
      dayHours(2),
      dayHours(3),
      dayHours(4),
      dayHours(5),
      dayHours(6),
    ),
    holidays: fc.uniqueArray(
      fc.date({
        min: new Date('2023-01-01T00:00:00Z'),
        max: new Date('2026-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ timeZone, week, holidays }) => ({
    timeZone,
    hours: week.flat(),
    holidays: holidays.map((d) => d.toISOString().slice(0, 10)),
  }))
  .filter((cal) => cal.hours.length > 0);

const instant = fc
  .integer({ min: Date.parse('2023-01-01T00:00:00Z'), max: Date.parse('2026-01-01T00:00:00Z') })
  .map((ms) => new Date(ms));
const minutes = fc.integer({ min: 0, max: 20 * 480 });

describe('business time properties (fast-check)', () => {
  it('generated calendars are valid ones', () => {
    fc.assert(
      fc.property(calendar, (cal) => {
        expect(validateCalendar(cal)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('the business minutes from start to start + m are exactly m', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, start, m) => {
        const due = addBusinessMinutes(cal, start, m);
        expect(businessMinutesBetween(cal, start, due)).toBe(m);
      }),
      { numRuns: 300 },
    );
  });

  it('more minutes are never due earlier, and adding in two steps is adding once', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, start, a, b) => {
        const first = addBusinessMinutes(cal, start, Math.min(a, b));
        const second = addBusinessMinutes(cal, start, Math.max(a, b));
        expect(first.getTime()).toBeLessThanOrEqual(second.getTime());
        expect(addBusinessMinutes(cal, addBusinessMinutes(cal, start, a), b).getTime()).toBe(
          addBusinessMinutes(cal, start, a + b).getTime(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('business minutes add up over consecutive stretches and never exceed wall time', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const ab = businessMinutesBetween(cal, a, b);
        const bc = businessMinutesBetween(cal, b, c);
        const ac = businessMinutesBetween(cal, a, c);
        expect(Math.round((ab + bc) * 60_000)).toBe(Math.round(ac * 60_000));
        expect(ac * 60_000).toBeLessThanOrEqual(c.getTime() - a.getTime());
      }),
      { numRuns: 100 },
    );
  });

  it('a due instant closes a stretch of open time', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 5000 }), (cal, start, m) => {
        const due = addBusinessMinutes(cal, start, m);
        expect(isOpenAt(cal, new Date(due.getTime() - 1))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
