/**
 * Size and count limits: a 10 MB input is parsed or refused in under two seconds (security
 * brief G2), and hostile shapes (PID-5 repeated 10k times, delimiter floods, blank-line
 * floods) are refused with an Hl7ParseError instead of eating memory.
 */
import { describe, expect, it } from 'vitest';
import { Hl7ParseError } from './errors';
import type { Hl7Message } from './message';
import type { ParseOptions } from './parse';
import { DEFAULT_LIMITS, parseHl7 } from './parse';

const MSH = 'MSH|^~\\&|S|F|R|RF|2025||ADT^A08|C1|P|2.5';
const TEN_MB = 10_000_000;
const BUDGET_MS = 2_000;

/** Parses `input` within the time budget; returns the message or the parse error. */
function timed(input: string | Uint8Array, options?: ParseOptions): Hl7Message | Hl7ParseError {
  const started = performance.now();
  let outcome: Hl7Message | Hl7ParseError;
  try {
    outcome = parseHl7(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(Hl7ParseError);
    outcome = error as Hl7ParseError;
  }
  expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  return outcome;
}

function refused(input: string | Uint8Array, options?: ParseOptions): Hl7ParseError {
  const outcome = timed(input, options);
  expect(outcome).toBeInstanceOf(Hl7ParseError);
  return outcome as Hl7ParseError;
}

describe('10 MB inputs', () => {
  it('parses 10 MB of long free text', () => {
    const text = 'x'.repeat(999_000);
    const notes = Array.from({ length: 10 }, (_, i) => `NTE|${i + 1}||${text}`);
    const input = [MSH, ...notes].join('\r');
    expect(input.length).toBeGreaterThan(TEN_MB - 20_000);
    const msg = timed(input) as Hl7Message;
    expect(msg.segments('NTE')).toHaveLength(10);
    expect(msg.get('NTE[10]-3').length).toBe(999_000);
  });

  it('refuses 10 MB of dense segments at the value limit, quickly', () => {
    const pid = 'PID|1||123^^^H&1.2&ISO^MR~456^^^SSA^SS||DOE^JANE^Q^^DR~ROE^J|';
    const input = MSH + ('\r' + pid).repeat(Math.ceil(TEN_MB / pid.length));
    const error = refused(Buffer.from(input));
    expect(error.code).toBe('limit-exceeded');
  });

  it('refuses one byte over the size limit before reading anything', () => {
    const input = Buffer.alloc(DEFAULT_LIMITS.maxLength + 1, 0x41);
    expect(refused(input).code).toBe('too-large');
    expect(refused(MSH + 'x'.repeat(100), { limits: { maxLength: 100 } }).code).toBe('too-large');
  });

  it.each([
    ['field separators', MSH + '\rPID' + '|'.repeat(TEN_MB)],
    ['components in one field', MSH + '\rPID|1||' + '^'.repeat(TEN_MB)],
    ['blank lines', MSH + '\n'.repeat(TEN_MB)],
    ['short segments', MSH + '\rZZZ'.repeat(TEN_MB / 4)],
    ['line endings before the header', '\r'.repeat(TEN_MB) + 'PID|1'],
  ])('refuses a flood of %s', (_name, input) => {
    const error = refused(input);
    expect(['limit-exceeded', 'missing-header']).toContain(error.code);
  });
});

describe('hostile shapes', () => {
  it('refuses PID-5 repeated 10,000 times, naming the field', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `DOE${i}^JANE`).join('~');
    const error = refused(`${MSH}\rPID|1||123||${names}`);
    expect(error.code).toBe('limit-exceeded');
    expect(error.location).toMatchObject({ segment: 'PID', field: 5 });
  });

  it('bounds escape expansion', () => {
    const flood = '\\.sp 99999\\'.repeat(50_000);
    const msg = timed(`${MSH}\rNTE|1||${flood}`) as Hl7Message;
    expect(msg.get('NTE-3').length).toBe(50_000 * 20);
  });

  it('parses a long run of hex escapes', () => {
    const msg = timed(`${MSH}\rNTE|1||${'\\X41424344\\'.repeat(80_000)}`) as Hl7Message;
    expect(msg.get('NTE-3')).toBe('ABCD'.repeat(80_000));
  });

  it('applies the caller’s limits', () => {
    const msg = `${MSH}\rPID|1||a~b~c\rPV1|1\rPV2|1`;
    expect(refused(msg, { limits: { maxSegments: 3 } }).code).toBe('limit-exceeded');
    expect(refused(msg, { limits: { maxRepetitions: 2 } }).location).toMatchObject({
      segment: 'PID',
      field: 3,
    });
    expect(refused(msg, { limits: { maxFieldLength: 4 } }).code).toBe('limit-exceeded');
    expect(refused(msg, { limits: { maxFieldsPerSegment: 5 } }).location?.segment).toBe('MSH');
    expect(refused(msg, { limits: { maxValues: 10 } }).code).toBe('limit-exceeded');
    expect(timed(msg)).not.toBeInstanceOf(Hl7ParseError);
  });
});
