/**
 * What an ACK needs to know about the message it answers, read either from a parsed message
 * or, best effort, from a message too broken to parse. A sender must get an AE/AR back even
 * for garbage (security brief, HL7: "Expected answer: an AE/AR ACK, never a crash"), so the
 * broken-input reader never throws and copies nothing unbounded.
 */
import { isUtf8 } from 'node:buffer';
import type { Hl7Delimiters } from './delimiters';
import { DEFAULT_DELIMITERS, delimitersFrom } from './delimiters';
import { unescapeValue } from './escaping';
import { charsetFor } from './charset';
import type { Hl7Field, Hl7Message } from './message';
import { component, field } from './message';

export interface AckSource {
  delimiters: Hl7Delimiters;
  /** MSH-3 to MSH-6 of the original, swapped into the ACK's MSH-5/6 and MSH-3/4. */
  sendingApplication: Hl7Field;
  sendingFacility: Hl7Field;
  receivingApplication: Hl7Field;
  receivingFacility: Hl7Field;
  /** MSH-9.2, echoed in the ACK's MSH-9.2. */
  trigger: string;
  /** MSH-10, echoed in MSA-2. */
  controlId: string;
  /** MSH-11 and MSH-12, copied so the ACK travels in the same processing mode and version. */
  processingId: Hl7Field;
  version: Hl7Field;
  /** MSH-18, copied so the ACK is read in the character set the sender uses. */
  charset: Hl7Field;
}

/** The parts of a parsed message's MSH an ACK echoes. */
export function ackSourceOf(original: Hl7Message): AckSource {
  const h = original.header;
  return {
    delimiters: original.delimiters,
    sendingApplication: field(h, 3),
    sendingFacility: field(h, 4),
    receivingApplication: field(h, 5),
    receivingFacility: field(h, 6),
    trigger: component(h, 9, 2),
    controlId: component(h, 10),
    processingId: field(h, 11),
    version: field(h, 12),
    charset: field(h, 18),
  };
}

/** Never read more than this of a broken message, and never copy a longer value. */
const MAX_HEADER_SCAN = 4096;
const MAX_VALUE = 199; // MSH-10 is ST(199) from v2.5; nothing we echo needs more

const VERSION = /^2\.\d{1,2}(?:\.\d{1,2})?$/;
const charsetForEscapes = charsetFor('UNICODE UTF-8') ?? {
  name: 'UNICODE UTF-8',
  decoding: 'utf8',
};

/**
 * Best-effort MSH of a message that did not parse: whatever of MSH-3..6, 9, 10, 11, 12 and 18
 * can be read, bounded in length; values split and unescaped leniently when MSH-1/MSH-2 are
 * usable, kept whole otherwise (the writer escapes them either way). `undefined` or input
 * with no MSH at all gives an empty source with the default delimiters.
 */
export function readPartialHeader(received: string | Uint8Array | undefined): AckSource {
  const line = firstLine(received);
  const empty: AckSource = {
    delimiters: DEFAULT_DELIMITERS,
    sendingApplication: [],
    sendingFacility: [],
    receivingApplication: [],
    receivingFacility: [],
    trigger: '',
    controlId: '',
    processingId: [],
    version: [],
    charset: [],
  };
  if (!line.startsWith('MSH') || line.length < 4) return empty;
  const separator = line.charAt(3);
  if (/[A-Za-z0-9\s]/.test(separator)) return empty;
  const parts = line.split(separator);
  const found = delimitersFrom(separator, parts[1] ?? '');
  const delimiters = 'problem' in found ? DEFAULT_DELIMITERS : found;
  const read = (n: number): Hl7Field => {
    const raw = (parts[n - 1] ?? '').slice(0, MAX_VALUE);
    if ('problem' in found) return raw === '' ? [] : [[[raw]]];
    return raw.split(found.repetition).map((rep) =>
      rep.split(found.component).map((comp) =>
        comp.split(found.subcomponent).map((sub) => {
          const value = unescapeValue(sub, {
            delimiters: found,
            charset: charsetForEscapes,
            escapes: 'lenient',
            formatting: 'keep',
          });
          return typeof value === 'string' ? value : sub;
        }),
      ),
    );
  };
  const first = (f: Hl7Field): string => f[0]?.[0]?.[0] ?? '';
  const version = read(12);
  return {
    delimiters,
    sendingApplication: read(3),
    sendingFacility: read(4),
    receivingApplication: read(5),
    receivingFacility: read(6),
    trigger: read(9)[0]?.[1]?.[0] ?? '',
    controlId: first(read(10)),
    processingId: read(11),
    version: VERSION.test(first(version)) ? version : [],
    charset: charsetFor(first(read(18))) ? read(18) : [],
  };
}

/** The first non-blank line, after a byte-order mark and any MLLP start byte, capped. */
function firstLine(received: string | Uint8Array | undefined): string {
  if (received === undefined) return '';
  let text: string;
  if (typeof received === 'string') {
    text = received.slice(0, MAX_HEADER_SCAN);
  } else if (received instanceof Uint8Array) {
    const head = Buffer.from(received.buffer, received.byteOffset, received.byteLength).subarray(
      0,
      MAX_HEADER_SCAN,
    );
    // A cut in the middle of a UTF-8 sequence makes the prefix invalid; latin1 then still
    // recovers every ASCII field, which is all an ACK header needs.
    text = head.toString(isUtf8(head) ? 'utf8' : 'latin1');
  } else {
    return '';
  }
  let start = 0;
  while (['\ufeff', '\u000b', '\r', '\n'].includes(text.charAt(start))) start++;
  text = text.slice(start);
  return text.split(/\r\n?|\n/, 1)[0] ?? '';
}
