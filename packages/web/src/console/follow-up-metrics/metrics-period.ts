/**
 * The period a supervisor reads follow-up metrics for: calendar dates, both counted whole.
 * The server counts them in the organization's zone and takes at most 366 days, so the
 * page says so before asking.
 */
export const MAX_PERIOD_DAYS = 366;

export type PeriodProblem = 'invalid' | 'too-long' | null;

const dayNumber = (date: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : ms / 86_400_000;
};

/** What is wrong with a period, if anything: a missing or reversed date, or too many days. */
export function periodProblem(p: { from: string; to: string }): PeriodProblem {
  const from = dayNumber(p.from);
  const to = dayNumber(p.to);
  if (from === null || to === null || to < from) return 'invalid';
  return to - from + 1 > MAX_PERIOD_DAYS ? 'too-long' : null;
}
