import { describe, expect, it } from 'vitest';
import {
  followUpMetrics,
  followUpMetricsBy,
  quantile,
  readmissionAfter,
  type LaterEncounter,
  type PlanFacts,
} from './follow-up-metrics';

/** Issue #6 point 6: the follow-up metrics supervisors read, counted from plan facts. */
const NOW = new Date('2026-06-01T00:00:00.000Z');

function plan(p: Partial<PlanFacts> = {}): PlanFacts {
  return {
    programCode: 'discharge-follow-up',
    teamId: 'team-a',
    status: 'active',
    startedAt: '2026-03-02T10:00:00.000Z',
    contactDueAt: '2026-03-04T15:00:00.000Z',
    firstContactAt: null,
    stay: { dischargedAt: '2026-03-02T10:00:00.000Z', readmittedAt: null },
    ...p,
  };
}

describe('followUpMetrics', () => {
  it('no plans: zero counts, no shares (not 0 %)', () => {
    expect(followUpMetrics([], NOW)).toEqual({
      discharges: 0,
      cancelled: 0,
      contact: { due: 0, within: 0, share: null },
      completion: { completed: 0, share: null },
      timeToFirstContact: { contacted: 0, medianHours: null, p90Hours: null },
      readmission: { indexStays: 0, readmitted: 0, rate: null },
    });
  });

  it('a contact exactly at the due instant is within; a millisecond later is not', () => {
    const m = followUpMetrics(
      [
        plan({ firstContactAt: '2026-03-04T15:00:00.000Z' }),
        plan({ firstContactAt: '2026-03-04T15:00:00.001Z' }),
      ],
      NOW,
    );
    expect(m.contact).toEqual({ due: 2, within: 1, share: 0.5 });
  });

  it('cancelled plans are counted apart and in no denominator', () => {
    const m = followUpMetrics(
      [
        plan({ status: 'cancelled', firstContactAt: '2026-03-03T10:00:00.000Z' }),
        plan({ status: 'completed', firstContactAt: '2026-03-03T10:00:00.000Z' }),
      ],
      NOW,
    );
    expect(m).toMatchObject({
      discharges: 1,
      cancelled: 1,
      contact: { due: 1, within: 1, share: 1 },
      completion: { completed: 1, share: 1 },
      timeToFirstContact: { contacted: 1, medianHours: 24 },
      readmission: { indexStays: 1, readmitted: 0, rate: 0 },
    });
  });

  it('a contact not yet due and not yet made is undecided; overdue without one is a miss', () => {
    const early = new Date('2026-03-03T00:00:00.000Z');
    expect(followUpMetrics([plan()], early).contact).toEqual({ due: 0, within: 0, share: null });
    expect(followUpMetrics([plan()], NOW).contact).toEqual({ due: 1, within: 0, share: 0 });
    // Contacted early, before the due time: decided already.
    const made = plan({ firstContactAt: '2026-03-02T12:00:00.000Z' });
    expect(followUpMetrics([made], early).contact).toEqual({ due: 1, within: 1, share: 1 });
  });

  it('plans without a contact step count for completion only', () => {
    const m = followUpMetrics([plan({ contactDueAt: null })], NOW);
    expect(m.contact.due).toBe(0);
    expect(m.completion).toEqual({ completed: 0, share: 0 });
  });

  it('median and 90th percentile of hours to first contact', () => {
    const at = (h: number) => new Date(Date.parse('2026-03-02T10:00:00Z') + h * 3_600_000);
    const plans = [1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((h) =>
      plan({ firstContactAt: at(h).toISOString() }),
    );
    expect(followUpMetrics(plans, NOW).timeToFirstContact).toEqual({
      contacted: 10,
      medianHours: 5.5,
      p90Hours: 9,
    });
  });

  it('readmission rate over stays whose 30 days are over, or readmitted', () => {
    const m = followUpMetrics(
      [
        plan({
          stay: { dischargedAt: '2026-03-02T10:00:00Z', readmittedAt: '2026-03-20T10:00:00Z' },
        }),
        plan(),
        plan({ stay: null }), // an outpatient visit: not an index stay
        // Discharged 10 days before NOW and not back (yet): undecided.
        plan({ stay: { dischargedAt: '2026-05-22T00:00:00Z', readmittedAt: null } }),
      ],
      NOW,
    );
    expect(m.readmission).toEqual({ indexStays: 2, readmitted: 1, rate: 0.5 });
    expect(m.discharges).toBe(4);
  });
});

describe('readmissionAfter', () => {
  const discharge = { encounterId: 'e0', dischargedAt: '2026-03-02T10:00:00.000Z' };
  const enc = (id: string, periodStart: string | null, more: Partial<LaterEncounter> = {}) => ({
    id,
    classCode: 'IMP',
    status: 'in-progress',
    periodStart,
    ...more,
  });

  it('the first inpatient or emergency admission within 30 × 24 hours after the discharge', () => {
    expect(
      readmissionAfter(discharge, [
        enc('e0', '2026-03-01T10:00:00Z'), // the discharged visit itself
        enc('e1', '2026-03-25T10:00:00Z', { classCode: 'EMER' }),
        enc('e2', '2026-03-10T10:00:00Z'),
      ]),
    ).toBe('2026-03-10T10:00:00.000Z');
  });

  it('exactly 30 days later counts; later, earlier, outpatient or cancelled do not', () => {
    expect(readmissionAfter(discharge, [enc('e1', '2026-04-01T10:00:00Z')])).toBe(
      '2026-04-01T10:00:00.000Z',
    );
    expect(
      readmissionAfter(discharge, [
        enc('e1', '2026-04-01T10:00:00.001Z'),
        enc('e2', '2026-03-02T10:00:00Z'), // the discharge instant itself: not after
        enc('e3', '2026-03-05T10:00:00Z', { classCode: 'AMB' }),
        enc('e4', '2026-03-05T10:00:00Z', { status: 'cancelled' }),
        enc('e5', null),
      ]),
    ).toBeNull();
  });
});

describe('followUpMetricsBy', () => {
  it('groups by a key, the biggest group first, no team last among equals', () => {
    const rows = followUpMetricsBy(
      [plan({ teamId: null }), plan({ teamId: 'b' }), plan({ teamId: 'b' }), plan({ teamId: 'a' })],
      (p) => p.teamId,
      NOW,
    );
    expect(rows.map((r) => [r.key, r.discharges])).toEqual([
      ['b', 2],
      ['a', 1],
      [null, 1],
    ]);
  });

  it('quantile by nearest rank', () => {
    expect(quantile([], 0.9)).toBeNull();
    expect(quantile([4], 0.5)).toBe(4);
    expect(quantile([1, 2, 3], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });
});
