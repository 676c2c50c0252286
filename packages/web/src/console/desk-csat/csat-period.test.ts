import { describe, expect, it } from 'vitest';
import { defaultPeriod, overall, periodRange } from './csat-period';

describe('the period a supervisor reads survey results for', () => {
  it('is the last 30 days by default, today counted, across a month end', () => {
    expect(defaultPeriod(new Date(2025, 2, 5, 15, 30))).toEqual({
      from: '2025-02-04',
      to: '2025-03-05',
    });
  });

  it('counts both days whole, in the reader’s own calendar', () => {
    const r = periodRange({ from: '2025-06-01', to: '2025-06-30' })!;
    expect(new Date(r.from).getTime()).toBe(new Date(2025, 5, 1).getTime());
    expect(new Date(r.to).getTime()).toBe(new Date(2025, 6, 1).getTime());
    // One day is a whole day.
    const one = periodRange({ from: '2025-12-31', to: '2025-12-31' })!;
    expect(new Date(one.to).getTime()).toBe(new Date(2026, 0, 1).getTime());
  });

  it('refuses a missing or reversed period', () => {
    expect(periodRange({ from: '', to: '2025-06-30' })).toBeNull();
    expect(periodRange({ from: '2025-07-01', to: '2025-06-30' })).toBeNull();
    expect(periodRange({ from: '2025-02-30x', to: '2025-06-30' })).toBeNull();
  });

  it('adds the groups up into one line: answers, average and spread', () => {
    expect(overall([{ distribution: [0, 0, 1, 0, 3] }, { distribution: [1, 0, 0, 1, 0] }])).toEqual(
      { answered: 6, average: 3.83, distribution: [1, 0, 1, 1, 3] },
    );
    expect(overall([])).toEqual({ answered: 0, average: null, distribution: [0, 0, 0, 0, 0] });
  });
});
