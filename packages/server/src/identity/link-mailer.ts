import { translate, type Clock } from '@caredesk/core';
import type { MailSender } from '../channels/email/outbound/mail-sender';
import type { JobHandler } from '../jobs';
import type { Database } from '../storage/database';
import { findAccountRow } from './accounts';
import type { SealedLinkPayload } from './outbox-links';
import { TOKEN_LIFETIME_MS } from './password-service';

/** The outbox jobs that carry a one-time link: a password reset and an invitation. */
export const LINK_EMAIL_KINDS = ['email.password-reset', 'email.invitation'] as const;
export type LinkEmailKind = (typeof LINK_EMAIL_KINDS)[number];

export interface LinkMailerDeps {
  database: Database;
  /** Opens the sealed link (identity/outbox-links): the installation's identity key. */
  open: (kind: string, payload: SealedLinkPayload) => string;
  sender: MailSender;
  mailFrom: string;
  mailDomain: string;
  clock: Clock;
}

function payloadOf(kind: string, payload: unknown): SealedLinkPayload {
  const p = (payload ?? {}) as Partial<SealedLinkPayload>;
  if (typeof p.accountId !== 'string' || typeof p.sealedLink !== 'string')
    throw new TypeError(`${kind}: payload needs accountId and sealedLink`);
  return { accountId: p.accountId, sealedLink: p.sealedLink };
}

/**
 * The message with the link, in the account's language, from the same catalogs as the
 * web app (architecture rule 5): who it is for, what the link does, how long it works,
 * and what to do if they did not ask.
 */
export function linkEmail(
  kind: LinkEmailKind,
  language: string,
  facts: { name: string; link: string },
): { subject: string; body: string } {
  const values = { name: facts.name, link: facts.link };
  // How long the link works, in the unit a person would say it (password-service.ts).
  return kind === 'email.invitation'
    ? {
        subject: translate(language, 'email.invitation.subject'),
        body: translate(language, 'email.invitation.body', {
          ...values,
          days: TOKEN_LIFETIME_MS.invitation / 86_400_000,
        }),
      }
    : {
        subject: translate(language, 'email.password-reset.subject'),
        body: translate(language, 'email.password-reset.body', {
          ...values,
          hours: TOKEN_LIFETIME_MS['password-reset'] / 3_600_000,
        }),
      };
}

/**
 * Sends a reset or invitation e-mail. The link is opened only here, just before it is
 * sent; the address and name are read now. A disabled account gets nothing. The
 * Message-ID is fixed by the job, so a resend after a crash is recognisable.
 */
export function linkMailer(kind: LinkEmailKind, deps: LinkMailerDeps): JobHandler {
  return async (payload, ctx) => {
    const p = payloadOf(kind, payload);
    const link = deps.open(kind, p);
    const account = await findAccountRow(deps.database.db, p.accountId);
    if (!account || account.status === 'disabled') return;
    const { subject, body } = linkEmail(kind, account.preferred_language, {
      name: account.display_name,
      link,
    });
    await deps.sender.send({
      from: deps.mailFrom,
      to: account.email,
      subject,
      text: body,
      messageId: `<${kind.replace('email.', '')}.${ctx.jobId}@${deps.mailDomain}>`,
      date: deps.clock.now(),
      // Sent by the system: auto-responders must not answer it (RFC 3834 §5).
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  };
}
