import {
  consentAllows,
  DomainError,
  messageTextProblem,
  type Clock,
  type DataCategory,
} from '@caredesk/core';
import type { RequestAudit } from '../../access/request-audit';
import { consentsOfPatient } from '../../storage/access/consent-store';
import { appendCaseEvent, updateCaseRow } from '../../storage/cases/case-store';
import type { Database } from '../../storage/database';
import type { CaseService } from './case-service';
import { actorOf, toCaseView, type CaseView } from './case-views';

/** What an agent may check a caller against (two distinct ones are needed). */
export const VERIFICATION_IDENTIFIERS = [
  'name',
  'date-of-birth',
  'address',
  'phone',
  'email',
  'mrn',
  'member-id',
] as const;
export type VerificationIdentifier = (typeof VERIFICATION_IDENTIFIERS)[number];

/** Channels where the agent cannot see who they are talking to. */
const UNSEEN_CHANNELS = new Set(['phone', 'walk-in', 'nurse-line']);

export interface DisclosureInput {
  /** Who received the information: a related person of the patient, or someone else. */
  recipient: { kind: 'related-person'; relatedPersonId: string } | { kind: 'other'; name: string };
  purpose: string;
  /** What was disclosed, in a few words (never the information itself). */
  description: string;
  category: DataCategory;
}

function twoIdentifiers(ids: readonly VerificationIdentifier[]): void {
  if (new Set(ids).size < 2)
    throw new DomainError('validation', 'problem.validation', 'Two identifiers are needed.', [
      { path: 'identifiers', messageKey: 'case.verification.two', detail: 'two distinct' },
    ]);
}

/**
 * Identity checks and disclosures on a case (issue #5 §5; HIPAA 164.514(h) verification
 * of the person asking, 164.528 accounting of disclosures). Verification records which
 * identifiers matched, never their values.
 */
export class CaseIdentity {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly cases: CaseService,
  ) {}

  /** True when the case page must ask for a verification before showing the patient. */
  static needsVerification(c: CaseView): boolean {
    return c.patientId !== null && UNSEEN_CHANNELS.has(c.channel) && c.verifiedAt === null;
  }

  async verify(
    organizationId: string,
    caseId: string,
    identifiers: VerificationIdentifier[],
    audit: RequestAudit,
    patientId?: string,
  ): Promise<CaseView> {
    twoIdentifiers(identifiers);
    const at = this.clock.now().toISOString();
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.cases.find(organizationId, caseId, trx);
      if (patientId && row.patient_id && row.patient_id !== patientId)
        throw new DomainError('conflict', 'case.identify.already', 'The case has a patient.');
      const target = patientId ?? row.patient_id;
      if (!target)
        throw new DomainError('validation', 'problem.validation', 'Choose the patient.', [
          { path: 'patientId', messageKey: 'case.patient.required', detail: 'required' },
        ]);
      const next = { ...row, patient_id: target, verified_at: at, updated_at: at };
      await updateCaseRow(trx, row.id, Number(row.version), {
        patient_id: target,
        verified_at: at,
        updated_at: at,
      });
      await appendCaseEvent(trx, {
        caseId: row.id,
        at,
        actor: actorOf(audit.ctx),
        kind: row.patient_id ? 'verified' : 'identified',
        data: { identifiers },
      });
      await audit.inTransaction(trx, {
        action: 'update',
        patientId: target,
        resourceType: 'Case',
        resourceId: row.id,
        detail: JSON.stringify({ verified: identifiers }),
      });
      return toCaseView({ ...next, version: Number(row.version) + 1 });
    });
  }

  /**
   * Records a disclosure to someone other than the patient. Telling a related person
   * anything needs a consent in force for that category (they speak for the patient only
   * as far as the patient allowed); every disclosure is an audit entry of action
   * `disclose`, which the patient's access log lists.
   */
  async disclose(
    organizationId: string,
    caseId: string,
    input: DisclosureInput,
    audit: RequestAudit,
  ): Promise<void> {
    for (const [path, v] of [
      ['purpose', input.purpose],
      ['description', input.description],
      ['recipient/name', input.recipient.kind === 'other' ? input.recipient.name : 'x'],
    ] as const) {
      const problem = messageTextProblem(v, 500);
      if (problem || v.trim() === '')
        throw new DomainError('validation', 'problem.validation', 'Invalid disclosure.', [
          {
            path,
            messageKey: problem ? `validation.text.${problem}` : 'validation.field.required',
            detail: problem ?? 'required',
          },
        ]);
    }
    const now = this.clock.now().toISOString();
    await this.database.db.transaction().execute(async (trx) => {
      const row = await this.cases.find(organizationId, caseId, trx);
      if (!row.patient_id)
        throw new DomainError(
          'conflict',
          'case.disclosure.unidentified',
          'Identify the caller first.',
        );
      if (input.recipient.kind === 'related-person') {
        const consents = await consentsOfPatient(trx, row.patient_id);
        const rp = input.recipient.relatedPersonId;
        if (!consentAllows(consents, rp, row.patient_id, input.category, now))
          throw new DomainError(
            'conflict',
            'case.disclosure.no-consent',
            'This person has no consent in force for that information.',
          );
      }
      const recipient =
        input.recipient.kind === 'related-person'
          ? { relatedPersonId: input.recipient.relatedPersonId }
          : { name: input.recipient.name.trim() };
      await appendCaseEvent(trx, {
        caseId: row.id,
        at: now,
        actor: actorOf(audit.ctx),
        kind: 'disclosure',
        data: { recipient, purpose: input.purpose, category: input.category },
      });
      await audit.inTransaction(trx, {
        action: 'disclose',
        patientId: row.patient_id,
        resourceType: 'Case',
        resourceId: row.id,
        detail: JSON.stringify({
          recipient,
          purpose: input.purpose,
          category: input.category,
          description: input.description,
        }),
      });
    });
  }
}
