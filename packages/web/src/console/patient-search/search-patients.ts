import type { PatientSummary } from '@caredesk/core/patients';
import { api } from '../../api/client';

/** A search result is a summary, not the record (core/src/patients/patient-summary.ts). */
export type { PatientSummary } from '@caredesk/core/patients';

export interface PatientPage {
  items: PatientSummary[];
  nextCursor: string | null;
}

export function searchPatients(q: string, limit = 10): Promise<PatientPage> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  return api<PatientPage>('GET', `/api/patients?${params.toString()}`);
}
