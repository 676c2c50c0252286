import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MllpListener } from './mllp-listener';
import type { LogLine } from './testing/mllp-test-client';
import { connectMllp, delay, listenerFixture } from './testing/mllp-test-client';

/**
 * Issue #6 point 8 and the security brief's MLLP list (missing 0x1C, nested 0x0B, 10 MB
 * frames, slow partial frames): over a thousand malformed frames, thrown at a live
 * listener from many connections at once, each end in an answer or a closed connection
 * within a bounded time, and a well-formed frame afterwards is still acknowledged.
 */

const LIMIT = 64 * 1024;
const CASES = 1_200;

type Ending = 'end' | 'silent' | 'destroy';
interface HostileCase {
  kind: string;
  ending: Ending;
  bytes: () => Buffer;
  /** Keeps writing for this long without ending the frame. */
  streamMs?: number;
  /** The rejection this sender must see. */
  expects?: string;
}

const VT = '\x0b';
const FS = '\x1c';
const hl7ish = fc.string({
  unit: fc.constantFrom(...'MSH|^~\\&#EVNPIDPV1\r\n\r\n0123456789 ADT^A03\\X0D\\\\E\\'.split('')),
  maxLength: 300,
});
const anyByte = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0x0b, 0x1c, 0x0d, 0x0a) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 255 }) },
);
const ending = fc.constantFrom<Ending>('end', 'end', 'destroy');
const latin1 = (s: string) => Buffer.from(s, 'latin1');

const hostileCase: fc.Arbitrary<HostileCase> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ raw: fc.array(anyByte, { maxLength: 2048 }), ending })
      .map(({ raw, ending }) => ({ kind: 'random bytes', ending, bytes: () => Buffer.from(raw) })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        parts: fc.array(hl7ish, { minLength: 2, maxLength: 6 }),
        close: fc.boolean(),
        ending,
      })
      .map(({ parts, close, ending }) => ({
        kind: 'nested start bytes',
        ending,
        bytes: () => latin1(parts.map((p) => VT + p).join('') + (close ? `${FS}\r` : '')),
      })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ p: hl7ish, ending: fc.constantFrom<Ending>('end', 'destroy') })
      .map(({ p, ending }) => ({ kind: 'truncated frame', ending, bytes: () => latin1(VT + p) })),
  },
  {
    weight: 2,
    arbitrary: hl7ish.map((p) => ({
      kind: 'missing end byte',
      ending: 'silent' as const,
      bytes: () => latin1(`${VT}${p}\r`),
    })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ p: hl7ish, junk: fc.array(anyByte, { minLength: 1, maxLength: 8 }), ending })
      .map(({ p, junk, ending }) => ({
        kind: 'end byte without CR',
        ending,
        bytes: () => Buffer.concat([latin1(VT + p + FS), Buffer.from(junk)]),
      })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ p: hl7ish, extra: fc.integer({ min: 1, max: 2 * 1024 * 1024 }) })
      .map(({ p, extra }) => ({
        kind: 'oversized frame',
        ending: 'end' as const,
        bytes: () =>
          Buffer.concat([latin1(VT + p), Buffer.alloc(LIMIT + extra, 'x'), latin1(`${FS}\r`)]),
        expects: `AR|oversized|${Buffer.byteLength(p, 'latin1') + LIMIT + extra}`,
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ before: fc.integer({ min: LIMIT + 1, max: 4 * LIMIT }), ending })
      .map(({ before, ending }) => ({
        kind: 'stray bytes flood',
        ending,
        bytes: () => Buffer.alloc(before, 'z'),
      })),
  },
  {
    weight: 3,
    arbitrary: fc.record({ p: hl7ish, ending }).map(({ p, ending }) => ({
      kind: 'well framed, malformed HL7',
      ending,
      bytes: () => latin1(`${VT}${p}${FS}\r`),
    })),
  },
);

