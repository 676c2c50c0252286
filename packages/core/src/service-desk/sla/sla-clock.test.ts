import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import { ALWAYS_OPEN, type BusinessCalendar } from '../business-time/business-calendar';
import { slaClock, type SlaClockInput, type SlaEvaluation, type SlaPause } from './sla-clock';
import type { SlaPolicy } from './sla-policy';

/** New York desk, 09:00–17:00 on weekdays; 4 July closed. */
const desk: BusinessCalendar = {
  timeZone: 'America/New_York',
  hours: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, opens: '09:00', closes: '17:00' })),
  holidays: ['2024-07-04'],
};
const riga: BusinessCalendar = { ...desk, timeZone: 'Europe/Riga', holidays: ['2024-06-24'] };

/** One hour to answer, one business day (8 h) to resolve, warn at three quarters. */
const policy: SlaPolicy = {
  id: 'p1',
  category: '*',
  priority: 'urgent',
  firstResponseMinutes: 60,
  resolutionMinutes: 480,
  warnAtShare: 0.75,
  onBreach: ['notify-supervisor'],
};

const d = (iso: string) => new Date(iso);
const pause = (from: string, to: string | null): SlaPause => ({
  from: d(from),
  to: to === null ? null : d(to),
});

function clockAt(now: string, over: Partial<SlaClockInput> = {}): SlaEvaluation {
  return slaClock({
    calendar: desk,
    policy,
    openedAt: d('2024-03-04T15:00:00Z'), // Monday 10:00 EST
    firstResponseAt: null,
    resolvedAt: null,
    pauses: [],
    now: fixedClock(now).now(),
    ...over,
  });
}

const iso = (x: Date | null) => x?.toISOString() ?? null;
const summary = (e: SlaEvaluation) => ({
  first: [e.firstResponse.state, e.firstResponse.elapsedMinutes, iso(e.firstResponse.dueAt)],
  resolution: [e.resolution.state, e.resolution.elapsedMinutes, iso(e.resolution.dueAt)],
  next: iso(e.nextCheckAt),
});

