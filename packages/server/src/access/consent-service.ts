import { randomUUID } from 'node:crypto';
import {
  DATA_CATEGORIES,
  DomainError,
  type Clock,
  type Consent,
  type DataCategory,
} from '@caredesk/core';
import type { Database } from '../storage/database';
import {
  consentsOfPatient,
  getConsent,
  insertConsent,
  revokeConsent,
} from '../storage/access/consent-store';
import type { RequestAudit } from './request-audit';

export interface ConsentInput {
  relatedPersonId: string;
  permit: DataCategory[];
  deny: DataCategory[];
  /** Defaults to now. */
  periodStart: string | null;
  /** Null: until revoked. */
  periodEnd: string | null;
}

/**
 * Caregiver consents: granted by the patient (or by staff recording the patient's signed
 * form), limited to data categories and a period, revocable at once. A grant or a
 * revocation is a disclosure decision and is audited in its own transaction.
 */
export class ConsentService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  list(patientId: string): Promise<Consent[]> {
    return consentsOfPatient(this.database.db, patientId);
  }

  async grant(patientId: string, input: ConsentInput, audit: RequestAudit): Promise<Consent> {
    const now = this.clock.now().toISOString();
    const permit = [...new Set(input.permit)];
    const deny = [...new Set(input.deny)];
    if (permit.length === 0) {
      throw new DomainError('validation', 'consent.categories', 'Choose at least one category.', [
        { path: 'permit', messageKey: 'consent.categories', detail: 'empty permit' },
      ]);
    }
    const start = input.periodStart ?? now;
    if (input.periodEnd !== null && input.periodEnd <= start) {
      throw new DomainError(
        'validation',
        'validation.period.order',
        'The period ends before it starts.',
        [
          {
            path: 'periodEnd',
            messageKey: 'validation.period.order',
            detail: 'periodEnd <= periodStart',
          },
        ],
      );
    }
    const caregiver = await this.database.db
      .selectFrom('related_persons')
      .select(['id', 'is_caregiver'])
      .where('id', '=', input.relatedPersonId)
      .where('patient_id', '=', patientId)
      .executeTakeFirst();
    if (!caregiver) {
      throw new DomainError(
        'validation',
        'consent.notCaregiver',
        'Not a related person of this patient.',
        [
          {
            path: 'relatedPersonId',
            messageKey: 'consent.notCaregiver',
            detail: input.relatedPersonId,
          },
        ],
      );
    }
    const actor = audit.entry({ action: 'consent-change' }).actorId ?? 'unknown';
    const consent: Consent = {
      id: randomUUID(),
      patientId,
      relatedPersonId: input.relatedPersonId,
      status: 'active',
      permit: permit.filter((c) => DATA_CATEGORIES.includes(c)),
      deny,
      periodStart: start,
      periodEnd: input.periodEnd,
      grantedBy: actor,
      createdAt: now,
      revokedAt: null,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await insertConsent(trx, consent);
      await audit.inTransaction(trx, {
        action: 'consent-change',
        patientId,
        resourceType: 'Consent',
        resourceId: consent.id,
        detail: JSON.stringify({
          granted: { to: consent.relatedPersonId, permit, deny, until: consent.periodEnd },
        }),
      });
    });
    return consent;
  }

  async revoke(patientId: string, consentId: string, audit: RequestAudit): Promise<Consent> {
    const now = this.clock.now().toISOString();
    const actor = audit.entry({ action: 'consent-change' }).actorId ?? 'unknown';
    const done = await this.database.db.transaction().execute(async (trx) => {
      const revoked = await revokeConsent(trx, patientId, consentId, actor, now);
      if (revoked) {
        await audit.inTransaction(trx, {
          action: 'consent-change',
          patientId,
          resourceType: 'Consent',
          resourceId: consentId,
          detail: JSON.stringify({ revoked: consentId }),
        });
      }
      return revoked;
    });
    const consent = await getConsent(this.database.db, patientId, consentId);
    if (!done || !consent)
      throw new DomainError('not-found', 'consent.notFound', 'No such active consent.');
    return consent;
  }
}
