import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: session ids, CSRF tokens, reset and invitation tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256, base64url. Enough for 256-bit random values: only the hash is stored. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Compares two strings without an early exit (hashing first makes the lengths equal). */
export function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(a).digest(),
    createHash('sha256').update(b).digest(),
  );
}

/** API tokens: `cd_<24 hex id>_<64 hex secret>`; the id finds the row, only SHA-256(secret) is kept. */
const API_TOKEN = /^cd_([0-9a-f]{24})_([0-9a-f]{64})$/;

export function newApiToken(): { id: string; secret: string; token: string } {
  const id = randomBytes(12).toString('hex');
  const secret = randomBytes(32).toString('hex');
  return { id, secret, token: `cd_${id}_${secret}` };
}

export function parseApiToken(token: string): { id: string; secret: string } | null {
  const m = API_TOKEN.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

/** Ten-character recovery codes from an alphabet without look-alikes, shown as xxxxx-xxxxx (50 bits). */
export function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars: string[] = [];
  // Rejection sampling keeps every character equally likely.
  while (chars.length < 10) {
    for (const b of randomBytes(16)) {
      if (b < 31 * 8 && chars.length < 10) chars.push(alphabet[b % 31]!);
    }
  }
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