describe('slaClock', () => {
  it('runs, then warns, then breaches, and says when to look again', () => {
    expect(summary(clockAt('2024-03-04T15:30:00Z'))).toEqual({
      first: ['running', 30, '2024-03-04T16:00:00.000Z'],
      resolution: ['running', 30, '2024-03-05T15:00:00.000Z'],
      next: '2024-03-04T15:45:00.000Z', // first response reaches 45 of 60 minutes
    });
    expect(summary(clockAt('2024-03-04T15:45:00Z')).first[0]).toBe('warning');
    expect(summary(clockAt('2024-03-04T15:50:00Z')).next).toBe('2024-03-04T16:00:00.000Z');
    expect(summary(clockAt('2024-03-04T16:01:00Z'))).toEqual({
      first: ['breached', 61, '2024-03-04T16:00:00.000Z'],
      resolution: ['running', 61, '2024-03-05T15:00:00.000Z'],
      // resolution warns at 360 minutes: Monday 10:00 + 6 h of business time.
      next: '2024-03-04T21:00:00.000Z',
    });
  });

  it('a first response in time is met; a late one is breached', () => {
    const onTime = clockAt('2024-03-04T18:00:00Z', { firstResponseAt: d('2024-03-04T15:40:00Z') });
    expect(summary(onTime).first).toEqual(['met', 40, '2024-03-04T16:00:00.000Z']);
    const exactlyDue = clockAt('2024-03-04T18:00:00Z', {
      firstResponseAt: d('2024-03-04T16:00:00Z'),
    });
    expect(exactlyDue.firstResponse.state).toBe('met');
    const late = clockAt('2024-03-04T18:00:00Z', { firstResponseAt: d('2024-03-04T16:30:00Z') });
    expect(summary(late).first).toEqual(['breached', 90, '2024-03-04T16:00:00.000Z']);
  });

  it('resolving stops both clocks, also a first response never given', () => {
    const e = clockAt('2024-03-06T12:00:00Z', { resolvedAt: d('2024-03-04T15:20:00Z') });
    expect(summary(e)).toEqual({
      first: ['met', 20, '2024-03-04T16:00:00.000Z'],
      resolution: ['met', 20, '2024-03-05T15:00:00.000Z'],
      next: null,
    });
  });

  it('counts across the spring-forward weekend in business time', () => {
    // Opened Friday 16:30 EST; Sunday the clocks go forward; Monday opens 09:00 EDT.
    const opened = { openedAt: d('2024-03-08T21:30:00Z') };
    expect(summary(clockAt('2024-03-11T13:20:00Z', opened))).toEqual({
      first: ['warning', 50, '2024-03-11T13:30:00.000Z'],
      resolution: ['running', 50, '2024-03-11T20:30:00.000Z'],
      next: '2024-03-11T13:30:00.000Z',
    });
  });

  it('skips a holiday and counts over a month end', () => {
    const july = clockAt('2024-07-03T21:00:00Z', { openedAt: d('2024-07-03T20:30:00Z') });
    expect(summary(july).first).toEqual(['running', 30, '2024-07-05T13:30:00.000Z']);
    const april = clockAt('2024-04-30T20:30:00Z', { openedAt: d('2024-04-30T20:00:00Z') });
    expect(summary(april).resolution).toEqual(['running', 30, '2024-05-01T20:00:00.000Z']);
  });

  it('a 24/7 line warns and breaches over midnight and the year end', () => {
    const e = clockAt('2025-01-01T00:20:00Z', {
      calendar: ALWAYS_OPEN,
      openedAt: d('2024-12-31T23:30:00Z'),
    });
    expect(summary(e).first).toEqual(['warning', 50, '2025-01-01T00:30:00.000Z']);
    expect(summary(e).next).toBe('2025-01-01T00:30:00.000Z');
  });

  describe('pending on the patient', () => {
    // Thursday 10:00 EST; replied at 10:20; pending from Friday 11:00 EST to Monday 11:00 EDT.
    const base = {
      openedAt: d('2024-03-07T15:00:00Z'),
      firstResponseAt: d('2024-03-07T15:20:00Z'),
      policy: { ...policy, resolutionMinutes: 960 },
      pauses: [pause('2024-03-08T16:00:00Z', '2024-03-11T15:00:00Z')],
    };

    it('a pause over a weekend (and a DST change) is not counted', () => {
      // Thursday 420 + Friday 120 + Monday 60 = 600 of 960; due Tuesday 10:00 EDT.
      expect(summary(clockAt('2024-03-11T16:00:00Z', base))).toEqual({
        first: ['met', 20, '2024-03-07T16:00:00.000Z'],
        resolution: ['running', 600, '2024-03-12T14:00:00.000Z'],
        next: '2024-03-11T18:00:00.000Z', // 720 minutes: Monday 14:00 EDT
      });
    });

    it('while paused there is no due time and nothing to check', () => {
      const open = { ...base, pauses: [pause('2024-03-08T16:00:00Z', null)] };
      expect(summary(clockAt('2024-03-09T12:00:00Z', open))).toEqual({
        first: ['met', 20, '2024-03-07T16:00:00.000Z'],
        resolution: ['paused', 540, null],
        next: null,
      });
    });

    it('a clock breached before the pause stays breached', () => {
      const open = { ...base, pauses: [pause('2024-03-11T15:00:00Z', null)] };
      const e = clockAt('2024-03-12T12:00:00Z', open);
      expect(summary(e).resolution).toEqual(['breached', 1020, '2024-03-11T14:00:00.000Z']);
    });

    it('overlapping and unordered pauses are not subtracted twice', () => {
      const messy = {
        ...base,
        pauses: [
          pause('2024-03-09T00:00:00Z', '2024-03-11T15:00:00Z'),
          pause('2024-03-08T16:00:00Z', '2024-03-10T00:00:00Z'),
          pause('2024-03-08T20:00:00Z', '2024-03-08T21:00:00Z'),
        ],
      };
      expect(summary(clockAt('2024-03-11T16:00:00Z', messy)).resolution[1]).toBe(600);
    });

    it('resolving while pending ends the pause at the resolution', () => {
      const e = clockAt('2024-03-20T12:00:00Z', {
        ...base,
        pauses: [pause('2024-03-08T16:00:00Z', null)],
        resolvedAt: d('2024-03-11T15:00:00Z'),
      });
      expect(summary(e).resolution).toEqual(['met', 540, '2024-03-12T14:00:00.000Z']);
    });

    it('pauses before any reply also stop the first-response clock', () => {
      const e = clockAt('2024-03-04T17:00:00Z', {
        pauses: [pause('2024-03-04T15:10:00Z', '2024-03-04T16:50:00Z')],
      });
      // 10 minutes before the pause, 10 after: 20 of 60, due 40 business minutes from now.
      expect(summary(e).first).toEqual(['running', 20, '2024-03-04T17:40:00.000Z']);
    });
  });

  it('works in another zone across its DST change (Riga, last Sunday of March)', () => {
    const e = clockAt('2024-04-01T06:15:00Z', {
      calendar: riga,
      openedAt: d('2024-03-29T14:30:00Z'), // Friday 16:30 EET
    });
    // 30 minutes on Friday, 15 on Monday from 09:00 EEST (06:00Z); due at 09:30 EEST.
    expect(summary(e).first).toEqual(['warning', 45, '2024-04-01T06:30:00.000Z']);
  });

  it('is stable for a clock that has not started yet (opened in the future)', () => {
    const e = clockAt('2024-03-04T14:00:00Z');
    expect(summary(e).first).toEqual(['running', 0, '2024-03-04T16:00:00.000Z']);
    expect(iso(e.nextCheckAt)).toBe('2024-03-04T15:45:00.000Z');
  });
});
