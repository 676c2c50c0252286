/** Within this long of its due time a case is "breaching soon" (as the inbox's Breaching soon tab). */
export const DUE_SOON_MS = 4 * 3_600_000;

export type DueState = 'none' | 'overdue' | 'soon' | 'later';

/** How pressing a due time is: past it (red), within four hours (amber), or later. */
export function dueState(dueAt: string | null, now: number): DueState {
  if (!dueAt) return 'none';
  const left = Date.parse(dueAt) - now;
  if (Number.isNaN(left)) return 'none';
  if (left <= 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'soon' : 'later';
}

export type RelativeUnit = 'minute' | 'hour' | 'day';

/**
 * A due time relative to now in the largest whole unit that fits, rounded toward now
 * ("in 3 hours" for 3 h 40 min), negative when past: what Intl.RelativeTimeFormat takes.
 * Under a minute counts as 0 minutes.
 */
export function relativeDue(dueAt: string, now: number): { value: number; unit: RelativeUnit } {
  const ms = Date.parse(dueAt) - now;
  const sign = ms < 0 ? -1 : 1;
  const abs = Math.abs(ms);
  const towardNow = (n: number) => sign * Math.floor(n) || 0;
  if (abs < 3_600_000) return { value: towardNow(abs / 60_000), unit: 'minute' };
  if (abs < 2 * 86_400_000) return { value: towardNow(abs / 3_600_000), unit: 'hour' };
  return { value: towardNow(abs / 86_400_000), unit: 'day' };
}
