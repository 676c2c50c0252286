/**
 * Payload lists for the hostile-input corpus (docs/brief security §2): the strings real
 * attacks on comparable software used, turned into data. Generators combine them with
 * every parameter and field of every route.
 */

/** SQL / NoSQL metacharacters (OpenEMR CVE-2026-24908 `_sort`, CVE-2026-23627 `patient_id`). */
export const SQL_PAYLOADS: readonly string[] = [
  "' OR '1'='1",
  "' OR '1'='1' --",
  '1 OR 1=1',
  "1' OR 1=1 --",
  '" OR ""="',
  '; DROP TABLE patients;--',
  "'; DROP TABLE patients; --",
  '{"$ne":null}',
  '{"$gt":""}',
  '%27',
  '%27%20OR%201=1',
  '\\',
  "\\'",
  '`',
  '`id`',
  '/**/OR/**/1=1',
  "' UNION SELECT sql, name FROM sqlite_master --",
  '1; SELECT pg_sleep(5) --',
  "' AND 1=(SELECT COUNT(*) FROM patients) --",
  "x' AND randomblob(500000000) --",
  'name DESC; DROP TABLE patients',
  '1,(SELECT 1)',
  '%',
  '_',
  "admin'--",
];

/** Path traversal (OpenEMR CVE-2026-24488, Sonar 2022 LFI chain). */
export const TRAVERSAL_PAYLOADS: readonly string[] = [
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '%252e%252e%252f',
  '..%5c..%5cwindows%5cwin.ini',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'x.pdf%00.exe',
  '%0d%0aSet-Cookie:%20x=1',
  '....//....//etc/passwd',
];

/** Unicode and spreadsheet attacks on person-entered text. `accept` marks ones a name may hold. */
export interface TextAttack {
  name: string;
  value: string;
  /** True when a real name may legitimately look like this, so acceptance is right. */
  mayAccept: boolean;
}

export const TEXT_ATTACKS: readonly TextAttack[] = [
  { name: 'RTL override U+202E', value: 'Ali\u202Eecila', mayAccept: false },
  { name: 'LRI isolate U+2066', value: '\u2066Smith\u2069', mayAccept: false },
  { name: 'zero-width space', value: 'Sm\u200Bith', mayAccept: false },
  // ZWNJ is part of correct Persian and Indic spelling (text.ts), so it is accepted.
  { name: 'zero-width non-joiner', value: 'Sm\u200Cith', mayAccept: true },
  { name: 'word joiner U+2060', value: 'Sm\u2060ith', mayAccept: false },
  { name: 'BOM inside', value: 'Sm\uFEFFith', mayAccept: false },
  {
    name: 'combining-mark flood',
    value: `Z${'\u0301\u0300\u0302\u0303'.repeat(25)}algo`,
    mayAccept: false,
  },
  { name: '10,000 characters', value: 'A'.repeat(10_000), mayAccept: false },
  { name: '10,000 emoji', value: '😀'.repeat(10_000), mayAccept: false },
  { name: 'null byte', value: 'Smi\u0000th', mayAccept: false },
  { name: 'control char U+0001', value: 'Smi\u0001th', mayAccept: false },
  { name: 'CR inside', value: 'Smi\rth', mayAccept: false },
  { name: 'LF inside', value: 'Smi\nth', mayAccept: false },
  { name: 'DEL U+007F', value: 'Smi\u007Fth', mayAccept: false },
  { name: 'lone high surrogate', value: 'Smi\uD800th', mayAccept: false },
  { name: 'lone low surrogate', value: 'Smi\uDC00th', mayAccept: false },
  { name: '=HYPERLINK(', value: '=HYPERLINK("http://evil.example/x","Click")', mayAccept: true },
  { name: 'DDE =cmd|', value: "=cmd|' /C calc'!A0", mayAccept: true },
  { name: 'formula +SUM', value: '+SUM(1,2)', mayAccept: true },
  { name: 'formula @SUM', value: '@SUM(A1)', mayAccept: true },
  { name: 'Cyrillic homoglyph', value: '\u0410lice', mayAccept: true },
  { name: 'mixed-script homoglyph', value: 'p\u0430yp\u0430l', mayAccept: true },
  { name: 'emoji ZWJ family', value: '👨‍👩‍👧‍👦', mayAccept: true },
  { name: 'emoji flag', value: '🇺🇦', mayAccept: true },
  { name: 'NFD Nguyễn', value: 'Nguye\u0302\u0303n', mayAccept: true },
  { name: "O'Brien", value: "O'Brien", mayAccept: true },
  { name: 'literal Null', value: 'Null', mayAccept: true },
  { name: 'HTML img onerror', value: '<img src=x onerror=alert(1)>', mayAccept: true },
  { name: 'javascript: URL', value: 'javascript:alert(document.cookie)', mayAccept: true },
  { name: 'SVG onload', value: '<svg onload=alert(1)>', mayAccept: true },
  { name: 'HL7 delimiters', value: 'Sm|ith^~\\&', mayAccept: true },
  { name: 'template injection', value: '{{7*7}}${7*7}<%= 7*7 %>', mayAccept: true },
  { name: 'only whitespace', value: '   ', mayAccept: true },
  { name: 'ideographic space', value: '\u3000', mayAccept: true },
];

/** Strings that are not JSON, or JSON a careless parser mishandles. */
export const MALFORMED_JSON: ReadonlyArray<readonly [string, string]> = [
  ['empty body', ''],
  ['lone brace', '{'],
  ['closing brace', '}'],
  ['missing value', '{"names":}'],
  ['single quotes', "{'names':[]}"],
  ['trailing comma in object', '{"names":[],}'],
  ['trailing comma in array', '{"names":[{},]}'],
  ['comment', '/* c */ {"names":[]}'],
  ['NaN', '{"rank":NaN}'],
  ['Infinity', 'Infinity'],
  ['undefined', 'undefined'],
  ['bare word', 'nul'],
  ['hex escape', '{"a":"\\x41"}'],
  ['bad unicode escape', '{"a":"\\u12"}'],
  ['unterminated string', '{"a":"abc'],
  ['raw NUL', '\u0000'],
  ['two documents', '{}{}'],
  ['JavaScript', '({names:[]})'],
  ['raw control char in string', '{"a":"x\u0001y"}'],
  ['leading zeros', '{"a":0012}'],
  ['BOM then JSON', '\uFEFF{"names":[{"family":"Bom"}]}'],
  ['UTF-16 BOM bytes', '\uFFFE{}'],
];

/** The benign patients the corpus must leave intact. */
export function benignPatient(i: number): Record<string, unknown> {
  return {
    names: [
      {
        use: 'official',
        given: [`Benign${i}`],
        family: `Setup${String.fromCharCode(65 + i)}family`,
      },
    ],
    birthDate: `197${i}-0${(i % 9) + 1}-1${i % 9}`,
    administrativeSex: i % 2 === 0 ? 'female' : 'male',
    identifiers: [{ system: 'urn:hostile:mrn', value: `HOSTILE-${i}` }],
  };
}

/** Percent-encodes any string, including lone surrogates (which encodeURIComponent refuses). */
export function encodeLoose(value: string): string {
  let out = '';
  for (const ch of value) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      const unit = ch.charCodeAt(0);
      // CESU-8 bytes of the lone surrogate: what a careless client would send.
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
  }
  return out;
}
