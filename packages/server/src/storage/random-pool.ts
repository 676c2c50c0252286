import { randomBytes, randomFillSync } from 'node:crypto';

/** Bytes drawn from the CSPRNG in one call, then handed out in turn. */
const POOL_BYTES = 4096;

let pool = Buffer.alloc(0);
let offset = 0;

/**
 * `n` cryptographically random bytes, taken from a batch filled by one randomFillSync
 * call, as Node does for crypto.randomUUID (https://nodejs.org/api/crypto.html#cryptorandomuuidoptions).
 * Every new case draws several ids and a reply token; one CSPRNG call (through Node's
 * crypto binding into OpenSSL) each was a visible share of its CPU (profiled at 1,000,000
 * cases). No byte is handed out twice: each caller gets its own slice, which it may
 * overwrite.
 */
export function pooledRandomBytes(n: number): Buffer {
  if (n > POOL_BYTES / 4) return randomBytes(n);
  if (offset + n > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(POOL_BYTES));
    offset = 0;
  }
  const out = pool.subarray(offset, offset + n);
  offset += n;
  return out;
}
