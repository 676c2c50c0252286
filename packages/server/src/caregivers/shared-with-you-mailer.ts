import { displayName, type Clock } from '@caredesk/core';
import type { MailSender } from '../channels/email/outbound/mail-sender';
import { findAccountRow } from '../identity/accounts';
import type { JobHandler } from '../jobs';
import type { PatientService } from '../patients/patient-service';
import type { Database } from '../storage/database';
import {
  SHARED_WITH_YOU,
  sharedWithYouEmail,
  type SharedWithYouPayload,
} from './shared-with-you-email';

export interface SharedWithYouMailerDeps {
  database: Database;
  patients: PatientService;
  sender: MailSender;
  mailFrom: string;
  mailDomain: string;
  /** The portal's address, e.g. https://desk.example/portal. */
  portalUrl: string;
  clock: Clock;
}

function payloadOf(payload: unknown): SharedWithYouPayload {
  const p = (payload ?? {}) as Partial<SharedWithYouPayload>;
  if (typeof p.accountId !== 'string' || typeof p.patientId !== 'string') {
    throw new TypeError(`${SHARED_WITH_YOU}: payload needs accountId and patientId`);
  }
  return {
    accountId: p.accountId,
    patientId: p.patientId,
    relatedPersonId: p.relatedPersonId ?? '',
  };
}

/**
 * Sends the SHARED_WITH_YOU e-mail. The job holds ids only; names and the address are read
 * now, so no health information waited in the jobs table. A disabled account gets nothing.
 * The Message-ID is fixed by the job, so a resend after a crash is recognisable.
 */
export function sharedWithYouMailer(deps: SharedWithYouMailerDeps): JobHandler {
  return async (payload, ctx) => {
    const p = payloadOf(payload);
    const account = await findAccountRow(deps.database.db, p.accountId);
    if (!account || account.status === 'disabled') return;
    const patient = await deps.patients.getRecord(account.organization_id, p.patientId);
    const { subject, body } = sharedWithYouEmail(account.preferred_language, {
      patientName: displayName(patient.names),
      portalUrl: deps.portalUrl,
    });
    await deps.sender.send({
      from: deps.mailFrom,
      to: account.email,
      subject,
      text: body,
      messageId: `<caregiver-shared.${ctx.jobId}@${deps.mailDomain}>`,
      date: deps.clock.now(),
      // A notification: auto-responders must not answer it (RFC 3834 §5).
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  };
}
