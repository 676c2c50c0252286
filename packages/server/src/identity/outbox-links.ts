import type { SecretBox } from './secret-box';

/**
 * A one-time link (password reset, invitation) travels to the mailer through the jobs
 * table. Anyone who can read that table — a backup, a replica, a support query — could
 * otherwise take over the account with a link not yet used. So the link is sealed with
 * the installation's identity key (AES-256-GCM), bound to the job kind and the account:
 * only a process holding the key can open it, and a sealed link copied to another job or
 * account does not decrypt. (HIPAA 164.312(a)(2)(iv), encryption of data at rest.)
 */
export interface SealedLinkPayload {
  accountId: string;
  sealedLink: string;
}

export function sealLink(
  box: SecretBox,
  kind: string,
  accountId: string,
  link: string,
): SealedLinkPayload {
  return { accountId, sealedLink: box.seal(Buffer.from(link, 'utf8'), `${kind}:${accountId}`) };
}

/** For the mailer: the link inside a job's payload (throws when it was not sealed for it). */
export function openLink(box: SecretBox, kind: string, payload: SealedLinkPayload): string {
  return box.open(payload.sealedLink, `${kind}:${payload.accountId}`).toString('utf8');
}
