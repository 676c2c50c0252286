import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../organizations/organization';
import { DomainError } from '../../shared/domain-error';
import { ALWAYS_OPEN, type BusinessCalendar } from './business-calendar';
import { addBusinessMinutes, businessMinutesBetween, isOpenAt } from './business-time';

type Day = OpeningHours['day'];
const weekdays = (opens: string, closes: string): OpeningHours[] =>
  ([1, 2, 3, 4, 5] as Day[]).map((day) => ({ day, opens, closes }));
const everyDay = (opens: string, closes: string): OpeningHours[] =>
  ([0, 1, 2, 3, 4, 5, 6] as Day[]).map((day) => ({ day, opens, closes }));

/** A New York office, 09:00–17:00 on weekdays, closed on a few US holidays. */
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  hours: weekdays('09:00', '17:00'),
  holidays: ['2024-07-04', '2024-12-25', '2025-01-01'],
};
const riga: BusinessCalendar = {
  timeZone: 'Europe/Riga',
  hours: [...weekdays('08:00', '12:00'), ...weekdays('13:00', '17:00')],
  holidays: ['2024-06-24'],
};
const oslo24: BusinessCalendar = {
  timeZone: 'Europe/Oslo',
  hours: everyDay('00:00', '24:00'),
  holidays: [],
};
const ny24: BusinessCalendar = { ...oslo24, timeZone: 'America/New_York' };
/** Open only in the small hours of Sunday, across the hour the clocks change. */
const sundayNight = (timeZone: string, opens: string, closes: string): BusinessCalendar => ({
  timeZone,
  hours: [{ day: 0, opens, closes }],
  holidays: [],
});
const lateShift: BusinessCalendar = {
  timeZone: 'America/New_York',
  hours: [
    { day: 5, opens: '22:00', closes: '24:00' },
    { day: 6, opens: '00:00', closes: '02:00' },
  ],
  holidays: [],
};

const at = (iso: string) => new Date(iso);

