/**
 * HL7 v2 (2.3 to 2.8) message parser. Contract: for any input whatsoever it returns an
 * Hl7Message or throws Hl7ParseError, and a 10 MB input is parsed or refused in well under
 * two seconds (security brief, G2) because every count is bounded before it is allocated.
 * HL7 v2 chapter 2 (Control), "Message construction rules".
 */
import type { Hl7Charset } from './charset';
import { charsetFor, decodeBytes, DEFAULT_CHARSET } from './charset';
import type { Hl7Delimiters } from './delimiters';
import { delimitersFrom } from './delimiters';
import type { Hl7Location, Hl7ParseErrorCode } from './errors';
import { Hl7ParseError } from './errors';
import type { UnescapeContext } from './escaping';
import { unescapeValue } from './escaping';
import type { Hl7Component, Hl7Field, Hl7Segment } from './message';
import { component, Hl7Message } from './message';

/** Bounds that keep a hostile message from costing more than a few tens of MB or a second. */
export interface Hl7Limits {
  /** Characters of a string, or bytes of a Buffer. Matches the MLLP frame limit. */
  maxLength: number;
  /** Lines, blank ones included (a flood of empty lines is work too). */
  maxSegments: number;
  maxFieldsPerSegment: number;
  /** Characters in one field as sent. Raise it for channels carrying ED attachments. */
  maxFieldLength: number;
  maxRepetitions: number;
  maxComponents: number;
  maxSubcomponents: number;
  /** Subcomponent values in the whole message: bounds the objects the model allocates. */
  maxValues: number;
}

export const DEFAULT_LIMITS: Readonly<Hl7Limits> = Object.freeze({
  maxLength: 10 * 1024 * 1024,
  maxSegments: 10_000,
  maxFieldsPerSegment: 1_000,
  maxFieldLength: 1024 * 1024,
  maxRepetitions: 1_000,
  maxComponents: 100,
  maxSubcomponents: 100,
  maxValues: 500_000,
});

/** MSH-12 values accepted by default: the versions the standards brief covers. */
export const SUPPORTED_VERSIONS: readonly string[] = Object.freeze([
  '2.3',
  '2.3.1',
  '2.4',
  '2.5',
  '2.5.1',
  '2.6',
  '2.7',
  '2.7.1',
  '2.8',
  '2.8.1',
  '2.8.2',
]);

export interface ParseOptions {
  limits?: Partial<Hl7Limits>;
  /** MSH-18 value assumed when the message leaves it empty; see DEFAULT_CHARSET for why. */
  defaultCharset?: string;
  /** Accepted MSH-12.1 values. */
  versions?: readonly string[];
  /** `strict` (default): unknown or unterminated escapes are errors; `lenient`: kept as sent. */
  escapes?: 'strict' | 'lenient';
  /** `text` (default): \.br\ becomes a line break etc.; `keep`: formatting left as sent. */
  formatting?: 'text' | 'keep';
}

const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;
const LINE_END = /\r\n?|\n/g;
const BLANK = /^[ \t]*$/;

/**
 * Parses one HL7 v2 message. Throws only Hl7ParseError (see its `code`). A Buffer is decoded
 * by MSH-18; a string is taken as already decoded, so MSH-18 then only governs \X..\ escapes.
 */
export function parseHl7(input: string | Uint8Array, options: ParseOptions = {}): Hl7Message {
  try {
    return parseOrThrow(input, options);
  } catch (error) {
    if (error instanceof Hl7ParseError) throw error;
    throw new Hl7ParseError('internal', 'The HL7 v2 parser failed unexpectedly', undefined, {
      cause: error,
    });
  }
}

interface Header {
  start: number;
  delimiters: Hl7Delimiters;
  charset: Hl7Charset;
}

function parseOrThrow(input: string | Uint8Array, options: ParseOptions): Hl7Message {
  const isText = typeof input === 'string';
  if (!isText && !(input instanceof Uint8Array)) {
    throw new Hl7ParseError('invalid-input', 'An HL7 v2 message must be a string or a Buffer');
  }
  const limits: Hl7Limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (input.length > limits.maxLength) {
    throw new Hl7ParseError(
      'too-large',
      `Message is ${input.length} ${isText ? 'characters' : 'bytes'}, over the ${limits.maxLength} limit`,
    );
  }
  let text: string;
  let header: Header;
  if (isText) {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    header = readHeader(text, options);
  } else {
    const hasBom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
    const bytes = hasBom ? input.subarray(3) : input;
    // Delimiters and MSH-18 are ASCII, so a latin1 view (one char per byte) is enough to
    // find out how the rest must be decoded.
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    header = readHeader(view, options);
    const { charset } = header;
    if (hasBom && charset.decoding !== 'utf8') {
      throw new Hl7ParseError(
        'charset-mismatch',
        `A UTF-8 byte-order mark contradicts MSH-18 ${JSON.stringify(charset.name)}`,
      );
    }
    const decoded = charset.decoding === 'latin1' ? view : decodeBytes(bytes, charset);
    if (decoded === undefined) {
      throw new Hl7ParseError(
        'charset-mismatch',
        `The bytes are not valid ${charset.name}; declare the real character set in MSH-18 (e.g. 8859/1)`,
      );
    }
    // Leading line ends are ASCII in every supported set: find the start again in the text.
    text = decoded;
    header = { ...header, start: skipLeadingLineEnds(text) };
  }
  return parseSegments(text, header, limits, options);
}

