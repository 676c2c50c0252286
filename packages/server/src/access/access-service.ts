import {
  DomainError,
  decide,
  defaultPurposeOfUse,
  permissionsOf,
  type AccessContext,
  type DataCategory,
  type Decision,
  type PatientFacts,
  type Permission,
  type Principal,
  type Role,
} from '@caredesk/core';
import type { Database } from '../storage/database';
import { activeBreakGlass } from '../storage/access/break-glass-store';
import { activeConsentsFor } from '../storage/access/consent-store';
import { loadPatientFacts } from '../storage/access/patient-facts';
import type { RequestAudit } from './request-audit';

export interface RequestFacts {
  requestId: string;
  sourceAddress: string | null;
  userAgent: string | null;
  now: Date;
}

export function rolesOf(p: Principal | null): Role[] {
  if (!p) return [];
  switch (p.kind) {
    case 'staff':
      return p.roles;
    case 'patient':
      return ['patient'];
    case 'caregiver':
      return ['caregiver'];
    case 'api-token':
      return [];
  }
}

/** The HTTP answer for a denial, without telling another patient's data exists. */
export function denialError(d: Exclude<Decision, { allow: true }>): DomainError {
  switch (d.deny) {
    case 'unauthenticated':
      return new DomainError('unauthenticated', 'problem.unauthenticated', 'Sign in first.');
    case 'forbidden':
      return new DomainError('forbidden', 'problem.forbidden', 'You may not do this.');
    case 'break-glass':
      return new DomainError(
        'forbidden',
        'access.breakGlass.available',
        'Outside your care relationship: break-the-glass required.',
      );
    case 'hidden':
      return new DomainError('not-found', 'problem.not-found', 'Not found.');
  }
}

/**
 * Builds each request's access context and answers access questions about patients.
 * Consents and break-the-glass grants are read per request, so a revocation takes
 * effect on the very next request, on every server process.
 */
export class AccessService {
  constructor(private readonly database: Database) {}

  async context(principal: Principal | null, facts: RequestFacts): Promise<AccessContext> {
    const roles = rolesOf(principal);
    const now = facts.now.toISOString();
    const permissions: ReadonlySet<Permission> =
      principal?.kind === 'api-token' ? new Set(principal.scopes) : permissionsOf(roles);
    const consents =
      principal?.kind === 'caregiver'
        ? await activeConsentsFor(
            this.database.db,
            principal.proxies.map((x) => x.relatedPersonId),
          )
        : [];
    const breakGlass =
      principal?.kind === 'staff' && permissions.has('breakglass.use')
        ? await activeBreakGlass(this.database.db, principal.accountId, now)
        : [];
    return {
      principal,
      roles,
      permissions,
      purposeOfUse: defaultPurposeOfUse(roles),
      consents,
      breakGlass,
      now,
      requestId: facts.requestId,
      sourceAddress: facts.sourceAddress,
      userAgent: facts.userAgent,
    };
  }

  facts(patientId: string): Promise<PatientFacts | null> {
    return loadPatientFacts(this.database.db, patientId);
  }

  /** The facts this caller's decision needs: the care team only when reach depends on it. */
  private factsFor(ctx: AccessContext, patientId: string): Promise<PatientFacts | null> {
    const p = ctx.principal;
    const careTeam = p?.kind === 'staff' && p.reach === 'care-team' ? 'always' : 'when-restricted';
    return loadPatientFacts(this.database.db, patientId, { careTeam });
  }

  /**
   * Allows or refuses `permission` on a patient's `category`; a refusal is noted on the
   * request's audit for the entry written with the response. Used for the patient named in the URL and for every other patient a
   * request names (a merge target, an id in a body): IDs swapped anywhere are caught.
   */
  async requirePatient(
    audit: RequestAudit,
    patientId: string,
    permission: Permission,
    category: DataCategory,
  ): Promise<{ facts: PatientFacts; decision: Extract<Decision, { allow: true }> }> {
    const facts = await this.factsFor(audit.ctx, patientId);
    const decision: Decision = facts
      ? decide(audit.ctx, { permission, patient: facts, category })
      : { allow: false, deny: 'hidden', reason: 'no such patient' };
    if (!decision.allow) {
      // Recorded once, with the response's status, by the HTTP layer's audit hook.
      audit.denial = {
        patientId: facts ? patientId : null,
        detail: JSON.stringify({ permission, category, reason: decision.reason, patientId }),
      };
      throw denialError(decision);
    }
    if (decision.via === 'break-glass') audit.breakGlass = true;
    return { facts: facts!, decision };
  }
}
