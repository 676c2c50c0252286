import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../service-desk/business-time/business-calendar';
import { closeOfBusinessDaysAfter } from '../../service-desk/business-time/business-days';
import {
  afterCall,
  BUILT_IN_PROGRAMS,
  planComplete,
  scheduleTasks,
  triggerMatches,
  validateProgram,
  type FollowUpProgram,
  type ProgramTrigger,
} from './index';

const riga: BusinessCalendar = {
  timeZone: 'Europe/Riga',
  hours: [1, 2, 3, 4, 5].map((day) => ({
    day: day as 1 | 2 | 3 | 4 | 5,
    opens: '08:00',
    closes: '17:00',
  })),
  holidays: ['2026-11-18'],
};

const discharge = BUILT_IN_PROGRAMS.find((p) => p.code === 'discharge-follow-up')!;
const diabetes = BUILT_IN_PROGRAMS.find((p) => p.code === 'diabetes-care')!;

describe('closeOfBusinessDaysAfter', () => {
  it('counts working days after the discharge date and ends at closing time', () => {
    // Friday 2026-11-20 15:00 Riga → Monday (1), Tuesday (2), closing 17:00 Riga = 15:00 UTC.
    expect(closeOfBusinessDaysAfter(riga, new Date('2026-11-20T13:00:00Z'), 2).toISOString()).toBe(
      '2026-11-24T15:00:00.000Z',
    );
  });

  it('skips holidays and weekends, and counts from the local date, not UTC', () => {
    // Monday 2026-11-16 23:30 Riga is still Monday there (21:30 UTC); Wednesday the 18th is a
    // holiday, so day 2 is Thursday.
    expect(closeOfBusinessDaysAfter(riga, new Date('2026-11-16T21:30:00Z'), 2).toISOString()).toBe(
      '2026-11-19T15:00:00.000Z',
    );
  });

  it('0 days is today before closing, else the next working day', () => {
    expect(closeOfBusinessDaysAfter(riga, new Date('2026-11-23T08:00:00Z'), 0).toISOString()).toBe(
      '2026-11-23T15:00:00.000Z',
    );
    expect(closeOfBusinessDaysAfter(riga, new Date('2026-11-21T08:00:00Z'), 0).toISOString()).toBe(
      '2026-11-23T15:00:00.000Z',
    );
  });
});

describe('follow-up programs', () => {
  it.each(BUILT_IN_PROGRAMS.map((p) => [p.code, p] as const))(
    'built-in %s is valid in every language',
    (_code, program) => {
      expect(validateProgram(program)).toEqual([]);
    },
  );

  it('reports what an administrator got wrong, by path', () => {
    const broken: FollowUpProgram = {
      ...discharge,
      code: 'Bad Code',
      name: { ...discharge.name, lv: ' ' },
      trigger: { kind: 'discharge', patientClasses: ['inpatient'], excludeDispositions: ['7'] },
      steps: [
        { ...discharge.steps[2]!, escalation: discharge.steps[0]!.escalation },
        { ...discharge.steps[2]!, required: false, dueBusinessDays: 1.5 },
      ],
    };
    expect(validateProgram(broken).map((i) => `${i.path} ${i.messageKey}`)).toEqual([
      'code validation.field.invalid',
      'name/lv followUp.program.translationMissing',
      'trigger/patientClasses/0 validation.field.invalid',
      'trigger/excludeDispositions/0 validation.field.invalid',
      'steps/0/escalation followUp.program.escalationNeedsCalls',
      'steps/1/key followUp.program.duplicateStep',
      'steps/1/dueBusinessDays validation.field.invalid',
      'steps followUp.program.noRequiredStep',
    ]);
    const noneRequired = {
      ...discharge,
      steps: discharge.steps.map((s) => ({ ...s, required: false })),
    };
    expect(validateProgram(noneRequired).map((i) => i.messageKey)).toEqual([
      'followUp.program.noRequiredStep',
    ]);
  });

  it('schedules every step and each occurrence of a periodic one, soonest first', () => {
    const tasks = scheduleTasks(diabetes, new Date('2026-11-20T13:00:00Z'), riga);
    expect(tasks.filter((t) => t.stepKey === 'check-in').map((t) => t.occurrence)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(tasks).toHaveLength(4 + 2 + 1 + 4 + 1 + 1);
    expect([...tasks].map((t) => t.dueAt)).toEqual(tasks.map((t) => t.dueAt).sort());
    const first = scheduleTasks(discharge, new Date('2026-11-20T13:00:00Z'), riga)[0]!;
    expect(first).toMatchObject({ stepKey: 'first-call', dueAt: '2026-11-24T15:00:00.000Z' });
  });

  it('starts a discharge program only for the listed classes and dispositions', () => {
    const trigger: ProgramTrigger = {
      kind: 'discharge',
      patientClasses: ['I'],
      excludeDispositions: ['03'],
    };
    const a03 = (patientClass: string | null, dispositionCode: string | null) =>
      triggerMatches(trigger, { kind: 'discharge', patientClass, dispositionCode });
    expect(a03('I', '01')).toBe(true);
    expect(a03('i', null)).toBe(true);
    expect(a03('O', '01')).toBe(false);
    expect(a03('I', '03')).toBe(false);
    expect(triggerMatches(trigger, { kind: 'enrolment' })).toBe(false);
    expect(triggerMatches({ kind: 'enrolment' }, { kind: 'manual' })).toBe(true);
  });
});

describe('call outcomes', () => {
  const escalation = discharge.steps[0]!.escalation;
  const call = { kind: 'call' as const, unansweredAttempts: 0, escalatedAt: null as string | null };

  it('escalates once, on the third unanswered attempt', () => {
    let task = { ...call };
    const escalations: boolean[] = [];
    for (const outcome of ['no-answer', 'left-message', 'wrong-number', 'no-answer'] as const) {
      const effect = afterCall(task, outcome, escalation);
      escalations.push(effect.escalate);
      task = {
        ...task,
        unansweredAttempts: effect.unansweredAttempts,
        escalatedAt: effect.escalate ? 'now' : task.escalatedAt,
      };
      expect(effect.status).toBe('in-progress');
    }
    expect(escalations).toEqual([false, false, true, false]);
  });

  it('reached completes the step; declined ends it; both are contacts', () => {
    expect(afterCall(call, 'reached', escalation)).toMatchObject({
      status: 'completed',
      interactiveContact: true,
    });
    expect(afterCall(call, 'declined', escalation)).toMatchObject({
      status: 'cancelled',
      statusReason: 'patient-declined',
      interactiveContact: true,
    });
    expect(() => afterCall({ ...call, kind: 'transport' }, 'reached', null)).toThrow(RangeError);
  });

  it('a plan is complete when no required task is open', () => {
    expect(
      planComplete([
        { required: true, status: 'completed' },
        { required: false, status: 'ready' },
      ]),
    ).toBe(true);
    expect(planComplete([{ required: true, status: 'in-progress' }])).toBe(false);
  });
});