function skipLeadingLineEnds(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 0x0d || text.charCodeAt(i) === 0x0a) i++;
  return i;
}

/** MSH-1, MSH-2 and MSH-18 straight from the text, before any field is split. */
function readHeader(text: string, options: ParseOptions): Header {
  const start = skipLeadingLineEnds(text);
  if (text.slice(start, start + 3) !== 'MSH') {
    if (/^\s*$/.test(text)) throw new Hl7ParseError('empty', 'The message is empty');
    throw new Hl7ParseError('missing-header', 'A message must start with an MSH segment');
  }
  const at: Hl7Location = { segment: 'MSH', sequence: 1, line: 1 };
  const separator = text.charAt(start + 3);
  let end = start + 4;
  while (end < text.length && end < start + 10) {
    const ch = text.charAt(end);
    if (ch === separator || ch === '\r' || ch === '\n') break;
    end++;
  }
  const found = delimitersFrom(separator, text.slice(start + 4, end));
  if ('problem' in found) {
    throw new Hl7ParseError('invalid-delimiters', found.problem, { ...at, field: 2 });
  }
  LINE_END.lastIndex = start;
  const lineEnd = LINE_END.exec(text)?.index ?? text.length;
  // MSH-n is part n-1 of the line split on MSH-1 (the separator itself is not a part).
  const msh18 = text.slice(start, lineEnd).split(separator, 18)[17] ?? '';
  const declared = msh18.split(found.repetition, 1)[0]?.split(found.component, 1)[0] ?? '';
  const wanted = declared.trim() === '' ? (options.defaultCharset ?? DEFAULT_CHARSET) : declared;
  const charset = charsetFor(wanted);
  if (!charset) {
    throw new Hl7ParseError(
      'unsupported-charset',
      `Character set ${JSON.stringify(wanted.slice(0, 40))} is not supported`,
      { ...at, field: 18 },
    );
  }
  return { start, delimiters: found, charset };
}

interface SegmentContext {
  limits: Hl7Limits;
  unescape: UnescapeContext;
  values: number;
}

function parseSegments(
  text: string,
  header: Header,
  limits: Hl7Limits,
  options: ParseOptions,
): Hl7Message {
  const ctx: SegmentContext = {
    limits,
    values: 0,
    unescape: {
      delimiters: header.delimiters,
      charset: header.charset,
      escapes: options.escapes ?? 'strict',
      formatting: options.formatting ?? 'text',
    },
  };
  const segments: Hl7Segment[] = [];
  const occurrences = new Map<string, number>();
  let pos = header.start;
  let lines = 0;
  while (pos <= text.length) {
    LINE_END.lastIndex = pos;
    const match = LINE_END.exec(text);
    const end = match ? match.index : text.length;
    const raw = text.slice(pos, end);
    pos = match ? end + match[0].length : text.length + 1;
    if (++lines > limits.maxSegments) {
      throw new Hl7ParseError('limit-exceeded', `More than ${limits.maxSegments} segments`);
    }
    if (BLANK.test(raw)) continue; // blank lines between or after segments (corpus has them)
    const name = raw.slice(0, 3);
    const sequence = (occurrences.get(name) ?? 0) + 1;
    occurrences.set(name, sequence);
    const at: Hl7Location = { segment: name, sequence, line: segments.length + 1 };
    const segment = parseSegment(raw, at, ctx);
    if (segments.length === 0) checkHeader(segment, at, options);
    segments.push(segment);
  }
  return new Hl7Message(segments, header.delimiters);
}

