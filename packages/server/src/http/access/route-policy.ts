import type { AuditAction, DataCategory, Permission } from '@caredesk/core';
import type { FastifyInstance } from 'fastify';

/** What a route records in the audit trail when it succeeds, is denied or fails. */
export interface AuditSpec {
  action: AuditAction;
  resourceType: string;
}

/**
 * Every route declares who may call it (architecture rule 1; security brief §2: OpenEMR's
 * CVE-2026-25164 was a route table that skipped the check). A route without a policy
 * cannot be registered: the server refuses to start.
 * - `public`: anyone (health, landing page, sign-in, FHIR metadata);
 * - `authenticated`: any signed-in principal (their own session and account);
 * - `permission`: a function-level permission, no particular patient (or, with `orPermission`,
 *   either of two: data that two kinds of staff read for different work);
 * - `patient`: a permission on the category of data of the patient named by the
 *   `patientParam` path parameter — the access decision runs before the handler;
 * - `case`: the same, for the patient a service-desk case (named by `caseParam`) is about;
 *   a case of another organization is not found, and one without an identified patient
 *   is for staff holding the permission only.
 */
export type RoutePolicy =
  | { kind: 'public' }
  | { kind: 'authenticated'; allowMfaPending?: boolean; audit?: AuditSpec }
  | { kind: 'permission'; permission: Permission; orPermission?: Permission; audit?: AuditSpec }
  | {
      kind: 'patient';
      permission: Permission;
      category: DataCategory;
      patientParam: string;
      audit: AuditSpec;
    }
  | {
      kind: 'case';
      permission: Permission;
      category: DataCategory;
      caseParam: string;
      audit: AuditSpec;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
}

/**
 * Refuses any route registered without a policy and keeps the route table, from which
 * the authorization-matrix test is generated.
 */
export function enforceRoutePolicies(app: FastifyInstance): RegisteredRoute[] {
  const table: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!policy) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} declares no access policy (config.policy).`,
      );
    }
    for (const method of methods) {
      // Fastify adds HEAD for every GET; it shares the GET's policy and handler.
      if (method !== 'HEAD') table.push({ method, url: route.url, policy });
    }
  });
  return table;
}

/** Route config for a permission on one patient's data, named by the `:id` parameter. */
export function onPatient(
  permission: Permission,
  category: DataCategory,
  action: AuditAction,
  resourceType: string,
): { policy: RoutePolicy } {
  return {
    policy: {
      kind: 'patient',
      permission,
      category,
      patientParam: 'id',
      audit: { action, resourceType },
    },
  };
}

/** Route config for a permission on the patient data of the case named by `:caseId`. */
export function onCase(
  permission: Permission,
  action: AuditAction,
  resourceType = 'Case',
): { policy: RoutePolicy } {
  return {
    policy: {
      kind: 'case',
      permission,
      category: 'messages',
      caseParam: 'caseId',
      audit: { action, resourceType },
    },
  };
}

/** Route config for a function-level permission, audited when `action` is given. */
export function withPermission(
  permission: Permission,
  action?: AuditAction,
  resourceType?: string,
): { policy: RoutePolicy } {
  const audit = action && resourceType ? { action, resourceType } : undefined;
  return { policy: { kind: 'permission', permission, ...(audit ? { audit } : {}) } };
}

/**
 * Route config for either of two function-level permissions, unaudited: follow-up programs
 * are read by staff working plans (case.work) and by the administrators who edit them
 * (desk.configure, which an admin holds without case.work; issue #6 point 7).
 */
export function withEitherPermission(
  permission: Permission,
  orPermission: Permission,
): { policy: RoutePolicy } {
  return { policy: { kind: 'permission', permission, orPermission } };
}

export const PUBLIC: { policy: RoutePolicy } = { policy: { kind: 'public' } };
