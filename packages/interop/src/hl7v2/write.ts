/**
 * HL7 v2 writer: the model back to text, every value escaped so that what `parseHl7` reads
 * back is exactly what was written (a name holding `|^~`, a backslash or a line break
 * included). Each segment ends with a carriage return (chapter 2: "Each segment is ended
 * with a carriage return character").
 */
import type { Hl7Delimiters } from './delimiters';
import { DEFAULT_DELIMITERS, encodingCharacters, isUsableDelimiters } from './delimiters';
import { escapeHl7 } from './escaping';
import type { Hl7Field, Hl7Segment } from './message';
import { Hl7Message } from './message';

export interface WriteOptions {
  /** `\r` by default, as the standard says; `\n` or `\r\n` only for files meant for people. */
  segmentEnding?: '\r' | '\n' | '\r\n';
}

const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;

/**
 * Writes a message. MSH-1 and MSH-2 are written from `message.delimiters`, whatever the MSH
 * segment's first two fields hold. Throws RangeError for a model no parser could read back
 * (first segment not MSH, a second MSH, a bad segment name, unusable delimiters): that is a
 * bug in the caller, never a property of received data.
 */
export function writeHl7(message: Hl7Message, options: WriteOptions = {}): string {
  const d = message.delimiters;
  if (!isUsableDelimiters(d)) throw new RangeError('Unusable HL7 delimiters');
  const ending = options.segmentEnding ?? '\r';
  let out = '';
  message.segmentList.forEach((segment, index) => {
    if (!SEGMENT_NAME.test(segment.name)) {
      throw new RangeError(`Bad segment name ${JSON.stringify(segment.name)}`);
    }
    if ((index === 0) !== (segment.name === 'MSH')) {
      throw new RangeError('A message starts with MSH and holds exactly one');
    }
    out += writeSegment(segment, d) + ending;
  });
  return out;
}

function writeSegment(segment: Hl7Segment, d: Hl7Delimiters): string {
  if (segment.name !== 'MSH') {
    return segment.name + segment.fields.map((f) => d.field + writeField(f, d)).join('');
  }
  const rest = segment.fields.slice(2).map((f) => d.field + writeField(f, d));
  return 'MSH' + d.field + encodingCharacters(d) + rest.join('');
}

function writeField(field: Hl7Field, d: Hl7Delimiters): string {
  return field
    .map((rep) =>
      rep
        .map((comp) => comp.map((value) => escapeHl7(value, d)).join(d.subcomponent))
        .join(d.component),
    )
    .join(d.repetition);
}

/** A field as callers like to give it: one value, a list of components, or the full shape. */
export type FieldInput = string | readonly string[] | Hl7Field;

/** `'x'` → one value; `['a', 'b']` → components a^b; an Hl7Field is taken as is. */
export function toField(value: FieldInput): Hl7Field {
  if (typeof value === 'string') return [[[value]]];
  if (value.length === 0) return [];
  const list = value as readonly (string | Hl7Field[number])[];
  if (list.every((v): v is string => typeof v === 'string')) return [list.map((c) => [c])];
  return value as Hl7Field;
}

/**
 * A segment from field inputs, `fields[0]` being field 1. For MSH give MSH-3 onwards with
 * `headerSegment`, which fills MSH-1/MSH-2 from the delimiters.
 */
export function buildSegment(name: string, fields: readonly FieldInput[]): Hl7Segment {
  return { name, fields: fields.map(toField) };
}

/** An MSH segment: MSH-1 and MSH-2 from `delimiters`, then `fromMsh3` as MSH-3, MSH-4, … */
export function headerSegment(
  fromMsh3: readonly FieldInput[],
  delimiters: Hl7Delimiters = DEFAULT_DELIMITERS,
): Hl7Segment {
  return {
    name: 'MSH',
    fields: [
      [[[delimiters.field]]],
      [[[encodingCharacters(delimiters)]]],
      ...fromMsh3.map(toField),
    ],
  };
}

/** A message from an MSH built by `headerSegment` and the segments that follow it. */
export function buildMessage(
  header: Hl7Segment,
  rest: readonly Hl7Segment[],
  delimiters: Hl7Delimiters = DEFAULT_DELIMITERS,
): Hl7Message {
  return new Hl7Message([header, ...rest], delimiters);
}
