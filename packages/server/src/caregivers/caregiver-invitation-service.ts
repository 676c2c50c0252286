import { randomUUID } from 'node:crypto';
import {
  DomainError,
  consentInForce,
  displayName,
  validateRelatedPersonInput,
  type Clock,
  type Consent,
  type DataCategory,
  type FieldIssue,
  type RelatedPerson,
  type Relationship,
} from '@caredesk/core';
import type { RequestAudit } from '../access/request-audit';
import { findAccountRowByEmail, type AccountRow, type Db } from '../identity/accounts';
import type { IdentityDeps } from '../identity/identity-deps';
import { inviteAccount, linkCaregiver, sendInvitation } from '../identity/invitations';
import { enqueue } from '../jobs';
import type { PatientService } from '../patients/patient-service';
import { activeConsentsFor, insertConsent } from '../storage/access/consent-store';
import { linkedRelatedPerson } from '../storage/caregivers/caregiver-store';
import type { Database } from '../storage/database';
import { insertRelatedPerson } from '../storage/patients/patient-relations';
import { SHARED_WITH_YOU, type SharedWithYouPayload } from './shared-with-you-email';

export interface CaregiverInvitationInput {
  givenName: string;
  familyName: string;
  email: string;
  relationship: Relationship;
  /** The data categories the caregiver may see. */
  permit: DataCategory[];
  /** When the sharing ends (exclusive); null: until the patient stops it. */
  until: string | null;
}

/**
 * - `invited`: a new caregiver account (or one that never took up its invitation) got
 *   an invitation link by e-mail;
 * - `linked`: an existing caregiver account now also speaks for this patient and was
 *   told by e-mail.
 */
export type CaregiverAccountOutcome = 'invited' | 'linked';

export interface CaregiverInvitation {
  relatedPerson: RelatedPerson;
  consent: Consent;
  caregiver: CaregiverAccountOutcome;
}

const invalid = (path: string, messageKey: string, detail: string) =>
  new DomainError('validation', messageKey, detail, [{ path, messageKey, detail }]);

/** The domain checks' field paths (names/0/family…) as the fields of this request. */
function fieldOf(path: string): string {
  if (path.startsWith('telecom')) return 'email';
  if (path.includes('given')) return 'givenName';
  return 'familyName';
}

/**
 * A patient invites a caregiver (issue #4, point 5): in ONE transaction the RelatedPerson,
 * the Consent for the chosen categories and period, and the caregiver's account — a new
 * invitation, or a link for an account that already exists — with their audit entries
 * and the e-mail in the outbox. Any failure leaves nothing behind.
 *
 * One account per e-mail address is today's rule (accounts.email is unique), so an
 * address that belongs to staff or to a patient cannot become a caregiver login: 409.
 */
