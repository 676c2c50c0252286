import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * TOTP, RFC 6238 (https://www.rfc-editor.org/rfc/rfc6238) over HOTP, RFC 4226 §5.3.
 * CareDesk issues SHA-1, 30-second, 6-digit codes: what every authenticator app
 * supports. SHA-256/512 and 8 digits exist only so the RFC's Appendix B vectors test
 * the same code path.
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpParams {
  algorithm: TotpAlgorithm;
  digits: number;
  periodSeconds: number;
}

export const TOTP_DEFAULTS: TotpParams = { algorithm: 'sha1', digits: 6, periodSeconds: 30 };

/** The time step (RFC 6238 §4.2 "T") an instant falls in. */
export function totpStep(at: Date, periodSeconds = TOTP_DEFAULTS.periodSeconds): number {
  return Math.floor(at.getTime() / 1000 / periodSeconds);
}

/** HOTP value for one counter (RFC 4226 §5.3, dynamic truncation). */
export function hotp(
  secret: Uint8Array,
  counter: number,
  params: Pick<TotpParams, 'algorithm' | 'digits'>,
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(params.algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) |
    (mac[offset + 1]! << 16) |
    (mac[offset + 2]! << 8) |
    mac[offset + 3]!;
  return String(binary % 10 ** params.digits).padStart(params.digits, '0');
}

export function totpAt(secret: Uint8Array, at: Date, params: TotpParams = TOTP_DEFAULTS): string {
  return hotp(secret, totpStep(at, params.periodSeconds), params);
}

/**
 * Checks a code against the steps around `at` (±`window`, RFC 6238 §5.2 allows one
 * step of clock drift). Returns the matching step, or null. Every candidate is compared,
 * in constant time, so timing does not reveal which step matched. The caller refuses a
 * step that is not after the last one accepted (replay, RFC 6238 §5.2).
 */
export function matchTotp(
  secret: Uint8Array,
  code: string,
  at: Date,
  window = 1,
  params: TotpParams = TOTP_DEFAULTS,
): number | null {
  if (!/^\d+$/.test(code) || code.length !== params.digits) return null;
  const given = Buffer.from(code);
  const current = totpStep(at, params.periodSeconds);
  let matched: number | null = null;
  for (let step = current - window; step <= current + window; step++) {
    const expected = Buffer.from(hotp(secret, step, params));
    if (timingSafeEqual(expected, given) && matched === null) matched = step;
  }
  return matched;
}
