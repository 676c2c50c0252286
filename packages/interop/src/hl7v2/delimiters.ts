/**
 * HL7 v2 delimiters. Every message declares its own in MSH-1 (the byte right after "MSH")
 * and MSH-2 (component, repetition, escape, subcomponent, and from v2.7 the truncation
 * character), so they are read from each message and never assumed.
 * HL7 v2 chapter 2 (Control), "Message delimiters" and the MSH-1 / MSH-2 definitions.
 */

export interface Hl7Delimiters {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
  /** v2.7+: marks a value the sender cut short. Absent when MSH-2 has four characters. */
  truncation?: string | undefined;
}

/** The recommended set, `|^~\&` (no truncation character: what v2.3 to v2.6 senders use). */
export const DEFAULT_DELIMITERS: Readonly<Hl7Delimiters> = Object.freeze({
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
});

/** MSH-2 as written in a message: `^~\&`, or `^~\&#` with a truncation character. */
export function encodingCharacters(d: Hl7Delimiters): string {
  return d.component + d.repetition + d.escape + d.subcomponent + (d.truncation ?? '');
}

/**
 * Why a candidate delimiter is unusable, or undefined when it is fine. Letters, digits,
 * spaces and control characters would collide with data or with segment endings, so only
 * printable ASCII punctuation is accepted (chapter 2: delimiters are displayable characters that
 * must not occur in data unescaped).
 */
function unusable(ch: string): string | undefined {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1 || code < 0x21 || code > 0x7e) return 'is not printable ASCII';
  if (/[A-Za-z0-9]/.test(ch)) return 'is a letter or digit';
  return undefined;
}

/**
 * Builds the delimiter set from MSH-1 and the raw MSH-2, or returns the reason it cannot.
 * MSH-2 must have 4 characters (v2.3 to v2.6) or 5 (v2.7+, with the truncation character);
 * 3 or 6 are among the hostile headers the security brief lists.
 */
export function delimitersFrom(
  fieldSeparator: string,
  encoding: string,
): Hl7Delimiters | { problem: string } {
  if (encoding.length !== 4 && encoding.length !== 5) {
    return { problem: `MSH-2 must have 4 or 5 encoding characters, found ${encoding.length}` };
  }
  const chars = [fieldSeparator, ...encoding];
  for (const ch of chars) {
    const why = unusable(ch);
    if (why) return { problem: `delimiter ${JSON.stringify(ch)} ${why}` };
  }
  if (new Set(chars).size !== chars.length) {
    return { problem: 'MSH-1 and MSH-2 must be distinct characters' };
  }
  const [component = '', repetition = '', escape = '', subcomponent = '', truncation] = encoding;
  return { field: fieldSeparator, component, repetition, escape, subcomponent, truncation };
}

/** True when `d` could be written into MSH-1/MSH-2 and read back unchanged. */
export function isUsableDelimiters(d: Hl7Delimiters): boolean {
  return !('problem' in delimitersFrom(d.field, encodingCharacters(d)));
}
