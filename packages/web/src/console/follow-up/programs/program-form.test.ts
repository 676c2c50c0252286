import { BUILT_IN_PROGRAMS } from '@caredesk/core/care-transitions';
import { describe, expect, it } from 'vitest';
import {
  codesOf,
  fieldId,
  fieldOfIssue,
  formOf,
  languageOf,
  moved,
  newStep,
  programOf,
} from './program-form';

const discharge = BUILT_IN_PROGRAMS.find((p) => p.code === 'discharge-follow-up')!;

/** The editor's form and the server's issue paths (issue #6 point 7). */
describe('program form', () => {
  it('gives back every built-in program unchanged', () => {
    for (const program of BUILT_IN_PROGRAMS) expect(programOf(formOf(program))).toEqual(program);
  });

  it('sends codes as typed and numbers that are not whole as null', () => {
    const form = formOf(discharge);
    form.patientClasses = ' I, e ,,B ';
    form.steps[0]!.dueBusinessDays = '1.5';
    form.steps[0]!.repeats = true;
    form.steps[0]!.everyDays = '7';
    form.steps[0]!.times = '3';
    const program = JSON.parse(JSON.stringify(programOf(form))) as typeof discharge;
    expect(program.trigger).toMatchObject({ patientClasses: ['I', 'e', 'B'] });
    expect(program.steps[0]!.dueBusinessDays).toBeNull();
    expect(program.steps[0]!.repeat).toEqual({ everyDays: 7, times: 3 });
    expect(codesOf('')).toEqual([]);
  });

  it('leaves the escalation message out when nothing is sent', () => {
    const form = formOf(discharge);
    form.steps = [newStep()];
    form.steps[0]!.escalates = true;
    expect(programOf(form).steps[0]!.escalation).toEqual({
      afterUnansweredAttempts: 3,
      notifySupervisor: true,
      send: null,
      message: null,
    });
  });

  it('puts each issue at the field the editor shows for it', () => {
    const form = formOf(discharge);
    expect(fieldOfIssue('steps/2/title/lv', form)).toBe('steps/2/title/lv');
    expect(fieldOfIssue('body/program/steps/0/dueBusinessDays', form)).toBe(
      'steps/0/dueBusinessDays',
    );
    expect(fieldOfIssue('name/nb', form)).toBe('name/nb');
    expect(fieldOfIssue('trigger/patientClasses/0', form)).toBe('trigger/patientClasses');
    expect(fieldOfIssue('steps/1/articleId', form)).toBe('steps/1');
    expect(fieldOfIssue('steps/0/escalation/message/es', form)).toBe(
      'steps/0/escalation/message/es',
    );
    expect(fieldOfIssue('steps/0/checklist/1/en', form)).toBe('steps/0/checklist/1/en');
    expect(fieldOfIssue('steps', form)).toBe('steps');
    expect(fieldOfIssue('program/code', form)).toBe('');
    expect(fieldOfIssue('', form)).toBe('');
    // A step past the end (removed since) falls back to the list of steps.
    expect(fieldOfIssue('steps/99/key', form)).toBe('steps');
  });

  it('names fields and their languages', () => {
    expect(fieldId('steps/2/title/lv')).toBe('fup-steps-2-title-lv');
    expect(fieldId('')).toBe('fup-form');
    expect(languageOf('steps/2/title/lv')).toBe('lv');
    expect(languageOf('steps/2/key')).toBeNull();
  });

  it('moves a step up or down, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
