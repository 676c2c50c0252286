import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from './backoff';
import { describeJobQueueContract } from './job-queue.contract';
import { describeTwoWorkerDrain } from './job-queue-drain.contract';
import { describeError, truncate } from './job-store';

// The queue on the embedded database; job-runner.pg.test.ts runs the same contract on PostgreSQL.
describeJobQueueContract('sqlite');
describeTwoWorkerDrain('sqlite', 500);

describe('exponentialBackoff', () => {
  it('doubles from the base, jitters within the upper half, and caps', () => {
    const low = exponentialBackoff({ baseMs: 1_000, capMs: 60_000, random: () => 0 });
    const high = exponentialBackoff({ baseMs: 1_000, capMs: 60_000, random: () => 0.999999 });
    expect([1, 2, 3, 4].map(low)).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map(high)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(low(50)).toBe(30_000);
    expect(high(10_000)).toBe(60_000);
  });
});

describe('describeError', () => {
  it('names the error and bounds its length without splitting a surrogate pair', () => {
    expect(describeError(new TypeError('bad'))).toBe('TypeError: bad');
    expect(describeError('plain string')).toBe('non-Error thrown: plain string');
    const cut = truncate(`${'a'.repeat(8)}😀tail`, 10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
  });
});