/** A few of the nastiest, always included. */
const fixedCases: HostileCase[] = [
  {
    kind: '10 MB frame',
    ending: 'end',
    bytes: () =>
      Buffer.concat([
        latin1(`${VT}MSH|^~\\&|`),
        Buffer.alloc(10 * 1024 * 1024, 'A'),
        latin1(`${FS}\r`),
      ]),
    expects: `AR|oversized|${9 + 10 * 1024 * 1024}`,
  },
  {
    kind: 'never-ending frame',
    ending: 'silent',
    bytes: () => latin1(`${VT}MSH|`),
    streamMs: 3_000,
  },
  {
    kind: 'never-ending frame',
    ending: 'silent',
    bytes: () => latin1(`${VT}MSH|`),
    streamMs: 3_000,
  },
  { kind: 'start bytes only', ending: 'end', bytes: () => Buffer.alloc(200_000, 0x0b) },
  { kind: 'end bytes only', ending: 'end', bytes: () => Buffer.alloc(200_000, 0x1c) },
];

async function throwCase(port: number, c: HostileCase): Promise<{ answers: string[]; ms: number }> {
  const started = performance.now();
  const client = await connectMllp(port);
  await client.write(c.bytes()).catch(() => {});
  if (c.streamMs) {
    let open = true;
    void client.closed.then(() => (open = false));
    while (open && performance.now() - started < c.streamMs) {
      await client.write(Buffer.alloc(16 * 1024, 'y')).catch(() => {});
      await delay(5);
    }
  }
  if (c.ending === 'end') client.end();
  if (c.ending === 'destroy') client.destroy();
  const outcome = await Promise.race([client.closed, delay(10_000).then(() => 'hung' as const)]);
  if (outcome === 'hung') client.destroy();
  return {
    answers: outcome === 'hung' ? ['HUNG'] : client.answers,
    ms: performance.now() - started,
  };
}

describe('MLLP listener under hostile input', () => {
  const fixture = listenerFixture();
  let listener: MllpListener;
  let port: number;
  let logs: LogLine[];
  beforeAll(async () => {
    ({ listener, port, logs } = await fixture.start({
      maxFrameBytes: LIMIT,
      maxConnections: 200,
      idleTimeoutMs: 300,
      frameTimeoutMs: 2_000,
      handler: async (frame) => Buffer.from(`AA|${frame.length}`),
      // An AR for what cannot be handled; nothing for an abandoned frame (see MllpRejectionBuilder).
      onProtocolError: (r) =>
        r.kind === 'nested-start' ? null : Buffer.from(`AR|${r.kind}|${r.bytes}`),
    }));
  });
  afterAll(() => fixture.closeAll());

  it(`answers or closes on ${CASES + fixedCases.length} malformed frames, never hanging or crashing`, async () => {
    const cases = [...fixedCases, ...fc.sample(hostileCase, { numRuns: CASES, seed: 6_2026 })];
    const results: Array<{ c: HostileCase; answers: string[]; ms: number }> = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let c = cases[next++]; c; c = cases[next++])
          results.push({ c, ...(await throwCase(port, c)) });
      }),
    );
    expect(results).toHaveLength(cases.length);
    const odd = results.filter(
      ({ c, answers }) =>
        !answers.every((a) => /^(AA\|\d+|AR\|oversized\|\d+)$/.test(a)) ||
        (c.expects !== undefined && !answers.includes(c.expects)),
    );
    expect(odd.map(({ c, answers }) => ({ kind: c.kind, answers }))).toEqual([]);
    const slowest = Math.max(...results.map((r) => r.ms));
    expect(slowest).toBeLessThan(8_000);
    const kinds = new Set(results.map((r) => r.c.kind));
    expect(kinds.size).toBe(12); // every kind above was thrown

    // Still serving: a well-formed frame is acknowledged, and nothing failed inside.
    const client = await connectMllp(port);
    client.send('MSH|^~\\&|EPIC|RIVERSIDE|CAREDESK|RIVERSIDE|20260302||ADT^A03|OK1|P|2.5\r');
    expect(await client.next()).toMatch(/^AA\|\d+$/);
    client.end();
    await client.closed;
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
    for (let i = 0; i < 100 && listener.connectionCount > 0; i++) await delay(20);
    expect(listener.connectionCount).toBe(0);
  }, 120_000);
});
