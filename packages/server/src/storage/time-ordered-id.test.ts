import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id';

const SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId (UUIDv7)', () => {
  it('is a version 7, RFC variant UUID carrying the millisecond it was made', () => {
    const at = Date.parse('2026-11-24T18:00:00.123Z');
    const id = timeOrderedId(at);
    expect(id).toMatch(SHAPE);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts in the order ids were made, within one millisecond and across them', () => {
    const at = Date.parse('2030-01-01T00:00:00.000Z');
    const ids = [
      ...Array.from({ length: 5_000 }, () => timeOrderedId(at)),
      ...Array.from({ length: 100 }, (_, i) => timeOrderedId(at + 1 + i)),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(SHAPE);
  });

  it('keeps its order when the clock steps back', () => {
    const first = timeOrderedId(Date.parse('2031-05-05T10:00:00.000Z'));
    const second = timeOrderedId(Date.parse('2031-05-05T09:59:59.000Z'));
    expect(second > first).toBe(true);
  });
});
