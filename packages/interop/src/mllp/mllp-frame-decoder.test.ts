import { describe, expect, it } from 'vitest';
import { encodeFrame } from './mllp-frame';
import { MllpFrameDecoder, REFUSED_HEAD_BYTES, type MllpDecoderEvent } from './mllp-frame-decoder';

const b = (s: string) => Buffer.from(s, 'latin1');
const frame = (s: string) => encodeFrame(b(s));
const decoder = (maxFrameBytes = 1024) => new MllpFrameDecoder({ maxFrameBytes });

/** Events with buffers shown as text, for readable expectations. */
function readable(events: MllpDecoderEvent[]): unknown[] {
  return events.map((e) => {
    if (e.type === 'frame') return { frame: e.payload.toString('latin1') };
    if (e.kind === 'nested-start' || e.kind === 'oversized')
      return { [e.kind]: e.bytes, head: e.head.toString('latin1') };
    if (e.kind === 'bytes-outside-frame') return { stray: e.bytes };
    return { [e.kind]: true };
  });
}

describe('MllpFrameDecoder', () => {
  it('delivers consecutive frames from one chunk, in order', () => {
    const d = decoder();
    const events = d.push(Buffer.concat([frame('MSH|1'), frame('MSH|2'), frame('')]));
    expect(readable(events)).toEqual([{ frame: 'MSH|1' }, { frame: 'MSH|2' }, { frame: '' }]);
    expect(d.inFrame).toBe(false);
  });

  it('keeps CR, LF and CRLF segment endings inside the payload untouched', () => {
    const payload = 'MSH|^~\\&|A\rEVN|A03\nPID|1\r\nPV1|1\r';
    expect(readable(decoder().push(frame(payload)))).toEqual([{ frame: payload }]);
  });

  it('assembles a frame delivered one byte at a time', () => {
    const d = decoder();
    const events = [...frame('MSH|^~\\&|ADT')].flatMap((byte) => d.push(Buffer.from([byte])));
    expect(readable(events)).toEqual([{ frame: 'MSH|^~\\&|ADT' }]);
  });

  it('reports an open frame until its End Block arrives', () => {
    const d = decoder();
    expect(d.push(b('\x0bMSH|partial'))).toEqual([]);
    expect(d.inFrame).toBe(true);
    expect(d.openFrameBytes).toBe(11);
    expect(readable(d.push(b('\x1c\r')))).toEqual([{ frame: 'MSH|partial' }]);
    expect(d.openFrameBytes).toBe(0);
  });

  it('discards and reports bytes before a Start Block', () => {
    const d = decoder();
    expect(readable(d.push(Buffer.concat([b('GET / HTTP/1.1\r\n'), frame('MSH|1')])))).toEqual([
      { stray: 16 },
      { frame: 'MSH|1' },
    ]);
    // Between pushes too: a stream of junk is reported as it comes, not held.
    expect(readable(d.push(b('noise')))).toEqual([{ stray: 5 }]);
    expect(d.bufferedBytes).toBe(0);
  });

  it('delivers the frame at the End Block and tolerates a missing CR after it', () => {
    const d = decoder();
    expect(readable(d.push(b('\x0bMSH|1\x1c')))).toEqual([{ frame: 'MSH|1' }]);
    // The next byte decides: not a CR is reported, then read as if between frames.
    expect(readable(d.push(b('\x0bMSH|2\x1cX\x0bMSH|3\x1c\r')))).toEqual([
      { 'end-without-cr': true },
      { frame: 'MSH|2' },
      { 'end-without-cr': true },
      { stray: 1 },
      { frame: 'MSH|3' },
    ]);
  });

  it('starts over at a nested Start Block, so the retransmission is received whole', () => {
    const d = decoder();
    const events = d.push(
      Buffer.concat([b('\x0bMSH|^~\\&|first attempt, cut'), frame('MSH|again')]),
    );
    expect(readable(events)).toEqual([
      { 'nested-start': 27, head: 'MSH|^~\\&|first attempt, cut' },
      { frame: 'MSH|again' },
    ]);
  });

  it('accepts a frame of exactly the limit and refuses one byte more', () => {
    const d = decoder(10);
    expect(readable(d.push(frame('0123456789')))).toEqual([{ frame: '0123456789' }]);
    expect(readable(d.push(frame('0123456789A')))).toEqual([
      // The head kept for the rejection is cut at the limit too.
      { oversized: 11, head: '0123456789' },
    ]);
  });

  it('skips an oversized frame without buffering it and reports its full size', () => {
    const d = decoder(64 * 1024);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    expect(d.push(Buffer.concat([b('\x0bMSH|big|'), chunk]))).toEqual([]);
    let peak = 0;
    for (let i = 0; i < 159; i++) {
      expect(d.push(chunk)).toEqual([]);
      peak = Math.max(peak, d.bufferedBytes);
    }
    // 10 MiB went by; the decoder held at most the head.
    expect(peak).toBeLessThanOrEqual(REFUSED_HEAD_BYTES);
    const [refused, next, ...rest] = d.push(Buffer.concat([b('\x1c\r'), frame('MSH|next')]));
    expect(rest).toEqual([]);
    expect(refused).toMatchObject({ type: 'error', kind: 'oversized', bytes: 8 + 160 * 64 * 1024 });
    const head = refused?.type === 'error' && 'head' in refused ? refused.head : Buffer.alloc(0);
    expect(head.length).toBe(REFUSED_HEAD_BYTES);
    expect(head.toString('latin1', 0, 9)).toBe('MSH|big|x');
    expect(readable([next!])).toEqual([{ frame: 'MSH|next' }]);
  });

  it('ends an oversized frame at the next Start Block when its End Block never comes', () => {
    const d = decoder(4);
    expect(readable(d.push(Buffer.concat([b('\x0bMSH|too long'), frame('MSH')])))).toEqual([
      { oversized: 12, head: 'MSH|' },
      { frame: 'MSH' },
    ]);
  });

  it('counts a run of Start Blocks as stray bytes, not as a flood of abandoned frames', () => {
    const d = decoder();
    expect(readable(d.push(Buffer.concat([Buffer.alloc(100_000, 0x0b), frame('MSH|1')])))).toEqual([
      { stray: 100_000 },
      { frame: 'MSH|1' },
    ]);
  });

  it('stays linear on a chunk of many tiny abandoned frames', () => {
    const d = decoder();
    const started = performance.now();
    // Quadratic scanning would take minutes here; linear takes milliseconds.
    const events = d.push(Buffer.from('\x0bA'.repeat(128 * 1024), 'latin1'));
    expect(events).toHaveLength(128 * 1024 - 1);
    expect(events.every((e) => e.type === 'error' && e.kind === 'nested-start')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a negative or fractional limit', () => {
    expect(() => decoder(-1)).toThrow(RangeError);
    expect(() => decoder(1.5)).toThrow(RangeError);
  });
});
