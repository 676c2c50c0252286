/** Milliseconds to wait before the next delivery, given the attempt that just failed (1-based). */
export type Backoff = (attempt: number) => number;

export interface ExponentialBackoffOptions {
  /** Delay after the first failure, before jitter. */
  baseMs?: number;
  /** Upper bound on any delay. */
  capMs?: number;
  /** Source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": half the capped exponential delay is fixed and
 * half random, so a burst of jobs failing together (an SMTP outage) does not retry in
 * lockstep, while every job still waits at least half its nominal delay.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): Backoff {
  const baseMs = options.baseMs ?? 1_000;
  const capMs = options.capMs ?? 15 * 60_000;
  const random = options.random ?? Math.random;
  return (attempt) => {
    // 2 ** 1024 is Infinity; clamp the exponent so the cap applies cleanly.
    const exponent = Math.min(Math.max(attempt - 1, 0), 30);
    const nominal = Math.min(capMs, baseMs * 2 ** exponent);
    return Math.round(nominal / 2 + random() * (nominal / 2));
  };
}
