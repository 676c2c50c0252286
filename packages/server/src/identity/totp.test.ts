import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32';
import { hotp, matchTotp, totpAt, type TotpAlgorithm } from './totp';

// RFC 6238 Appendix B: the seeds are ASCII digits repeated to the hash's block length.
const seeds: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

const vectors: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(vectors)('Appendix B vectors at T=%i', (seconds, sha1, sha256, sha512) => {
    const at = new Date(seconds * 1000);
    const p = { digits: 8, periodSeconds: 30 };
    expect(totpAt(seeds.sha1, at, { ...p, algorithm: 'sha1' })).toBe(sha1);
    expect(totpAt(seeds.sha256, at, { ...p, algorithm: 'sha256' })).toBe(sha256);
    expect(totpAt(seeds.sha512, at, { ...p, algorithm: 'sha512' })).toBe(sha512);
  });

  it('matches HOTP RFC 4226 Appendix D for the first counters', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314'];
    expected.forEach((code, counter) =>
      expect(hotp(seeds.sha1, counter, { algorithm: 'sha1', digits: 6 })).toBe(code),
    );
  });

  it('accepts one step of drift either way, and nothing further', () => {
    const at = new Date(1_700_000_000_000);
    const code = (offsetSteps: number) =>
      totpAt(seeds.sha1, new Date(at.getTime() + offsetSteps * 30_000));
    const step = Math.floor(at.getTime() / 30_000);
    expect(matchTotp(seeds.sha1, code(0), at)).toBe(step);
    expect(matchTotp(seeds.sha1, code(-1), at)).toBe(step - 1);
    expect(matchTotp(seeds.sha1, code(1), at)).toBe(step + 1);
    expect(matchTotp(seeds.sha1, code(2), at)).toBeNull();
    expect(matchTotp(seeds.sha1, code(-2), at)).toBeNull();
    expect(matchTotp(seeds.sha1, '12345', at)).toBeNull();
    expect(matchTotp(seeds.sha1, 'abcdef', at)).toBeNull();
  });

  it('round-trips base32 (RFC 4648 §10 vectors)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(() => base32Decode('MZ1')).toThrow();
    const secret = Buffer.from('0123456789abcdefghij');
    expect(base32Decode(base32Encode(secret)).equals(secret)).toBe(true);
  });
});
