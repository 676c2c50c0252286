import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './random-pool';

describe('pooledRandomBytes', () => {
  it('hands out slices of the asked length that never overlap, across refills', () => {
    const seen = new Set<string>();
    // 3,000 draws of 16 bytes cross the 4,096-byte batch about a dozen times.
    for (let i = 0; i < 3_000; i++) {
      const b = pooledRandomBytes(16);
      expect(b.length).toBe(16);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(3_000);
  });

  it('a caller writing into its slice changes nobody else’s bytes', () => {
    const a = pooledRandomBytes(8);
    const b = pooledRandomBytes(8);
    const before = b.toString('hex');
    a.fill(0);
    expect(b.toString('hex')).toBe(before);
  });

  it('looks random: every byte value turns up, none far more often than the rest', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 2_000; i++) for (const v of pooledRandomBytes(26)) counts[v]!++;
    // 52,000 bytes: about 203 of each value; a stuck or repeating source fails this.
    expect(Math.min(...counts)).toBeGreaterThan(120);
    expect(Math.max(...counts)).toBeLessThan(300);
  });

  it('draws a large request straight from the source', () => {
    expect(pooledRandomBytes(5_000).length).toBe(5_000);
  });
});
