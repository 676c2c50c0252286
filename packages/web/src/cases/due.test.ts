import { describe, expect, it } from 'vitest';
import { dueState, relativeDue } from './due';

const NOW = Date.parse('2025-03-30T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('how pressing a case is', () => {
  it('is red once the due time has passed, amber within four hours, plain after', () => {
    expect(dueState(at(-1), NOW)).toBe('overdue');
    expect(dueState(at(0), NOW)).toBe('overdue');
    expect(dueState(at(1), NOW)).toBe('soon');
    expect(dueState(at(240), NOW)).toBe('soon');
    expect(dueState(at(241), NOW)).toBe('later');
  });

  it('has no due state without a due time (no SLA policy, or paused)', () => {
    expect(dueState(null, NOW)).toBe('none');
    expect(dueState('not a time', NOW)).toBe('none');
  });

  it('says how far off in the largest whole unit, never overstating', () => {
    expect(relativeDue(at(220), NOW)).toEqual({ value: 3, unit: 'hour' });
    expect(relativeDue(at(-90), NOW)).toEqual({ value: -1, unit: 'hour' });
    expect(relativeDue(at(59), NOW)).toEqual({ value: 59, unit: 'minute' });
    expect(relativeDue(at(0.5), NOW)).toEqual({ value: 0, unit: 'minute' });
    expect(relativeDue(at(47 * 60), NOW)).toEqual({ value: 47, unit: 'hour' });
    expect(relativeDue(at(-3 * 24 * 60 - 5), NOW)).toEqual({ value: -3, unit: 'day' });
  });
});
