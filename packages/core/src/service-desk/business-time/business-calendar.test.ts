import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../organizations/organization';
import { ALWAYS_OPEN, validateCalendar, type BusinessCalendar } from './business-calendar';

const good: BusinessCalendar = {
  timeZone: 'Europe/Riga',
  hours: [
    { day: 1, opens: '08:00', closes: '12:00' },
    { day: 1, opens: '12:00', closes: '17:00' },
    { day: 5, opens: '20:00', closes: '24:00' },
  ],
  holidays: ['2024-02-29', '2024-06-24'],
};

const issuesOf = (cal: Partial<BusinessCalendar>) =>
  validateCalendar({ ...good, ...cal }).map((i) => `${i.path} ${i.messageKey}`);

describe('validateCalendar', () => {
  it('accepts touching intervals, 24:00 closing, a leap day and a 24/7 calendar', () => {
    expect(validateCalendar(good)).toEqual([]);
    expect(validateCalendar(ALWAYS_OPEN)).toEqual([]);
  });

  it.each<[string, Partial<BusinessCalendar>, string[]]>([
    [
      'an unknown zone',
      { timeZone: 'Mars/Olympus_Mons' },
      ['timeZone validation.timeZone.invalid'],
    ],
    ['an empty zone', { timeZone: '' }, ['timeZone validation.timeZone.invalid']],
    [
      'opening at or after closing',
      {
        hours: [
          { day: 2, opens: '17:00', closes: '09:00' },
          { day: 3, opens: '09:00', closes: '09:00' },
        ],
      },
      ['hours/0 sla.calendar.hoursOrder', 'hours/1 sla.calendar.hoursOrder'],
    ],
    [
      'overlapping intervals on one weekday',
      {
        hours: [
          { day: 2, opens: '08:00', closes: '12:30' },
          { day: 4, opens: '08:00', closes: '12:30' },
          { day: 2, opens: '12:00', closes: '17:00' },
        ],
      },
      ['hours/2 sla.calendar.hoursOverlap'],
    ],
    [
      'malformed times and weekdays',
      {
        hours: [
          { day: 2, opens: '8:00', closes: '24:01' },
          { day: 7 as OpeningHours['day'], opens: '24:00', closes: '24:00' },
        ],
      },
      [
        'hours/0/opens validation.time.invalid',
        'hours/0/closes validation.time.invalid',
        'hours/1/day validation.field.invalid',
        'hours/1/opens validation.time.invalid',
      ],
    ],
    ['no hours at all', { hours: [] }, ['hours sla.calendar.neverOpen']],
    [
      'impossible or malformed holidays',
      { holidays: ['2023-02-29', '2024-13-01', '24-12-2024', '2024-12-25'] },
      [
        'holidays/0 validation.date.invalid',
        'holidays/1 validation.date.invalid',
        'holidays/2 validation.date.invalid',
      ],
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(issuesOf(change)).toEqual(expected);
  });

  it('limits the number of intervals and holidays', () => {
    const many = Array.from({ length: 71 }, (_, i) => ({
      day: (i % 7) as OpeningHours['day'],
      opens: `${String(Math.floor(i / 7)).padStart(2, '0')}:00`,
      closes: `${String(Math.floor(i / 7)).padStart(2, '0')}:30`,
    }));
    expect(issuesOf({ hours: many })).toContain('hours validation.list.tooMany');
    const days = Array.from({ length: 1001 }, (_, i) =>
      new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
    );
    expect(issuesOf({ holidays: days })).toEqual(['holidays validation.list.tooMany']);
  });
});
