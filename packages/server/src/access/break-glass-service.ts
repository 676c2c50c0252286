import { randomUUID } from 'node:crypto';
import { DomainError, canonicalText, textProblem, type Clock } from '@caredesk/core';
import type { Database } from '../storage/database';
import {
  insertBreakGlass,
  reviewBreakGlass,
  reviewQueue,
  type BreakGlassRecord,
} from '../storage/access/break-glass-store';
import type { RequestAudit } from './request-audit';

/**
 * Break-the-glass (HIPAA 164.312(a)(2)(ii) emergency access procedure; ONC d6): a staff
 * member with the permission opens a record outside their reach after giving a reason.
 * The grant lasts `minutes` (at most 4 hours), every access under it is flagged in the
 * audit trail, and the privacy officer reviews it.
 */
export class BreakGlassService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly minutes: number,
  ) {}

  async open(
    patientId: string,
    organizationId: string,
    rawReason: string,
    audit: RequestAudit,
  ): Promise<BreakGlassRecord> {
    const reason = canonicalText(rawReason);
    if ([...reason].length < 10 || textProblem(reason, 1000) !== null) {
      throw new DomainError(
        'validation',
        'access.breakGlass.reasonRequired',
        'Give a reason of at least 10 characters.',
        [
          {
            path: 'reason',
            messageKey: 'access.breakGlass.reasonRequired',
            detail: 'reason too short or invalid',
          },
        ],
      );
    }
    const p = audit.ctx.principal;
    if (p?.kind !== 'staff') throw new DomainError('forbidden', 'problem.forbidden', 'Staff only.');
    const now = this.clock.now();
    const grant: BreakGlassRecord = {
      id: randomUUID(),
      organizationId,
      accountId: p.accountId,
      patientId,
      reason,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + Math.min(this.minutes, 240) * 60_000).toISOString(),
      reviewedAt: null,
      reviewedBy: null,
      reviewOutcome: null,
      reviewNote: null,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await insertBreakGlass(trx, grant);
      await audit.inTransaction(trx, {
        action: 'break-glass',
        patientId,
        resourceType: 'Patient',
        resourceId: patientId,
        breakGlass: true,
        detail: JSON.stringify({ grant: grant.id, reason, expiresAt: grant.expiresAt }),
      });
    });
    return grant;
  }

  queue(organizationId: string, limit: number, cursor?: string) {
    return reviewQueue(this.database.db, organizationId, limit, cursor);
  }

  async review(
    organizationId: string,
    grantId: string,
    outcome: 'appropriate' | 'inappropriate',
    note: string | null,
    audit: RequestAudit,
  ): Promise<BreakGlassRecord> {
    const by = audit.entry({ action: 'update' }).actorId ?? 'unknown';
    const reviewed = await this.database.db.transaction().execute(async (trx) => {
      const r = await reviewBreakGlass(trx, organizationId, grantId, {
        by,
        outcome,
        note: note === null ? null : canonicalText(note),
        now: this.clock.now().toISOString(),
      });
      if (r) {
        await audit.inTransaction(trx, {
          action: 'update',
          patientId: r.patientId,
          resourceType: 'BreakGlassReview',
          resourceId: r.id,
          detail: JSON.stringify({ outcome }),
        });
      }
      return r;
    });
    if (!reviewed)
      throw new DomainError(
        'not-found',
        'access.breakGlass.notFound',
        'No such grant awaiting review.',
      );
    return reviewed;
  }
}
