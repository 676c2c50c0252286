import { api } from '../../api/client';
import type { Language } from '../../i18n/languages';

/**
 * GET /api/follow-up/metrics (issue #6 point 6): the discharges of a period and what became
 * of them. The definitions are core's follow-up-metrics; shares are 0–1, or null when
 * nothing was counted (no data is not 0 %).
 */
export interface FollowUpMetrics {
  discharges: number;
  cancelled: number;
  contact: { due: number; within: number; share: number | null };
  completion: { completed: number; share: number | null };
  timeToFirstContact: { contacted: number; medianHours: number | null; p90Hours: number | null };
  readmission: { indexStays: number; readmitted: number; rate: number | null };
}

export interface ProgramRow extends FollowUpMetrics {
  key: string;
  name: Record<Language, string> | null;
}

export interface TeamRow extends FollowUpMetrics {
  /** null: plans whose case is with no team. */
  key: string | null;
  name: string | null;
}

export interface FollowUpMetricsReport {
  from: string;
  to: string;
  timeZone: string;
  asOf: string;
  totals: FollowUpMetrics;
  byProgram: ProgramRow[];
  byTeam: TeamRow[];
}

/** Dates are YYYY-MM-DD, both days whole, in the organization's time zone. */
export const fetchFollowUpMetrics = (from: string, to: string) =>
  api<FollowUpMetricsReport>(
    'GET',
    `/api/follow-up/metrics?${new URLSearchParams({ from, to }).toString()}`,
  );
