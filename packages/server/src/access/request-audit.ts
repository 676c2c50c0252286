import type { AccessContext, AuditAction, AuditEntryInput, AuditOutcome } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { AuditSink } from '../audit/audit-sink';
import type { Schema } from '../storage/schema';

export interface AuditFacts {
  action: AuditAction;
  outcome?: AuditOutcome;
  patientId?: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  breakGlass?: boolean;
  detail?: string | null;
}

/** The audit entry for this request's actor, with the facts of one event filled in. */
export function auditEntry(ctx: AccessContext, facts: AuditFacts): AuditEntryInput {
  const p = ctx.principal;
  const actorId = !p ? null : p.kind === 'api-token' ? p.tokenId : p.accountId;
  const proxyFor =
    p?.kind === 'caregiver' &&
    facts.patientId &&
    p.proxies.some((x) => x.patientId === facts.patientId)
      ? facts.patientId
      : null;
  return {
    organizationId: p?.organizationId ?? null,
    occurredAt: ctx.now,
    actorKind: p?.kind ?? 'anonymous',
    actorId,
    actorName: p?.displayName ?? null,
    actorRoles: [...ctx.roles],
    onBehalfOf: proxyFor,
    patientId: facts.patientId ?? null,
    action: facts.action,
    resourceType: facts.resourceType ?? null,
    resourceId: facts.resourceId ?? null,
    outcome: facts.outcome ?? 'success',
    purposeOfUse: ctx.purposeOfUse,
    sourceAddress: ctx.sourceAddress,
    userAgent: ctx.userAgent,
    breakGlass: facts.breakGlass ?? false,
    detail: facts.detail ?? null,
  };
}

/**
 * The audit of one request. Services that change data write their entry inside their
 * own transaction (`inTransaction`), so the change and its record commit together; the
 * HTTP layer records reads, searches, denials and failures once the outcome is known,
 * durably, before the response leaves. `written` tells the HTTP layer a service already
 * recorded the success.
 */
export class RequestAudit {
  written = false;
  /** Set when the access decision relied on a break-the-glass grant. */
  breakGlass = false;
  /** Set by a refused access decision: which patient was asked for, and why it was refused. */
  denial: { patientId: string | null; detail: string } | null = null;
  /** Extra detail a handler adds to the success entry (e.g. how many results a search gave). */
  detail: string | null = null;
  /**
   * The patient a request without a patient policy turned out to be about, set by the
   * handler once it knows the record is in the caller's organization (never before: an
   * entry must not confirm that a record elsewhere exists). Failures then name it too.
   */
  subjectPatientId: string | null = null;

  constructor(
    readonly ctx: AccessContext,
    private readonly sink: AuditSink,
    /** For work no person asked for over HTTP (the command line, feeds): who did it. */
    private readonly system: { name: string; organizationId: string } | null = null,
  ) {}

  entry(facts: AuditFacts): AuditEntryInput {
    const entry = auditEntry(this.ctx, { breakGlass: this.breakGlass, ...facts });
    if (!this.system) return entry;
    return {
      ...entry,
      actorKind: 'system',
      actorName: this.system.name,
      organizationId: this.system.organizationId,
    };
  }

  async inTransaction(trx: Kysely<Schema>, facts: AuditFacts | AuditFacts[]): Promise<void> {
    const list = Array.isArray(facts) ? facts : [facts];
    await this.sink.appendInTransaction(
      trx,
      list.map((f) => this.entry(f)),
    );
    this.written = true;
  }

  async record(facts: AuditFacts): Promise<void> {
    await this.sink.record(this.entry(facts));
  }
}

/** The audit of work done by CareDesk itself (a command-line import, a feed), not a person. */
export function systemAudit(
  sink: AuditSink,
  opts: { name: string; organizationId: string; now: Date; purposeOfUse?: string },
): RequestAudit {
  const ctx: AccessContext = {
    principal: null,
    roles: [],
    permissions: new Set(),
    purposeOfUse: opts.purposeOfUse ?? 'HOPERAT',
    consents: [],
    breakGlass: [],
    now: opts.now.toISOString(),
    requestId: 'system',
    sourceAddress: null,
    userAgent: null,
  };
  return new RequestAudit(ctx, sink, { name: opts.name, organizationId: opts.organizationId });
}
