import { describe, expect, it } from 'vitest';
import { javascriptWork, measureHostSpeed, sqliteWork } from './host-speed';

describe('host speed', () => {
  it('does the same work on every host, so that records from two hosts compare', () => {
    // A change to the work makes every earlier record's figures incomparable: it must show.
    expect(javascriptWork()).toBe(
      '61072cce4e2fd3ebd6ae7581da4ff38a6038f47081105a65a2503cd2eeb77d68',
    );
    expect(sqliteWork()).toBe((50_000 * 49_999) / 2);
  });

  it('times each piece of work in milliseconds', () => {
    const speed = measureHostSpeed();
    for (const ms of [speed.javascriptMs, speed.sqliteMs, speed.commitMs]) {
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThan(60_000);
    }
  });
});
