import type { DataCategory } from '@caredesk/core/consent';
import { api } from '../api/client';

export { DATA_CATEGORIES, type DataCategory } from '@caredesk/core/consent';

const one = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

/**
 * The satisfaction survey on a resolved case (issue #5 §8; server: service-desk/csat):
 * offered once per case, at most one per patient a week; null when none was offered.
 */
export interface Survey {
  offeredAt: string;
  answeredAt: string | null;
  score: number | null;
  comment: string | null;
}

export const fetchSurvey = (caseId: string) =>
  api<{ survey: Survey | null }>('GET', `${one(caseId)}/survey`).then((r) => r.survey);

/** The patient's answer; a second answer is a 409 (the survey is already answered). */
export const answerSurvey = (caseId: string, score: number, comment?: string) =>
  api<Survey>('POST', `${one(caseId)}/survey`, { score, ...(comment ? { comment } : {}) });

export type CsatGrouping = 'agent' | 'team' | 'category';

/** Answered surveys in one group; `key` null for cases with no agent or team. */
export interface CsatGroup {
  key: string | null;
  label: string | null;
  answered: number;
  average: number | null;
  /** How many answered 1, 2, 3, 4 and 5. */
  distribution: number[];
}

/** Survey results for supervisors (case.supervise), answered in [from, to). */
export function fetchCsat(by: CsatGrouping, from: string, to: string): Promise<CsatGroup[]> {
  const q = new URLSearchParams({ by, from, to });
  return api<{ groups: CsatGroup[] }>('GET', `/api/desk/csat?${q.toString()}`).then(
    (r) => r.groups,
  );
}

/** Who was told: one of the patient's related persons, or someone else by name. */
export type DisclosureRecipient =
  { kind: 'related-person'; relatedPersonId: string } | { kind: 'other'; name: string };

export interface Disclosure {
  recipient: DisclosureRecipient;
  purpose: string;
  /** What was told, in a few words (never the information itself). */
  description: string;
  category: DataCategory;
}

/**
 * Records that information from the patient's record was given to someone else, for the
 * accounting of disclosures (45 CFR 164.528). A related person without a consent in force
 * for the category is refused with 409 `case.disclosure.no-consent`.
 */
export const recordDisclosure = (caseId: string, d: Disclosure) =>
  api<undefined>('POST', `${one(caseId)}/disclosures`, d);
