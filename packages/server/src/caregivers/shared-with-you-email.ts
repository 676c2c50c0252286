import { translate } from '@caredesk/core';

/** Outbox job kind: a patient shared part of their record with an existing caregiver. */
export const SHARED_WITH_YOU = 'email.caregiver-shared';

/** What the job carries: ids only, never a name or a category (see the service). */
export interface SharedWithYouPayload {
  accountId: string;
  patientId: string;
  relatedPersonId: string;
}

/**
 * The message for a SHARED_WITH_YOU job, in the caregiver's language, from the same
 * catalogs as the web app (architecture rule 5). It names who shared and where to look,
 * not what was shared: the portal shows that once the caregiver has signed in.
 */
export function sharedWithYouEmail(
  language: string,
  facts: { patientName: string; portalUrl: string },
): { subject: string; body: string } {
  return {
    subject: translate(language, 'web.caregiver-invite.email.subject', {
      name: facts.patientName,
    }),
    body: translate(language, 'web.caregiver-invite.email.body', {
      name: facts.patientName,
      link: facts.portalUrl,
    }),
  };
}
