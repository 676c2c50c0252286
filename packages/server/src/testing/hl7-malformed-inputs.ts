/**
 * Issue #6 point 8, "Bad input": malformed HL7 v2 messages for the MLLP barrage test
 * (care-transitions/hl7-malformed.test.ts). Every input is built from a seeded PRNG, so a
 * failure names a seed and an index that reproduce it. Corpus messages are read from the
 * shared corpus at test time as mutation bases, never copied into the project.
 *
 * `strict` inputs are malformed by construction (HL7 v2 chapter 2 construction rules, or a
 * field that cannot be a date): the server must never answer them AA. Random mutations of
 * real messages may land on something still valid (a flipped letter in a name), so those
 * are `strict: false` and judged by what the inbox stored.
 */
import {
  adt,
  corpusAdtFiles,
  corpusMessage,
  evn,
  pid,
  pv1,
} from '../care-transitions/adt/testing/adt-messages';

export type MalformedCategory =
  | 'no MSH'
  | 'wrong separators'
  | 'truncated'
  | 'bad escapes'
  | 'wrong charset'
  | 'impossible dates'
  | 'mutated corpus';

export interface MalformedInput {
  category: MalformedCategory;
  /** The frame payload (never holds the MLLP start or end byte: framing is tested apart). */
  bytes: Buffer;
  /** MSH-10 as built (mutations may change it), for matching ACKs and stored rows. */
  controlId: string;
  /** Malformed whatever the PRNG did: AA would be a bug. */
  strict: boolean;
}

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;
const VT = 0x0b;
const FS = 0x1c;

/** MLLP's start and end bytes would turn a message-level case into a framing one. */
function unframeable(bytes: Buffer): Buffer {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === VT || bytes[i] === FS) bytes[i] = 0x7f;
  return bytes;
}

/** A well-formed A04 (register) with every segment ADT handling reads; `over` swaps parts. */
function a04(
  id: string,
  over: { msh?: (msh: string) => string; pid?: string; evn?: string; pv1?: string } = {},
): string {
  const text = adt(
    'A04',
    id,
    over.evn ?? evn('A04'),
    over.pid ?? pid(`MRN-${id}`),
    over.pv1 ?? pv1({ visit: `V-${id}`, location: 'WARD^101^1', admit: '202611240900' }),
  ).toString('utf8');
  if (!over.msh) return text;
  const end = text.indexOf('\r');
  return over.msh(text.slice(0, end)) + text.slice(end);
}

const printable = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(0x20 + int(rng, 95))).join('');

const noMsh: Array<(id: string, rng: Rng) => string | Buffer> = [
  (id) => a04(id).slice(a04(id).indexOf('\r') + 1), // EVN first, header left out
  (id) => 'msh' + a04(id).slice(3), // segment names are upper case (chapter 2)
  (id) => 'MSX' + a04(id).slice(3),
  (id) => ' ' + a04(id),
  (id, rng) => printable(rng, 1 + int(rng, 8)).replace(/^M/, 'X') + a04(id),
  (id) => {
    const [msh, ...rest] = a04(id).split('\r');
    return [...rest, msh].join('\r'); // MSH present but not first
  },
  (_id, rng) => 'X' + printable(rng, int(rng, 600)),
  (_id, rng) => Buffer.from(Array.from({ length: 1 + int(rng, 400) }, () => int(rng, 256))),
  () => '',
  () => '\r\n \r',
  (id) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(a04(id).slice(4))]),
];

