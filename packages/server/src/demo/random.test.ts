import { describe, expect, it } from 'vitest';
import { demoUuid } from './ids';
import { Rng, hashInts, mulberry32 } from './random';

describe('seeded randomness', () => {
  it('repeats a sequence for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(sa);
  });

  it('keeps draws inside their bounds', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 10_000; i++) {
      const f = rng.next();
      expect(f >= 0 && f < 1).toBe(true);
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(rng.digits(7)).toMatch(/^\d{7}$/);
  });

  it('weights choices roughly by weight', () => {
    const rng = new Rng(1);
    let a = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['a', 3],
          ['b', 1],
        ] as const) === 'a'
      )
        a++;
    expect(a / 10_000).toBeGreaterThan(0.72);
    expect(a / 10_000).toBeLessThan(0.78);
  });

  it('hashes order-sensitively', () => {
    expect(hashInts(1, 2)).not.toBe(hashInts(2, 1));
  });
});

describe('demoUuid', () => {
  it('is UUID-shaped, version 4, deterministic and unique per counter', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const id = demoUuid(9, 3, i);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(50_000);
    expect(demoUuid(9, 3, 17)).toBe(demoUuid(9, 3, 17));
    expect(demoUuid(10, 3, 17)).not.toBe(demoUuid(9, 3, 17));
  });
});
