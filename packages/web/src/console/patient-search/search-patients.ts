import { api } from '../../api/client';

/** A search result as GET /api/patients answers it: a summary, not the record. */
export interface PatientSummary {
  id: string;
  displayName: string;
  birthDate: string | null;
  administrativeSex: string | null;
  preferredLanguage: string | null;
  deceased: boolean;
  restricted: boolean;
  mrn: string | null;
  phone: string | null;
}

export interface PatientPage {
  items: PatientSummary[];
  nextCursor: string | null;
}

export function searchPatients(q: string, limit = 10): Promise<PatientPage> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  return api<PatientPage>('GET', `/api/patients?${params.toString()}`);
}
