/**
 * HL7 v2 escape sequences, both ways. HL7 v2 chapter 2 (Control), "Use of escape sequences in
 * text fields": \F\ \S\ \T\ \R\ \E\ stand for the delimiters, \P\ for the v2.7 truncation
 * character, \Xhh..\ for bytes in the message's character set, \H\ \N\ and \.br\ and friends
 * for formatting, \Zxx\ for locally defined sequences.
 */
import type { Hl7Charset } from './charset';
import { decodeBytes } from './charset';
import type { Hl7Delimiters } from './delimiters';
import { DEFAULT_DELIMITERS } from './delimiters';

export interface UnescapeContext {
  delimiters: Hl7Delimiters;
  charset: Hl7Charset;
  /** `strict`: an unknown or unterminated sequence is an error. `lenient`: kept as written. */
  escapes: 'strict' | 'lenient';
  /** `text`: formatting commands become line breaks and spaces. `keep`: left as written. */
  formatting: 'text' | 'keep';
}

/**
 * A formatting command may repeat a line break or space; a sender must not be able to turn
 * ten bytes (`\.sp 99999\`) into megabytes, so the count is capped.
 */
const MAX_FORMATTING_REPEAT = 20;

const FORMATTING = /^\.(br|sp|sk|ce|fi|nf|in|ti)(?: ?([+-]?\d{1,9}))?$/;
const HEX = /^(?:[0-9A-Fa-f]{2})+$/;

type Decoded = string | { problem: string };

/** What one sequence body (the text between two escape characters) stands for. */
function decodeSequence(body: string, ctx: UnescapeContext): Decoded {
  const d = ctx.delimiters;
  switch (body) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    case 'P':
      return d.truncation ?? { problem: '\\P\\ used but MSH-2 declares no truncation character' };
    case 'H':
    case 'N':
      // Highlight on / off: presentation only.
      return ctx.formatting === 'text' ? '' : d.escape + body + d.escape;
  }
  const kind = body.charAt(0);
  if (kind === 'X') {
    const hex = body.slice(1);
    if (!HEX.test(hex)) return { problem: `malformed hex escape \\${body}\\` };
    const text = decodeBytes(Buffer.from(hex, 'hex'), ctx.charset);
    return text ?? { problem: `hex escape \\${body}\\ is not valid ${ctx.charset.name}` };
  }
  if (kind === 'Z') return d.escape + body + d.escape; // locally defined: meaning unknown here
  if (kind === 'C' || kind === 'M') {
    return { problem: `character-set switching escape \\${body}\\ is not supported` };
  }
  const format = FORMATTING.exec(body);
  if (format) {
    if (ctx.formatting === 'keep') return d.escape + body + d.escape;
    const count = Math.min(Math.max(Math.abs(Number(format[2] ?? 1)), 1), MAX_FORMATTING_REPEAT);
    const command = format[1];
    if (command === 'br' || command === 'ce') return '\n';
    if (command === 'sp') return '\n'.repeat(count);
    if (command === 'sk') return ' '.repeat(count);
    return ''; // .fi .nf .in .ti: fill and indent modes, presentation only
  }
  return { problem: `unknown escape sequence \\${body.slice(0, 20)}\\` };
}

/**
 * Resolves the escape sequences in one subcomponent value. Values are split on delimiters
 * before this runs, so an escaped delimiter never splits anything.
 */
export function unescapeValue(raw: string, ctx: UnescapeContext): Decoded {
  const esc = ctx.delimiters.escape;
  let start = raw.indexOf(esc);
  if (start < 0) return raw;
  let out = raw.slice(0, start);
  while (start >= 0) {
    const end = raw.indexOf(esc, start + 1);
    if (end < 0) {
      if (ctx.escapes === 'strict') return { problem: 'unterminated escape sequence' };
      return out + raw.slice(start);
    }
    const decoded = decodeSequence(raw.slice(start + 1, end), ctx);
    if (typeof decoded === 'string') out += decoded;
    else if (ctx.escapes === 'strict') return decoded;
    else out += raw.slice(start, end + 1);
    start = raw.indexOf(esc, end + 1);
    out += raw.slice(end + 1, start < 0 ? undefined : start);
  }
  return out;
}

/**
 * Escapes a value for writing: the five delimiters (and the v2.7 truncation character when
 * the message declares one) become \F\ \S\ \T\ \R\ \E\ \P\, and control characters, CR and
 * LF above all, become \Xhh\ so a value can never end a segment or break MLLP framing
 * (0x0B, 0x1C). Tab is left as is.
 */
export function escapeHl7(text: string, delimiters: Hl7Delimiters = DEFAULT_DELIMITERS): string {
  const d = delimiters;
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    let replacement: string | undefined;
    if (ch === d.escape) replacement = 'E';
    else if (ch === d.field) replacement = 'F';
    else if (ch === d.component) replacement = 'S';
    else if (ch === d.subcomponent) replacement = 'T';
    else if (ch === d.repetition) replacement = 'R';
    else if (ch === d.truncation) replacement = 'P';
    else if (code < 0x20 && code !== 0x09)
      replacement = 'X' + code.toString(16).padStart(2, '0').toUpperCase();
    if (replacement === undefined) continue;
    out += text.slice(plainFrom, i) + d.escape + replacement + d.escape;
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? text : out + text.slice(plainFrom);
}
