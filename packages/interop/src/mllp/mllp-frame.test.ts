import { describe, expect, it } from 'vitest';
import { encodeFrame } from './mllp-frame';

describe('encodeFrame', () => {
  it('wraps the payload in 0x0B … 0x1C 0x0D', () => {
    const frame = encodeFrame(Buffer.from('MSH|^~\\&|A\rMSA|AA|1\r'));
    expect(frame[0]).toBe(0x0b);
    expect(frame.subarray(-2)).toEqual(Buffer.from([0x1c, 0x0d]));
    expect(frame.subarray(1, -2).toString()).toBe('MSH|^~\\&|A\rMSA|AA|1\r');
  });

  it('frames an empty payload as the three framing bytes', () => {
    expect(encodeFrame(Buffer.alloc(0))).toEqual(Buffer.from([0x0b, 0x1c, 0x0d]));
  });

  it('refuses a payload holding a framing byte, which would split the frame at the peer', () => {
    expect(() => encodeFrame(Buffer.from('MSH|\x1c|x'))).toThrow(/0x1c at offset 4/);
    expect(() => encodeFrame(Buffer.from('\x0bMSH'))).toThrow(/0x0b at offset 0/);
  });
});