export class CaregiverInvitationService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly identity: IdentityDeps,
    private readonly patients: PatientService,
    private readonly defaultCountry: string,
  ) {}

  async invite(
    organizationId: string,
    patientId: string,
    input: CaregiverInvitationInput,
    audit: RequestAudit,
  ): Promise<CaregiverInvitation> {
    const now = this.clock.now();
    const until = this.checkUntil(input.until, now);
    const person = this.checkPerson(input);
    const email = person.telecom[0]!.value;
    const patient = await this.patients.getRecord(organizationId, patientId);
    if (patient.mergedInto) {
      throw new DomainError(
        'conflict',
        'patients.merge.alreadyMerged',
        'This patient was merged; use the survivor.',
      );
    }
    const inviter = audit.ctx.principal;
    const language = await this.inviterLanguage(inviter?.kind === 'patient' ? inviter : null);

    return this.database.db.transaction().execute(async (trx) => {
      const existing = await findAccountRowByEmail(trx, email);
      if (
        existing &&
        (existing.kind !== 'caregiver' || existing.organization_id !== organizationId)
      )
        throw new DomainError(
          'conflict',
          'web.caregiver-invite.problem.email-in-use',
          'This e-mail address belongs to another kind of account.',
          [
            {
              path: 'email',
              messageKey: 'web.caregiver-invite.problem.email-in-use',
              detail: 'one account per e-mail address',
            },
          ],
        );
      const reused = existing ? await this.reusable(trx, existing.id, patientId, now) : null;
      const relatedPerson: RelatedPerson = reused ?? {
        ...person,
        id: randomUUID(),
        patientId,
      };
      if (!reused) await insertRelatedPerson(trx, relatedPerson, now.toISOString());

      let accountId: string;
      let outcome: CaregiverAccountOutcome;
      if (!existing) {
        const { account } = await inviteAccount(
          trx,
          this.identity,
          {
            organizationId,
            kind: 'caregiver',
            email,
            displayName: displayName(relatedPerson.names),
            preferredLanguage: language,
            relatedPersonIds: [relatedPerson.id],
          },
          now,
        );
        [accountId, outcome] = [account.id, 'invited'];
      } else {
        if (!reused)
          await linkCaregiver(
            trx,
            { accountId: existing.id, relatedPersonId: relatedPerson.id, patientId },
            now,
          );
        accountId = existing.id;
        outcome = await this.tell(trx, existing, relatedPerson, now);
      }

      const consent: Consent = {
        id: randomUUID(),
        patientId,
        relatedPersonId: relatedPerson.id,
        status: 'active',
        permit: [...new Set(input.permit)],
        deny: [],
        periodStart: now.toISOString(),
        periodEnd: until,
        grantedBy: audit.entry({ action: 'consent-change' }).actorId ?? 'unknown',
        createdAt: now.toISOString(),
        revokedAt: null,
      };
      await insertConsent(trx, consent);
      // Recorded like every other consent change (access/consent-service.ts), plus the
      // person and the account the invitation made or linked.
      await audit.inTransaction(trx, [
        ...(reused
          ? []
          : [
              {
                action: 'create' as const,
                patientId,
                resourceType: 'RelatedPerson',
                resourceId: relatedPerson.id,
              },
            ]),
        {
          action: 'consent-change',
          patientId,
          resourceType: 'Consent',
          resourceId: consent.id,
          detail: JSON.stringify({
            granted: { to: relatedPerson.id, permit: consent.permit, deny: [], until },
          }),
        },
        {
          action: 'account-change',
          patientId,
          resourceType: 'Account',
          resourceId: accountId,
          detail: JSON.stringify({
            change: existing ? 'caregiver-link' : 'invite',
            kind: 'caregiver',
            by: 'patient',
          }),
        },
      ]);
      return { relatedPerson, consent, caregiver: outcome };
    });
  }

  /** An end date must lie ahead: a consent that has already ended would grant nothing. */
  private checkUntil(until: string | null, now: Date): string | null {
    if (until === null) return null;
    const at = Date.parse(until);
    if (Number.isNaN(at))
      throw invalid('until', 'validation.field.invalid', 'until is not an instant');
    if (at <= now.getTime())
      throw invalid('until', 'web.caregiver-invite.problem.until-past', 'until is not ahead');
    // Stored in UTC, so that consents compare as text (consentInForce) whatever offset came in.
    return new Date(at).toISOString();
  }

  /** The caregiver as a RelatedPerson, through the registry's own name and e-mail checks. */
  private checkPerson(input: CaregiverInvitationInput): Omit<RelatedPerson, 'id' | 'patientId'> {
    const checked = validateRelatedPersonInput(
      {
        names: [
          {
            use: 'official',
            given: [input.givenName],
            family: input.familyName,
            prefix: [],
            suffix: [],
          },
        ],
        relationship: input.relationship,
        telecom: [{ system: 'email', value: input.email }],
        preferredLanguage: null,
        isCaregiver: true,
        active: true,
      },
      this.defaultCountry,
    );
    if (!checked.ok) {
      const issues: FieldIssue[] = checked.issues.map((i) => ({ ...i, path: fieldOf(i.path) }));
      throw new DomainError('validation', 'problem.validation', 'Invalid fields.', issues);
    }
    return checked.value;
  }

  /** The invitation e-mail goes out in the language the patient uses CareDesk in. */
  private async inviterLanguage(inviter: { accountId: string } | null): Promise<string> {
    if (!inviter) return 'en';
    const row = await this.database.db
      .selectFrom('accounts')
      .select('preferred_language')
      .where('id', '=', inviter.accountId)
      .executeTakeFirst();
    return row?.preferred_language ?? 'en';
  }

  /**
   * The RelatedPerson an existing caregiver account already has for this patient: shared
   * again after the patient stopped (or after it ran out). While a consent is still in
   * force there is nothing to invite to: 409, change it by stopping and inviting again.
   */
  private async reusable(
    trx: Db,
    accountId: string,
    patientId: string,
    now: Date,
  ): Promise<RelatedPerson | null> {
    const linked = await linkedRelatedPerson(trx, accountId, patientId);
    if (!linked) return null;
    const consents = await activeConsentsFor(trx, [linked.id]);
    if (consents.some((c) => consentInForce(c, now.toISOString()))) {
      throw new DomainError(
        'conflict',
        'web.caregiver-invite.problem.already-sharing',
        'You already share with this person.',
        [
          {
            path: 'email',
            messageKey: 'web.caregiver-invite.problem.already-sharing',
            detail: 'a consent for this caregiver is in force',
          },
        ],
      );
    }
    return linked;
  }

  /**
   * Tells an existing caregiver: one who never set a password gets a fresh invitation link
   * (the old one stops working); anyone else an e-mail that someone shared with them.
   */
  private async tell(
    trx: Db,
    account: AccountRow,
    relatedPerson: RelatedPerson,
    now: Date,
  ): Promise<CaregiverAccountOutcome> {
    if (account.status === 'invited') {
      await sendInvitation(trx, this.identity, account.id, now);
      return 'invited';
    }
    // Ids only: the mailer reads the names when it writes the message, so no health
    // information waits in the jobs table (security brief: data at rest).
    await enqueue(
      trx,
      {
        kind: SHARED_WITH_YOU,
        payload: {
          accountId: account.id,
          patientId: relatedPerson.patientId,
          relatedPersonId: relatedPerson.id,
        } satisfies SharedWithYouPayload,
      },
      now,
    );
    return 'linked';
  }
}
