import { enqueue } from '../jobs';
import type { Account, Db } from './accounts';
import type { NewAccountInput } from './account-admin-service';
import { insertAccount } from './account-rows';
import type { IdentityDeps } from './identity-deps';
import { sealLink } from './outbox-links';
import { issueOneTimeToken } from './password-service';

/**
 * Sends (or sends again) an account's invitation, inside the caller's transaction: a
 * single-use link valid for a week replaces any unused one, and the e-mail waits in the
 * outbox with the link sealed (outbox-links.ts), so it leaves only if the change commits
 * (architecture rule 7).
 */
export async function sendInvitation(
  trx: Db,
  deps: IdentityDeps,
  accountId: string,
  now: Date,
): Promise<string> {
  const invitationLink = await issueOneTimeToken(trx, deps, accountId, 'invitation', now);
  await enqueue(
    trx,
    {
      kind: 'email.invitation',
      payload: sealLink(deps.box, 'email.invitation', accountId, invitationLink),
    },
    now,
  );
  return invitationLink;
}

/**
 * Creates an account waiting, without a password, for its invitation link to be used,
 * inside the caller's transaction. Shared by the administrator's invitation and the
 * patient's invitation of a caregiver, so both send the same e-mail the same way. The
 * caller checks who may invite whom and writes the audit entry in the same transaction.
 */
export async function inviteAccount(
  trx: Db,
  deps: IdentityDeps,
  input: NewAccountInput,
  now: Date,
): Promise<{ account: Account; invitationLink: string }> {
  const account = await insertAccount(trx, input, 'invited', null, now);
  const invitationLink = await sendInvitation(trx, deps, account.id, now);
  return { account, invitationLink };
}

/** Lets an existing caregiver account speak for one more RelatedPerson (caregiver_links). */
export async function linkCaregiver(
  trx: Db,
  link: { accountId: string; relatedPersonId: string; patientId: string },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('caregiver_links')
    .values({
      account_id: link.accountId,
      related_person_id: link.relatedPersonId,
      patient_id: link.patientId,
      created_at: now.toISOString(),
    })
    .execute();
}