function parseSegment(raw: string, at: Hl7Location, ctx: SegmentContext): Hl7Segment {
  const d = ctx.unescape.delimiters;
  if (!SEGMENT_NAME.test(at.segment) || (raw.length > 3 && raw.charAt(3) !== d.field)) {
    throw new Hl7ParseError(
      'invalid-segment',
      `Segment must start with a three-character name and ${JSON.stringify(d.field)}: ${JSON.stringify(raw.slice(0, 8))}`,
      { ...at, segment: at.segment.replace(/[^ -~]/g, '?') },
    );
  }
  const isHeader = at.segment === 'MSH';
  if (isHeader && at.line > 1) {
    throw new Hl7ParseError('unexpected-header', 'A second MSH segment: one message per parse', at);
  }
  const max = ctx.limits.maxFieldsPerSegment;
  const parts = raw.split(d.field, max + 2);
  if (parts.length - 1 > max) {
    throw new Hl7ParseError('limit-exceeded', `More than ${max} fields in one segment`, at);
  }
  const fields: Hl7Field[] = [];
  // MSH-1 is the separator itself and MSH-2 holds the encoding characters verbatim: neither
  // is split or unescaped (chapter 2, MSH-1 and MSH-2 definitions).
  if (isHeader) fields.push([[[d.field]]], [[[parts[1] ?? '']]]);
  for (let i = isHeader ? 2 : 1; i < parts.length; i++) {
    fields.push(parseField(parts[i] ?? '', at, isHeader ? i + 1 : i, ctx));
  }
  return { name: at.segment, fields };
}

/**
 * One field into repetitions, components and subcomponents. This is the hot loop of a large
 * message, so it uses plain loops and builds a location object only when it throws.
 */
function parseField(raw: string, at: Hl7Location, field: number, ctx: SegmentContext): Hl7Field {
  const { limits } = ctx;
  const d = ctx.unescape.delimiters;
  const fail = (code: Hl7ParseErrorCode, message: string, r?: number, c?: number, s?: number) =>
    new Hl7ParseError(code, message, {
      ...at,
      field,
      repetition: r,
      component: c,
      subcomponent: s,
    });
  if (raw.length > limits.maxFieldLength) {
    throw fail('limit-exceeded', `Field longer than ${limits.maxFieldLength}`);
  }
  if (
    raw.indexOf(d.repetition) < 0 &&
    raw.indexOf(d.component) < 0 &&
    raw.indexOf(d.subcomponent) < 0 &&
    raw.indexOf(d.escape) < 0
  ) {
    if (++ctx.values > limits.maxValues) throw fail('limit-exceeded', tooMany(limits));
    return [[[raw]]];
  }
  const reps = raw.split(d.repetition, limits.maxRepetitions + 1);
  if (reps.length > limits.maxRepetitions) {
    throw fail('limit-exceeded', `More than ${limits.maxRepetitions} repetitions in one field`);
  }
  const out: Hl7Component[][] = [];
  for (let r = 0; r < reps.length; r++) {
    const comps = (reps[r] ?? '').split(d.component, limits.maxComponents + 1);
    if (comps.length > limits.maxComponents) {
      throw fail('limit-exceeded', `More than ${limits.maxComponents} components`, r + 1);
    }
    const repetition: Hl7Component[] = [];
    for (let c = 0; c < comps.length; c++) {
      const comp = comps[c] ?? '';
      const subs =
        comp.indexOf(d.subcomponent) < 0
          ? [comp]
          : comp.split(d.subcomponent, limits.maxSubcomponents + 1);
      if (subs.length > limits.maxSubcomponents) {
        throw fail(
          'limit-exceeded',
          `More than ${limits.maxSubcomponents} subcomponents`,
          r + 1,
          c + 1,
        );
      }
      ctx.values += subs.length;
      if (ctx.values > limits.maxValues)
        throw fail('limit-exceeded', tooMany(limits), r + 1, c + 1);
      for (let s = 0; s < subs.length; s++) {
        const sub = subs[s] ?? '';
        if (sub.indexOf(d.escape) < 0) continue;
        const value = unescapeValue(sub, ctx.unescape);
        if (typeof value !== 'string')
          throw fail('invalid-escape', value.problem, r + 1, c + 1, s + 1);
        subs[s] = value;
      }
      repetition.push(subs);
    }
    out.push(repetition);
  }
  return out;
}

const tooMany = (limits: Hl7Limits) => `More than ${limits.maxValues} values in the message`;

/**
 * MSH-9 (message type), MSH-10 (control ID) and MSH-12 (version) are required in every
 * version 2.3 to 2.8; without them a message can be neither routed, deduplicated nor ACKed.
 */
function checkHeader(msh: Hl7Segment, at: Hl7Location, options: ParseOptions): void {
  for (const [n, what] of [
    [9, 'message type'],
    [10, 'message control ID'],
    [12, 'version ID'],
  ] as const) {
    if (component(msh, n).trim() === '') {
      throw new Hl7ParseError('missing-header-field', `MSH-${n} (${what}) is empty`, {
        ...at,
        field: n,
      });
    }
  }
  const version = component(msh, 12);
  if (!(options.versions ?? SUPPORTED_VERSIONS).includes(version)) {
    throw new Hl7ParseError(
      'unsupported-version',
      `HL7 version ${JSON.stringify(version.slice(0, 20))} is not supported`,
      { ...at, field: 12 },
    );
  }
}
