import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame } from './mllp-frame';
import { MllpFrameDecoder, type MllpDecoderEvent } from './mllp-frame-decoder';

const MAX = 256;

/** Payload bytes: anything but the two framing bytes (MLLP R2 §1.4), with CR and LF common. */
const payloadByte = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0x0d, 0x0a, 0x7c, 0x5e) },
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 255 }).filter((x) => x !== 0x0b && x !== 0x1c),
  },
);
const payload = fc
  .uint8Array({ maxLength: MAX })
  .chain((shape) => fc.array(payloadByte, { minLength: shape.length, maxLength: shape.length }))
  .map((bytes) => Buffer.from(bytes));

/** Hostile streams: random bytes with the framing bytes much more common than chance. */
const hostileByte = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0x0b, 0x1c, 0x0d) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 255 }) },
);
const hostileStream = fc
  .array(
    fc.oneof(
      fc.array(hostileByte, { maxLength: 64 }).map((x) => Buffer.from(x)),
      fc.integer({ min: MAX - 2, max: MAX * 3 }).map((n) => Buffer.alloc(n, 0x41)),
    ),
    { maxLength: 12 },
  )
  .map((parts) => Buffer.concat(parts));

/** Cut points splitting a buffer into chunks (including empty ones). */
function split(stream: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(stream.subarray(from, p));
    from = p;
  }
  chunks.push(stream.subarray(from));
  return chunks;
}

const cuts = fc.array(fc.nat(), { maxLength: 40 });

/** Decodes chunk by chunk, checking memory stays bounded after every push. */
function decodeAll(chunks: Buffer[]): MllpDecoderEvent[] {
  const d = new MllpFrameDecoder({ maxFrameBytes: MAX });
  return chunks.flatMap((chunk) => {
    const events = d.push(chunk);
    expect(d.bufferedBytes).toBeLessThanOrEqual(MAX);
    return events;
  });
}

/**
 * What a listener acts on: frames and refusals in order. Stray bytes are reported per
 * push, so only their total is independent of the chunking.
 */
function meaning(events: MllpDecoderEvent[]): { acted: unknown[]; stray: number } {
  let stray = 0;
  const acted: unknown[] = [];
  for (const e of events) {
    if (e.type === 'frame') acted.push(['frame', e.payload.toString('hex')]);
    else if (e.kind === 'bytes-outside-frame') stray += e.bytes;
    else if (e.kind === 'end-without-cr') acted.push([e.kind]);
    else acted.push([e.kind, e.bytes, e.head.toString('hex')]);
  }
  return { acted, stray };
}

describe('MllpFrameDecoder properties', () => {
  it('any split of a stream of frames yields the same frames and nothing else', () => {
    fc.assert(
      fc.property(fc.array(payload, { maxLength: 10 }), cuts, (payloads, at) => {
        const stream = Buffer.concat(payloads.map(encodeFrame));
        const events = decodeAll(split(stream, at));
        expect(events.every((e) => e.type === 'frame')).toBe(true);
        expect(events.map((e) => (e.type === 'frame' ? e.payload : null))).toEqual(payloads);
      }),
      { numRuns: 500 },
    );
  });

  it('random bytes never throw, never exceed the limit, and decode the same however split', () => {
    fc.assert(
      fc.property(hostileStream, cuts, (stream, at) => {
        const whole = decodeAll([stream]);
        const pieces = decodeAll(split(stream, at));
        expect(meaning(pieces)).toEqual(meaning(whole));
        for (const e of whole)
          if (e.type === 'frame') expect(e.payload.length).toBeLessThanOrEqual(MAX);
      }),
      { numRuns: 500 },
    );
  });

  it('a well-formed frame after any garbage is received whole', () => {
    fc.assert(
      fc.property(hostileStream, payload, cuts, (garbage, last, at) => {
        const events = decodeAll(split(Buffer.concat([garbage, encodeFrame(last)]), at));
        const final = events.at(-1);
        expect(final?.type === 'frame' && final.payload).toEqual(last);
      }),
      { numRuns: 500 },
    );
  });
});
