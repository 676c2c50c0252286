import {
  DomainError,
  decide,
  type AccessContext,
  type Clock,
  type Principal,
} from '@caredesk/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { denialError, type AccessService } from '../../access/access-service';
import { RequestAudit } from '../../access/request-audit';
import type { AuditSink } from '../../audit/audit-sink';
import type { RoutePolicy } from './route-policy';
import { auditWithheld } from '../error-handler';

/** Who made the request, as the identity layer resolved it from a session or token. */
export interface Authentication {
  principal: Principal;
  kind: 'session' | 'api-token';
  /** False for a session still waiting for its second factor. */
  mfaSatisfied: boolean;
}

export interface AccessHookDeps {
  access: AccessService;
  audit: AuditSink;
  clock: Clock;
  authenticate(request: FastifyRequest): Promise<Authentication | null>;
  /** Whose a service-desk case is, for `case` policies (null: no such case). */
  caseOwner(caseId: string): Promise<{ organizationId: string; patientId: string | null } | null>;
  /** Throws a DomainError when a cookie-authenticated state change lacks a valid CSRF token. */
  requireCsrf(request: FastifyRequest, auth: Authentication): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    access: AccessContext;
    audit: RequestAudit;
    authentication: Authentication | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function policyOf(request: FastifyRequest): RoutePolicy | undefined {
  return request.routeOptions.config?.policy;
}

/**
 * The access spine of every request: authenticate, refuse sessions still waiting for MFA,
 * check CSRF on cookie-authenticated changes, build the access context, decide before the
 * handler runs, and write the audit entry — success, denial or failure — durably before
 * the response leaves.
 */
export function installAccessHooks(app: FastifyInstance, deps: AccessHookDeps): void {
  app.decorateRequest('access', null as unknown as AccessContext);
  app.decorateRequest('audit', null as unknown as RequestAudit);
  app.decorateRequest('authentication', null);

  app.addHook('onRequest', async (request) => {
    const policy = policyOf(request);
    const auth = policy ? await deps.authenticate(request) : null;
    request.authentication = auth;
    const usable =
      auth && (auth.mfaSatisfied || (policy?.kind === 'authenticated' && policy.allowMfaPending));
    request.access = await deps.access.context(usable ? auth.principal : null, {
      requestId: String(request.id),
      sourceAddress: request.ip ?? null,
      userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
      now: deps.clock.now(),
    });
    request.audit = new RequestAudit(request.access, deps.audit);
    if (!policy || policy.kind === 'public') return;
    if (!auth)
      throw new DomainError('unauthenticated', 'problem.unauthenticated', 'Sign in first.');
    if (!usable)
      throw new DomainError('unauthenticated', 'access.mfaRequired', 'Second factor required.');
    if (auth.kind === 'session' && !SAFE_METHODS.has(request.method))
      deps.requireCsrf(request, auth);
  });

  app.addHook('preHandler', async (request) => {
    const policy = policyOf(request);
    if (!policy || policy.kind === 'public' || policy.kind === 'authenticated') return;
    if (policy.kind === 'permission') {
      const first = decide(request.access, { permission: policy.permission });
      const d =
        !first.allow && policy.orPermission
          ? decide(request.access, { permission: policy.orPermission })
          : first;
      if (!d.allow) {
        request.audit.denial = {
          patientId: null,
          detail: JSON.stringify({ permission: policy.permission }),
        };
        throw denialError(d);
      }
      return;
    }
    if (policy.kind === 'case') {
      await requireCase(request, policy, deps);
      return;
    }
    const patientId = (request.params as Record<string, string | undefined>)[policy.patientParam];
    if (!patientId)
      throw new DomainError('validation', 'problem.validation', 'Missing patient id.');
    await deps.access.requirePatient(request.audit, patientId, policy.permission, policy.category);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const policy = policyOf(request);
    const spec = policy && policy.kind !== 'public' ? policy.audit : undefined;
    const audit = request.audit as RequestAudit | null;
    if (!spec || !audit || audit.written) return payload;
    const status = reply.statusCode;
    const outcome =
      status < 400
        ? 'success'
        : status === 401 || status === 403 || status === 404
          ? 'denied'
          : 'failed';
    const routePatient =
      policy?.kind === 'patient'
        ? ((request.params as Record<string, string | undefined>)[policy.patientParam] ?? null)
        : audit.subjectPatientId;
    try {
      await audit.record({
        action: spec.action,
        outcome,
        patientId: audit.denial?.patientId ?? routePatient,
        resourceType: spec.resourceType,
        resourceId: routePatient,
        detail:
          audit.denial?.detail ??
          (outcome === 'success' ? audit.detail : JSON.stringify({ status })),
      });
    } catch (e) {
      request.log.error({ err: e }, 'audit entry not written: response withheld');
      return auditWithheld(request, reply);
    }
    return payload;
  });
}

/**
 * The access decision for a case route: a case is judged by the patient it is about, so a
 * caregiver reads a case only within a consent for messages and staff outside the care
 * relationship are offered break-the-glass exactly as on the patient's record.
 */
async function requireCase(
  request: FastifyRequest,
  policy: Extract<RoutePolicy, { kind: 'case' }>,
  deps: AccessHookDeps,
): Promise<void> {
  const caseId = (request.params as Record<string, string | undefined>)[policy.caseParam] ?? '';
  const owner = await deps.caseOwner(caseId);
  const p = request.access.principal;
  const hidden = () => {
    request.audit.denial = {
      patientId: null,
      detail: JSON.stringify({ permission: policy.permission, reason: 'no such case' }),
    };
    return denialError({ allow: false, deny: 'hidden', reason: 'no such case' });
  };
  if (!owner || !p || owner.organizationId !== p.organizationId) throw hidden();
  if (owner.patientId) {
    await deps.access.requirePatient(
      request.audit,
      owner.patientId,
      policy.permission,
      policy.category,
    );
    request.audit.subjectPatientId = owner.patientId;
    return;
  }
  // An unidentified caller's case: nobody but staff may know it exists.
  if (p.kind === 'patient' || p.kind === 'caregiver') throw hidden();
  const d = decide(request.access, { permission: policy.permission });
  if (!d.allow) {
    request.audit.denial = {
      patientId: null,
      detail: JSON.stringify({ permission: policy.permission }),
    };
    throw denialError(d);
  }
}
