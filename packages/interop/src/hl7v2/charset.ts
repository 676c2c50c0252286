/**
 * MSH-18 character sets (HL7 table 0211) we can decode, and byte decoding that fails loudly
 * when the bytes do not match what MSH-18 declares (security brief: "MSH-18 charset that
 * doesn't match the bytes"). Decoding is strict: a replacement character would silently
 * corrupt a patient's name.
 */
import { isAscii, isUtf8 } from 'node:buffer';

export interface Hl7Charset {
  /** The MSH-18 value this was chosen from, e.g. `8859/1`, `UNICODE UTF-8`. */
  name: string;
  /** How bytes are turned into text. */
  decoding: 'ascii' | 'latin1' | 'utf8' | 'single-byte';
  /** WHATWG label for `single-byte` decodings. */
  label?: string;
}

/**
 * Table 0211 values we support. `8859/1` is decoded by Node's `latin1` (exact ISO-8859-1);
 * not by TextDecoder, whose `iso-8859-1` label is really windows-1252 (WHATWG Encoding §4.2).
 * `8859/9` is left out for the same reason (WHATWG maps it to windows-1254).
 */
const CHARSETS: Readonly<Record<string, Omit<Hl7Charset, 'name'>>> = {
  ASCII: { decoding: 'ascii' },
  'ISO IR6': { decoding: 'ascii' },
  '8859/1': { decoding: 'latin1' },
  '8859/2': { decoding: 'single-byte', label: 'iso-8859-2' },
  '8859/3': { decoding: 'single-byte', label: 'iso-8859-3' },
  '8859/4': { decoding: 'single-byte', label: 'iso-8859-4' },
  '8859/5': { decoding: 'single-byte', label: 'iso-8859-5' },
  '8859/6': { decoding: 'single-byte', label: 'iso-8859-6' },
  '8859/7': { decoding: 'single-byte', label: 'iso-8859-7' },
  '8859/8': { decoding: 'single-byte', label: 'iso-8859-8' },
  '8859/15': { decoding: 'single-byte', label: 'iso-8859-15' },
  'UNICODE UTF-8': { decoding: 'utf8' },
};

/** The MSH-18 values `parseHl7` accepts. */
export const SUPPORTED_CHARSETS: readonly string[] = Object.keys(CHARSETS);

/**
 * When MSH-18 is empty the standard means 7-bit ASCII, but real feeds send UTF-8 without
 * saying so, and UTF-8 reads pure ASCII identically; so the default is UTF-8, and bytes that
 * are not UTF-8 fail with a message that says to declare MSH-18.
 */
export const DEFAULT_CHARSET = 'UNICODE UTF-8';

/** The charset for an MSH-18 value (case and surrounding spaces ignored), if supported. */
export function charsetFor(msh18: string): Hl7Charset | undefined {
  const name = msh18.trim().toUpperCase();
  const known = CHARSETS[name];
  return known ? { name, ...known } : undefined;
}

/** Decodes `bytes` in `charset`, or returns undefined when they are not valid in it. */
export function decodeBytes(bytes: Uint8Array, charset: Hl7Charset): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (charset.decoding) {
    case 'ascii':
      return isAscii(buffer) ? buffer.toString('latin1') : undefined;
    case 'latin1':
      return buffer.toString('latin1');
    case 'utf8':
      return isUtf8(buffer) ? buffer.toString('utf8') : undefined;
    case 'single-byte':
      try {
        return new TextDecoder(charset.label, { fatal: true }).decode(buffer);
      } catch {
        return undefined;
      }
  }
}
