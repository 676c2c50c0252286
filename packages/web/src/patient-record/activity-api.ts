import { api } from '../api/client';
import type { AccessLogEntry } from '../portal/access-log/access-log-api';
import type { Page } from './clinical-api';

/** The same "who opened this record" list a patient sees, as audit.read holders see it. */
export type { AccessLogEntry } from '../portal/access-log/access-log-api';

/** Recent access to the patient's record, newest first (GET /api/patients/{id}/access-log). */
export function fetchRecentActivity(
  patientId: string,
  cursor: string | null,
  limit = 10,
): Promise<Page<AccessLogEntry>> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return api<Page<AccessLogEntry>>(
    'GET',
    `/api/patients/${encodeURIComponent(patientId)}/access-log?${params.toString()}`,
  );
}
