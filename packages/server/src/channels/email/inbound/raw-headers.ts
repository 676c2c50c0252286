/** One header field as written (unfolded, not decoded): shown to admins as plain text. */
export interface HeaderField {
  name: string;
  value: string;
}

const MAX_HEADER_BYTES = 256 * 1024;
const MAX_FIELDS = 200;
const MAX_VALUE = 2_000;

/**
 * The header fields of a raw message, read without the MIME parser so that even a message
 * that could not be parsed shows its sender, date and trace lines (RFC 5322 §2.2, §3.6).
 * Long values and long sections are cut; bytes that are not UTF-8 show as U+FFFD.
 */
export function rawHeaderFields(raw: Buffer): HeaderField[] {
  const head = raw.subarray(0, MAX_HEADER_BYTES).toString('utf8');
  const end = head.search(/\r?\n\r?\n/);
  const section = end < 0 ? head : head.slice(0, end);
  const fields: HeaderField[] = [];
  for (const line of section.split(/\r?\n(?![ \t])/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
    const value = line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    fields.push({ name, value: value.slice(0, MAX_VALUE) });
    if (fields.length === MAX_FIELDS) break;
  }
  return fields;
}
