import { api } from '../../api/client';

/** The actions the trail records (core/src/audit/audit-entry.ts AUDIT_ACTIONS). */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'merge',
  'import',
  'export',
  'disclose',
  'login',
  'logout',
  'login-failed',
  'mfa-change',
  'password-change',
  'permission-change',
  'account-change',
  'consent-change',
  'break-glass',
  'token-change',
] as const;

export interface AuditEntry {
  seq: number;
  occurredAt: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string[];
  onBehalfOf: string | null;
  patientId: string | null;
  action: (typeof AUDIT_ACTIONS)[number];
  resourceType: string | null;
  resourceId: string | null;
  outcome: 'success' | 'denied' | 'failed';
  purposeOfUse: string | null;
  sourceAddress: string | null;
  breakGlass: boolean;
}

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
