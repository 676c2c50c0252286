import { api } from '../../api/client';

/** One line of "who opened my record", as /api/patients/{id}/access-log answers it. */
export interface AccessLogEntry {
  seq: number;
  occurredAt: string;
  actorKind: 'staff' | 'api-token' | 'caregiver';
  actorName: string | null;
  actorRoles: string[];
  action: 'read' | 'search' | 'export' | 'disclose';
  resourceType: string | null;
  purposeOfUse: string | null;
  breakGlass: boolean;
}

export interface AccessLogPage {
  items: AccessLogEntry[];
  nextCursor: string | null;
}

export function fetchAccessLog(patientId: string, cursor: string | null): Promise<AccessLogPage> {
  const params = new URLSearchParams({ limit: '25' });
  if (cursor) params.set('cursor', cursor);
  return api<AccessLogPage>(
    'GET',
    `/api/patients/${encodeURIComponent(patientId)}/access-log?${params.toString()}`,
  );
}