const separators: Array<(id: string, rng: Rng) => string> = [
  (id) => a04(id, { msh: (m) => 'MSH||' + m.slice(9) }), // MSH-2 empty
  (id) => a04(id, { msh: (m) => 'MSH|^~\\' + m.slice(8) }), // three encoding characters
  (id) => a04(id, { msh: (m) => 'MSH|^~\\&#!|' + m.slice(9) }), // six
  (id) => a04(id, { msh: (m) => 'MSH|^^\\&' + m.slice(8) }), // duplicated component
  (id) => a04(id, { msh: (m) => 'MSH|||\\&' + m.slice(8) }), // field = component
  (id) => a04(id, { msh: (m) => 'MSH|abcd' + m.slice(8) }), // letters as delimiters
  (id) => a04(id, { msh: (m) => 'MSH ^~\\&' + m.slice(8).replace(/\|/g, ' ') }), // space
  (id) => a04(id, { msh: (m) => 'MSHA^~\\&' + m.slice(8).replace(/\|/g, 'A') }),
  (id) => a04(id, { msh: (m) => 'MSH\t^~\\&' + m.slice(8).replace(/\|/g, '\t') }),
  (id) => a04(id, { msh: (m) => 'MSH#^~\\&' + m.slice(8) }), // declares '#', sends '|'
  (id) => a04(id, { msh: (m) => 'MSH' + m.slice(4) }), // no MSH-1 at all
  (id) => a04(id).replace(/\rPID\|/, '\rPID#'), // a segment with another field separator
  (id, rng) =>
    a04(id, { msh: (m) => 'MSH|' + printable(rng, 4).replace(/[|]/g, 'Q') + m.slice(8) }),
];

const truncations: Array<(id: string, rng: Rng) => string> = [
  // Cut inside MSH before MSH-12: no version, maybe no type or control id (chapter 2).
  (id, rng) => {
    const msh = a04(id).split('\r')[0]!;
    return msh.slice(0, 3 + int(rng, msh.lastIndexOf('|') - 3));
  },
  (id) => a04(id).split('\r')[0]!, // MSH only: an A04 about no one
  (id) => a04(id).split('\r').slice(0, 2).join('\r'), // MSH and EVN, no PID
  (id) => a04(id).slice(0, a04(id).indexOf('\rPID|') + 3), // cut in a segment name
  (id) => a04(id).slice(0, a04(id).indexOf('\rPID|') + 7), // PID cut before PID-3
  (id) => a04(id, { pid: pid(`MRN-${id}`, { family: 'O\\T\\Brien' }) }).split('\\T')[0] + '\\T',
  (id) =>
    a04(id, { pid: pid(`MRN-${id}`, { family: 'Caf\\XC3A9\\' }) }).split('\\XC3')[0] + '\\XC3',
];

/**
 * Escapes HL7 v2 chapter 2 does not define, or cut short. \Zxx\ is left out: it is a locally
 * defined escape, which the parser rightly keeps as sent.
 */
const escapes = [
  '\\X zz\\',
  '\\Xzz\\',
  '\\X1\\',
  '\\XC3\\',
  '\\Q\\',
  '\\\\', // empty body
  '\\',
  'a\\b',
  '\\C2842\\',
  '\\M2442\\',
  '\\P\\',
  '\\.zz\\',
  '\\E',
];

const charsets: Array<(id: string, rng: Rng) => Buffer> = [
  // MSH-18 UTF-8 with byte sequences UTF-8 forbids (RFC 3629: lone continuation, overlong,
  // surrogate, 0xFF, truncated multi-byte).
  (id, rng) => withName(a04(id, { msh: (m) => `${m}||||||UNICODE UTF-8` }), pick(rng, BAD_UTF8)),
  (id, rng) => withName(a04(id), pick(rng, BAD_UTF8)), // empty MSH-18 reads as UTF-8
  (id) =>
    withName(a04(id, { msh: (m) => `${m}||||||UNICODE UTF-8` }), Buffer.from('Müller', 'latin1')),
  (id, rng) => Buffer.from(a04(id, { msh: (m) => `${m}||||||${pick(rng, UNKNOWN_CHARSETS)}` })),
  (id) => withName(a04(id, { msh: (m) => `${m}||||||ASCII` }), Buffer.from('Bērziņa', 'utf8')),
  (id) =>
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(a04(id, { msh: (m) => `${m}||||||8859/1` })),
    ]),
];
const BAD_UTF8 = [
  [0x80],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xff],
  [0xe2, 0x82],
  [0xf4, 0x90, 0x80, 0x80],
].map((b) => Buffer.concat([Buffer.from('Ber'), Buffer.from(b), Buffer.from('zina')]));
const UNKNOWN_CHARSETS = [
  'KLINGON',
  'UTF-16',
  'UNICODE UTF-16',
  'ISO IR999',
  '8859/99',
  'BIG-5?',
  'UTF8 ',
];

