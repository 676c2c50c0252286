import type { AuditEntry as CoreAuditEntry } from '@caredesk/core/audit';
import { api } from '../../api/client';

export { AUDIT_ACTIONS } from '@caredesk/core/audit';

/** An entry as the audit API lists it: without the chain's hashes, which stay in the database. */
export type AuditEntry = Omit<CoreAuditEntry, 'prevHash' | 'hash'>;

export interface AuditFilter {
  patientId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  action?: string;
  outcome?: string;
}

/** The filter as query parameters, shared by the list and the CSV export link. */
export function filterParams(f: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f) as Array<[string, string | undefined]>)
    if (v) params.set(k, v);
  return params;
}

export function searchAudit(f: AuditFilter, cursor: string | null) {
  const params = filterParams(f);
  params.set('limit', '50');
  if (cursor) params.set('cursor', cursor);
  return api<{ items: AuditEntry[]; nextCursor: string | null }>(
    'GET',
    `/api/audit?${params.toString()}`,
  );
}

export const csvExportUrl = (f: AuditFilter) =>
  `/api/audit/export?${filterParams(f).toString()}&format=csv`;
