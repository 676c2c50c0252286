/**
 * The period a supervisor reads survey results for, as dates in their own calendar:
 * both days counted whole, so "1 to 30 June" asks the server for [1 June 00:00, 1 July
 * 00:00) local time. The default is the last 30 days, today included.
 */
export interface CsatPeriod {
  /** YYYY-MM-DD, the first day counted. */
  from: string;
  /** YYYY-MM-DD, the last day counted. */
  to: string;
}

export const DEFAULT_DAYS = 30;

const pad = (n: number) => String(n).padStart(2, '0');
/** A local date as YYYY-MM-DD (what <input type="date"> holds). */
export const localDate = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function startOfLocalDay(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function defaultPeriod(now: Date): CsatPeriod {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (DEFAULT_DAYS - 1));
  return { from: localDate(from), to: localDate(now) };
}

/** The half-open instant range the API takes, or null when a date is missing or reversed. */
export function periodRange(p: CsatPeriod): { from: string; to: string } | null {
  const from = startOfLocalDay(p.from);
  const last = startOfLocalDay(p.to);
  if (!from || !last || last < from) return null;
  const end = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1);
  return { from: from.toISOString(), to: end.toISOString() };
}

/** All groups together: how many answered, their average and the spread of scores. */
export function overall(groups: readonly { distribution: readonly number[] }[]): {
  answered: number;
  average: number | null;
  distribution: number[];
} {
  const distribution = [0, 0, 0, 0, 0];
  for (const g of groups) g.distribution.forEach((n, i) => (distribution[i]! += n));
  const answered = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    answered,
    average: answered ? Math.round((sum / answered) * 100) / 100 : null,
    distribution,
  };
}