describe('addBusinessMinutes', () => {
  it.each<[string, BusinessCalendar, string, number, string]>([
    ['within one day', newYork, '2024-03-04T15:00:00Z', 60, '2024-03-04T16:00:00.000Z'],
    [
      'zero minutes is the start itself',
      newYork,
      '2024-03-09T15:00:00Z',
      0,
      '2024-03-09T15:00:00.000Z',
    ],
    [
      'a start before opening counts from opening',
      newYork,
      '2024-03-04T11:00:00Z',
      30,
      '2024-03-04T14:30:00.000Z',
    ],
    [
      'ending exactly at closing is due at closing',
      newYork,
      '2024-03-08T21:00:00Z',
      60,
      '2024-03-08T22:00:00.000Z',
    ],
    // Friday 16:00 EST + 2 h: one hour on Friday, then Monday after the spring-forward Sunday (EDT).
    [
      'over a weekend with the clocks going forward',
      newYork,
      '2024-03-08T21:00:00Z',
      120,
      '2024-03-11T14:00:00.000Z',
    ],
    [
      'over the autumn weekend (clocks back)',
      newYork,
      '2024-11-01T20:00:00Z',
      120,
      '2024-11-04T15:00:00.000Z',
    ],
    ['skips a holiday (4 July)', newYork, '2024-07-03T20:30:00Z', 60, '2024-07-05T13:30:00.000Z'],
    ['over the month end', newYork, '2024-04-30T20:30:00Z', 60, '2024-05-01T13:30:00.000Z'],
    [
      'over the year end and New Year holiday',
      newYork,
      '2024-12-31T21:00:00Z',
      120,
      '2025-01-02T15:00:00.000Z',
    ],
    ['into a leap day', newYork, '2024-02-28T21:00:00Z', 120, '2024-02-29T15:00:00.000Z'],
    [
      'ten business days, closing on the tenth',
      newYork,
      '2024-03-04T14:00:00Z',
      4800,
      '2024-03-15T21:00:00.000Z',
    ],
    ['a lunch break', riga, '2024-03-04T09:30:00Z', 60, '2024-03-04T11:30:00.000Z'],
    ['Riga midsummer holiday', riga, '2024-06-21T13:00:00Z', 120, '2024-06-25T06:00:00.000Z'],
    [
      'Riga over its spring-forward weekend',
      riga,
      '2024-03-29T14:00:00Z',
      120,
      '2024-04-01T06:00:00.000Z',
    ],
    [
      'past midnight into the next day',
      lateShift,
      '2024-03-09T04:30:00Z',
      60,
      '2024-03-09T05:30:00.000Z',
    ],
    [
      '24/7 Oslo over the missing hour',
      oslo24,
      '2024-03-31T00:30:00Z',
      60,
      '2024-03-31T01:30:00.000Z',
    ],
    ['24/7 over the year end', ALWAYS_OPEN, '2024-12-31T23:30:00Z', 60, '2025-01-01T00:30:00.000Z'],
    // Sunday 02:00–05:00 in Riga: on 31 March 03:00–03:59 does not exist (02:00 EET = 00:00Z,
    // 05:00 EEST = 02:00Z), so the second hour of work ends at 02:00Z.
    [
      'an interval spanning the missing hour (Riga)',
      sundayNight('Europe/Riga', '02:00', '05:00'),
      '2024-03-30T12:00:00Z',
      119,
      '2024-03-31T01:59:00.000Z',
    ],
    // 27 October 03:00–03:59 happens twice: 02:00 EEST (26th 23:00Z) to 05:00 EET (03:00Z) is 4 h.
    [
      'an interval spanning the doubled hour (Riga)',
      sundayNight('Europe/Riga', '02:00', '05:00'),
      '2024-10-26T12:00:00Z',
      210,
      '2024-10-27T02:30:00.000Z',
    ],
    // Opening at 02:30 on New York's spring-forward Sunday means when the clock jumps: 03:00 EDT.
    [
      'opening inside the missing hour (New York)',
      sundayNight('America/New_York', '02:30', '04:00'),
      '2024-03-09T12:00:00Z',
      30,
      '2024-03-10T07:30:00.000Z',
    ],
    [
      'an interval spanning the doubled hour (New York)',
      sundayNight('America/New_York', '01:00', '03:00'),
      '2024-11-02T12:00:00Z',
      150,
      '2024-11-03T07:30:00.000Z',
    ],
    [
      'an interval spanning the missing hour (Oslo)',
      sundayNight('Europe/Oslo', '01:00', '04:00'),
      '2024-03-30T12:00:00Z',
      90,
      '2024-03-31T01:30:00.000Z',
    ],
    [
      'an interval spanning the doubled hour (Oslo)',
      sundayNight('Europe/Oslo', '01:00', '04:00'),
      '2024-10-26T12:00:00Z',
      200,
      '2024-10-27T02:20:00.000Z',
    ],
  ])('%s', (_name, cal, start, minutes, due) => {
    expect(addBusinessMinutes(cal, at(start), minutes).toISOString()).toBe(due);
  });

  it('never loops on a calendar that is never open: it refuses', () => {
    for (const cal of [
      { timeZone: 'Europe/Riga', hours: [], holidays: [] },
      {
        timeZone: 'Europe/Riga',
        hours: [{ day: 1 as Day, opens: '10:00', closes: '09:00' }],
        holidays: [],
      },
    ]) {
      let error: unknown;
      try {
        addBusinessMinutes(cal, at('2024-01-01T00:00:00Z'), 1);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('unprocessable');
      expect((error as DomainError).messageKey).toBe('sla.calendar.neverOpen');
    }
  });

  it('refuses a target more than ten years ahead instead of walking for ever', () => {
    const rare = { ...sundayNight('UTC', '00:00', '00:01') };
    expect(() => addBusinessMinutes(rare, at('2024-01-01T00:00:00Z'), 10_000)).toThrow(
      expect.objectContaining({ code: 'unprocessable', messageKey: 'sla.calendar.tooFar' }),
    );
  });

  it('refuses negative minutes and invalid instants', () => {
    expect(() => addBusinessMinutes(newYork, at('2024-01-01T00:00:00Z'), -1)).toThrow(DomainError);
    expect(() => addBusinessMinutes(newYork, at('not a date'), 1)).toThrow(DomainError);
  });

  it('walks interval by interval: a year of business time takes milliseconds', () => {
    const started = performance.now();
    for (let i = 0; i < 50; i++) {
      addBusinessMinutes(newYork, at('2024-01-02T14:00:00Z'), 250 * 480);
    }
    // Minute by minute this would be 50 × 525,600 steps; interval by interval it is 50 × 365 days.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('businessMinutesBetween', () => {
  it.each<[string, BusinessCalendar, string, string, number]>([
    ['a working day', newYork, '2024-03-04T05:00:00Z', '2024-03-05T05:00:00Z', 480],
    ['a whole week', newYork, '2024-03-03T00:00:00Z', '2024-03-10T00:00:00Z', 2400],
    ['a week with a holiday', newYork, '2024-07-01T00:00:00Z', '2024-07-08T00:00:00Z', 1920],
    [
      'a week with a lunch break every day',
      riga,
      '2024-03-03T00:00:00Z',
      '2024-03-10T00:00:00Z',
      2400,
    ],
    ['the reverse order is zero', newYork, '2024-03-05T05:00:00Z', '2024-03-04T05:00:00Z', 0],
    ['a weekend is zero', newYork, '2024-03-09T00:00:00Z', '2024-03-11T04:00:00Z', 0],
    [
      'spring-forward Sunday in Oslo lasts 23 h',
      oslo24,
      '2024-03-30T23:00:00Z',
      '2024-03-31T22:00:00Z',
      1380,
    ],
    [
      'fall-back Sunday in Oslo lasts 25 h',
      oslo24,
      '2024-10-26T22:00:00Z',
      '2024-10-27T23:00:00Z',
      1500,
    ],
    [
      'spring-forward Sunday in New York lasts 23 h',
      ny24,
      '2024-03-10T05:00:00Z',
      '2024-03-11T04:00:00Z',
      1380,
    ],
    [
      'fall-back Sunday in New York lasts 25 h',
      ny24,
      '2024-11-03T04:00:00Z',
      '2024-11-04T05:00:00Z',
      1500,
    ],
    [
      'Riga 02:00–05:00 on spring-forward Sunday',
      sundayNight('Europe/Riga', '02:00', '05:00'),
      '2024-03-30T00:00:00Z',
      '2024-04-01T00:00:00Z',
      120,
    ],
    [
      'Riga 02:00–05:00 on fall-back Sunday',
      sundayNight('Europe/Riga', '02:00', '05:00'),
      '2024-10-26T00:00:00Z',
      '2024-10-28T00:00:00Z',
      240,
    ],
    [
      'Riga opening inside the missing hour',
      sundayNight('Europe/Riga', '03:30', '06:00'),
      '2024-03-30T00:00:00Z',
      '2024-04-01T00:00:00Z',
      120,
    ],
    [
      'an interval wholly inside the missing hour',
      sundayNight('America/New_York', '02:00', '02:30'),
      '2024-03-09T00:00:00Z',
      '2024-03-11T00:00:00Z',
      0,
    ],
    [
      'the same interval a week later',
      sundayNight('America/New_York', '02:00', '02:30'),
      '2024-03-16T00:00:00Z',
      '2024-03-18T00:00:00Z',
      30,
    ],
    ['across midnight', lateShift, '2024-03-09T02:00:00Z', '2024-03-09T06:00:00Z', 180],
    [
      'February in a leap year',
      ALWAYS_OPEN,
      '2024-02-01T00:00:00Z',
      '2024-03-01T00:00:00Z',
      29 * 1440,
    ],
    [
      'seconds count as fractions',
      ALWAYS_OPEN,
      '2024-02-01T00:00:00Z',
      '2024-02-01T00:00:30Z',
      0.5,
    ],
    [
      'a calendar that is never open',
      { timeZone: 'UTC', hours: [], holidays: [] },
      '2024-01-01T00:00:00Z',
      '2025-01-01T00:00:00Z',
      0,
    ],
  ])('%s', (_name, cal, from, to, minutes) => {
    expect(businessMinutesBetween(cal, at(from), at(to))).toBe(minutes);
  });
});

describe('isOpenAt', () => {
  it.each<[BusinessCalendar, string, boolean]>([
    [newYork, '2024-03-04T14:00:00Z', true],
    [newYork, '2024-03-04T22:00:00Z', false], // closing time itself
    [newYork, '2024-07-04T15:00:00Z', false], // holiday
    [lateShift, '2024-03-09T04:59:00Z', true], // 23:59 Friday
    [lateShift, '2024-03-09T05:00:00Z', true], // 00:00 Saturday
    [lateShift, '2024-03-09T07:00:00Z', false], // 02:00 Saturday
  ])('%#', (cal, instant, open) => {
    expect(isOpenAt(cal, at(instant))).toBe(open);
  });
});
