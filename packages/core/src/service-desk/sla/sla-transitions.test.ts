import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import type { BusinessCalendar } from '../business-time/business-calendar';
import { slaClock, slaTransitions, type SlaClockInput, type SlaEvent } from './sla-clock';
import type { SlaPolicy } from './sla-policy';

const desk: BusinessCalendar = {
  timeZone: 'Europe/Oslo',
  hours: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, opens: '08:00', closes: '16:00' })),
  holidays: ['2024-12-24', '2024-12-25', '2024-12-26', '2025-01-01'],
};
const policy: SlaPolicy = {
  id: 'p',
  category: '*',
  priority: '*',
  firstResponseMinutes: 60,
  resolutionMinutes: 480,
  warnAtShare: 0.75,
  onBreach: ['notify-supervisor'],
};
const base: Omit<SlaClockInput, 'now'> = {
  calendar: desk,
  policy,
  openedAt: new Date('2024-12-23T14:30:00Z'), // Monday 15:30 CET, before Christmas
  firstResponseAt: null,
  resolvedAt: null,
  pauses: [],
};
const at = (now: string, over: Partial<SlaClockInput> = {}) =>
  slaClock({ ...base, ...over, now: fixedClock(now).now() });

/**
 * The job a server runs: evaluate, act on the transitions, sleep until nextCheckAt.
 * Returns the events in order with the instant they were raised.
 */
function runJob(from: string, until: string, over: Partial<SlaClockInput> = {}) {
  const raised: Array<SlaEvent & { at: string }> = [];
  let before = null;
  let now = new Date(from);
  for (let i = 0; i < 20 && now.getTime() <= Date.parse(until); i++) {
    const after = slaClock({ ...base, ...over, now });
    for (const e of slaTransitions(before, after)) raised.push({ ...e, at: now.toISOString() });
    before = after;
    if (!after.nextCheckAt) break;
    now = after.nextCheckAt;
  }
  return raised;
}

describe('slaTransitions', () => {
  it('a job waking at nextCheckAt warns and breaches at exactly the right instants', () => {
    // 30 minutes on Monday 23 December, then closed for Christmas until Friday 08:00.
    expect(runJob('2024-12-23T14:30:00Z', '2025-01-10T00:00:00Z')).toEqual([
      { clock: 'first-response', kind: 'warning', at: '2024-12-27T07:15:00.000Z' },
      { clock: 'first-response', kind: 'breach', at: '2024-12-27T07:30:00.000Z' },
      { clock: 'resolution', kind: 'warning', at: '2024-12-27T12:30:00.000Z' },
      { clock: 'resolution', kind: 'breach', at: '2024-12-27T14:30:00.000Z' },
    ]);
  });

  it('raises nothing once both clocks are met', () => {
    expect(
      runJob('2024-12-23T14:30:00Z', '2025-01-10T00:00:00Z', {
        firstResponseAt: new Date('2024-12-23T14:40:00Z'),
        resolvedAt: new Date('2024-12-23T14:50:00Z'),
      }),
    ).toEqual([]);
  });

  it('a breach found late (job down, or met late) is raised once, without a warning first', () => {
    const breached = at('2025-01-06T12:00:00Z');
    expect(slaTransitions(null, breached)).toEqual([
      { clock: 'first-response', kind: 'breach' },
      { clock: 'resolution', kind: 'breach' },
    ]);
    expect(slaTransitions(breached, at('2025-01-06T13:00:00Z'))).toEqual([]);
    const lateReply = at('2025-01-06T12:00:00Z', {
      firstResponseAt: new Date('2024-12-27T08:00:00Z'),
    });
    expect(lateReply.firstResponse.state).toBe('breached');
    expect(slaTransitions(at('2024-12-23T14:40:00Z'), lateReply)[0]).toEqual({
      clock: 'first-response',
      kind: 'breach',
    });
  });

  it('does not warn twice when a clock resumes after a pause', () => {
    const pauses = [
      { from: new Date('2024-12-27T07:20:00Z'), to: new Date('2024-12-27T09:00:00Z') },
    ];
    const warned = at('2024-12-27T07:16:00Z', { pauses });
    const paused = at('2024-12-27T08:00:00Z', { pauses });
    const resumed = at('2024-12-27T09:01:00Z', { pauses });
    expect([warned, paused, resumed].map((e) => e.firstResponse.state)).toEqual([
      'warning',
      'paused',
      'warning',
    ]);
    expect(slaTransitions(null, warned)).toEqual([{ clock: 'first-response', kind: 'warning' }]);
    expect(slaTransitions(warned, paused)).toEqual([]);
    expect(slaTransitions(paused, resumed)).toEqual([]);
    expect(slaTransitions(warned, resumed)).toEqual([]);
  });

  it('a clock that pauses before its warning share warns when it gets there', () => {
    const pauses = [
      { from: new Date('2024-12-27T07:00:00Z'), to: new Date('2024-12-27T09:00:00Z') },
    ];
    const paused = at('2024-12-27T08:00:00Z', { pauses });
    const later = at('2024-12-27T09:20:00Z', { pauses });
    expect(paused.firstResponse.state).toBe('paused');
    expect(later.firstResponse.state).toBe('warning');
    expect(slaTransitions(paused, later)).toEqual([{ clock: 'first-response', kind: 'warning' }]);
  });

  it('property: nothing changes before nextCheckAt, and something changes at it', () => {
    const start = Date.parse('2024-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 86_400_000 }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (opened, age, a, b, share) => {
          const over: Partial<SlaClockInput> = {
            openedAt: new Date(start + opened),
            policy: {
              ...policy,
              firstResponseMinutes: Math.min(a, b),
              resolutionMinutes: Math.max(a, b),
              warnAtShare: share,
            },
          };
          const now = new Date(start + opened + age);
          const first = slaClock({ ...base, ...over, now });
          if (!first.nextCheckAt) return;
          const next = first.nextCheckAt.getTime();
          expect(next).toBeGreaterThan(now.getTime());
          const states = (t: number) => {
            const e = slaClock({ ...base, ...over, now: new Date(t) });
            return [e.firstResponse.state, e.resolution.state];
          };
          expect(states(next - 1)).toEqual(states(now.getTime()));
          expect(states(next)).not.toEqual(states(now.getTime()));
        },
      ),
      { numRuns: 200 },
    );
  });
});
