/**
 * Property tests (security brief §3.6: structure-aware fast-check generators are the primary
 * fuzzing; properties: parse(write(x)) == x, and the parser only ever throws its own error).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hl7Delimiters } from './delimiters';
import { DEFAULT_DELIMITERS } from './delimiters';
import { Hl7ParseError } from './errors';
import type { Hl7Field, Hl7Message, Hl7Segment } from './message';
import { parseHl7, SUPPORTED_VERSIONS } from './parse';
import { buildMessage, headerSegment, writeHl7 } from './write';

const RUNS = 2_000;

const SPECIALS = ['|', '^', '~', '\\', '&', '#', '\r', '\n', '\r\n', '\u000b', '\u001c', '\\F\\'];
const specialHeavy = fc.string({
  unit: fc.constantFrom(...SPECIALS, 'a', 'Z', ' ', 'é', 'ễ', '😀', '"'),
  maxLength: 8,
});

/** Values with the characters that break naive writers: delimiters, CR/LF, non-ASCII. */
function valueArb(unit: 'binary' | 'grapheme'): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit, maxLength: 10 }),
    specialHeavy,
    fc.constantFrom('', '""', 'Nguyễn', 'O’Brien', 'Null', '\\.br\\', 'a\u0000b'),
  );
}

function fieldArb(value: fc.Arbitrary<string>): fc.Arbitrary<Hl7Field> {
  const component = fc.array(value, { minLength: 1, maxLength: 3 });
  const repetition = fc.array(component, { minLength: 1, maxLength: 3 });
  return fc.array(repetition, { minLength: 1, maxLength: 3 });
}

const delimiterSets: Hl7Delimiters[] = [
  DEFAULT_DELIMITERS,
  { ...DEFAULT_DELIMITERS, truncation: '#' },
  { field: '#', component: '*', repetition: '!', escape: '$', subcomponent: '@' },
];

function messageArb(unit: 'binary' | 'grapheme'): fc.Arbitrary<Hl7Message> {
  const value = valueArb(unit);
  const field = fieldArb(value);
  const segment: fc.Arbitrary<Hl7Segment> = fc.record({
    name: fc.constantFrom('EVN', 'PID', 'NK1', 'PV1', 'OBX', 'NTE', 'ZX9'),
    fields: fc.array(field, { maxLength: 6 }),
  });
  const controlId = value.filter((v) => v.trim() !== '');
  return fc
    .record({
      delimiters: fc.constantFrom(...delimiterSets),
      from3: fc.array(field, { minLength: 5, maxLength: 5 }),
      controlId,
      version: fc.constantFrom(...SUPPORTED_VERSIONS),
      body: fc.array(segment, { maxLength: 6 }),
    })
    .map(({ delimiters, from3, controlId, version, body }) => {
      const msh = headerSegment(
        [...from3, '', ['ADT', 'A03', 'ADT_A03'], [[[controlId]]], 'P', version],
        delimiters,
      );
      return buildMessage(msh, body, delimiters);
    });
}

/**
 * Deep equality of two models. JSON comparison is exact for these plain string arrays and
 * much faster than expect().toEqual, which is only called to report a difference.
 */
function expectSameSegments(actual: readonly Hl7Segment[], expected: readonly Hl7Segment[]) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

/** Fails the property on anything but an Hl7ParseError of a known, non-internal kind. */
function parsesOrRefuses(input: string | Uint8Array): void {
  let parsed: Hl7Message;
  try {
    parsed = parseHl7(input);
  } catch (error) {
    if (!(error instanceof Hl7ParseError)) throw error;
    expect(error.code).not.toBe('internal');
    return;
  }
  // What parses must survive its own round trip.
  expectSameSegments(parseHl7(writeHl7(parsed)).segmentList, parsed.segmentList);
}

describe('write then parse returns the same message', () => {
  it('for arbitrary values in text', () => {
    fc.assert(
      fc.property(messageArb('binary'), (message) => {
        const text = writeHl7(message);
        // No value may end a segment early: exactly one CR per segment, no LF at all.
        if (text.split('\r').length !== message.segmentList.length + 1 || text.includes('\n')) {
          expect.fail(`a value ended a segment early: ${JSON.stringify(text)}`);
        }
        const again = parseHl7(text);
        expectSameSegments(again.segmentList, message.segmentList);
        expect(again.delimiters).toEqual(message.delimiters);
      }),
      { numRuns: RUNS },
    );
  });

  it('for arbitrary values as UTF-8 bytes, with CRLF or LF endings', () => {
    fc.assert(
      fc.property(
        messageArb('grapheme'),
        fc.constantFrom<['\r', '\n', '\r\n']>('\r', '\n', '\r\n'),
        (message, segmentEnding) => {
          const bytes = Buffer.from(writeHl7(message, { segmentEnding }), 'utf8');
          expectSameSegments(parseHl7(bytes).segmentList, message.segmentList);
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });
});

describe('the parser only ever throws Hl7ParseError', () => {
  const header = fc.constantFrom(
    '',
    'MSH|^~\\&|',
    'MSH|^~\\&#|',
    'MSH|^~\\&|S|F|R|RF|2025||ADT^A01|C1|P|2.5',
    'MSH|^~\\&|S|F|R|RF|2025||ADT^A01|C1|P|2.8||||||8859/1\r',
    'MSH|^~\\&|S|F|R|RF|2025||ADT^A01|C1|P|2.4||||||UNICODE UTF-8\rPID|',
  );

  it('on random text after a plausible header', () => {
    const tail = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), specialHeavy);
    fc.assert(
      fc.property(header, fc.array(tail, { maxLength: 8 }), (head, parts) =>
        parsesOrRefuses(head + parts.join('')),
      ),
      { numRuns: RUNS },
    );
  });

  it('on random bytes after a plausible header', () => {
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 300 }), (head, tail) =>
        parsesOrRefuses(Buffer.concat([Buffer.from(head, 'latin1'), tail])),
      ),
      { numRuns: RUNS },
    );
  });

  it('on valid messages with random edits (inserts, deletions, truncation)', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 4 }),
      insert: fc.oneof(
        specialHeavy,
        fc.constantFrom('\\X', '\\XC3\\', '\\.sp 9\\', '\\P\\', '\\Z', 'MSH|', '\rZZ', '\r\r'),
      ),
    });
    fc.assert(
      fc.property(messageArb('binary'), fc.array(edit, { maxLength: 5 }), (message, edits) => {
        let text = writeHl7(message);
        for (const { at, remove, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
        }
        parsesOrRefuses(text);
      }),
      { numRuns: RUNS },
    );
  });
});