/** The A04 with its family name (PID-5.1) replaced by raw bytes. */
function withName(text: string, name: Buffer): Buffer {
  const [before, after] = text.split('Berzina^Anna');
  return Buffer.concat([Buffer.from(before!), name, Buffer.from(`^Anna${after!}`)]);
}

/** Values that look like HL7 times but name no instant (chapter 2A, DTM). */
const dates: Array<(id: string, rng: Rng) => string> = [
  (id, rng) => a04(id, { pid: pid(`MRN-${id}`).replace('19500412', pick(rng, BAD_DATES)) }),
  (id, rng) =>
    a04(id, {
      evn: evn('A04', pick(rng, ['2024-13-45', '20241345', '202402301200', 'NOW', '2024134512'])),
    }),
  (id, rng) =>
    a04(id, {
      pv1: pv1({
        visit: `V-${id}`,
        admit: '202611240900',
        discharge: pick(rng, ['202611242561', '2026112425', '20261124236099', '20261124+2500']),
      }),
    }),
  (id, rng) => a04(id, { pv1: pv1({ visit: `V-${id}`, admit: pick(rng, BAD_DATES) }) }),
];
const BAD_DATES = [
  '20230230',
  '20231301',
  '20230000',
  '20230431',
  '99999999',
  'YESTERDAY',
  '2023-02-30',
  '1950041',
];

/**
 * Byte flips, deletions and duplications of a corpus ADT message, half of them aimed at
 * MSH (where one byte decides the delimiters, version and charset).
 */
function mutate(base: Buffer, rng: Rng): Buffer {
  let b = Buffer.from(base);
  for (let n = 1 + int(rng, 4); n > 0; n--) {
    const at = rng() < 0.5 ? int(rng, Math.min(b.length, 120)) : int(rng, b.length);
    const span = 1 + int(rng, 16);
    switch (int(rng, 5)) {
      case 0:
        b[at] = b[at]! ^ (1 + int(rng, 255));
        break;
      case 1:
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + span)]);
        break;
      case 2:
        b = Buffer.concat([b.subarray(0, at + span), b.subarray(at)]);
        break;
      case 3:
        b = Buffer.concat([
          b.subarray(0, at),
          Buffer.from(pick(rng, ['|', '^', '~', '\\', '&', '\r', '\n'])),
          b.subarray(at),
        ]);
        break;
      default:
        b = b.subarray(0, Math.max(1, at));
    }
  }
  return unframeable(b);
}

export interface MalformedPlan {
  seed: number;
  /** Inputs per construction (each category cycles through its variants). */
  perVariant: number;
  mutations: number;
}

/** Every message-level input, in a seeded order. */
export function malformedMessages(plan: MalformedPlan): MalformedInput[] {
  const rng = seededRandom(plan.seed);
  const out: MalformedInput[] = [];
  const add = (
    category: MalformedCategory,
    strict: boolean,
    build: (id: string) => string | Buffer,
  ) => {
    const controlId = `BAD-${out.length}`;
    const made = build(controlId);
    out.push({ category, strict, controlId, bytes: unframeable(Buffer.from(made)) });
  };
  const each = <F>(
    category: MalformedCategory,
    variants: F[],
    run: (v: F, id: string) => string | Buffer,
  ) => {
    for (let i = 0; i < plan.perVariant * variants.length; i++)
      add(category, true, (id) => run(variants[i % variants.length]!, id));
  };
  each('no MSH', noMsh, (v, id) => v(id, rng));
  each('wrong separators', separators, (v, id) => v(id, rng));
  each('truncated', truncations, (v, id) => v(id, rng));
  each('bad escapes', escapes, (esc, id) =>
    a04(id, { pid: pid(`MRN-${id}`, { family: `Ber${esc}zina` }) }),
  );
  each('wrong charset', charsets, (v, id) => v(id, rng));
  each('impossible dates', dates, (v, id) => v(id, rng));
  const files = corpusAdtFiles();
  for (let i = 0; i < plan.mutations; i++)
    add('mutated corpus', false, (id) => mutate(corpusMessage(pick(rng, files), id), rng));
  // Interleaved, so each connection sees every category and a failure is not order-bound.
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A valid A04 under `id`, the liveness check after the barrage. */
export function validA04(id: string): Buffer {
  return Buffer.from(a04(id));
}
