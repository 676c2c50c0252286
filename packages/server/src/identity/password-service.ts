import { DomainError } from '@caredesk/core';
import { enqueue } from '../jobs';
import { sealLink } from './outbox-links';
import {
  actorOf,
  findAccountRow,
  findAccountRowByEmail,
  toAccount,
  type Account,
  type Db,
  type RequestMeta,
} from './accounts';
import { audit, type IdentityDeps } from './identity-deps';
import { clearFailures, lockoutSubject } from './lockout';
import { eventBase, type LoginService } from './login-service';
import { checkPassword } from './password-policy';
import { deleteSessionsOf } from './sessions';
import { randomToken, sha256 } from './tokens';

export type OneTimePurpose = 'password-reset' | 'invitation';

/** Reset links live an hour; invitations a week (FreeScout CVE-2026-41902: invites that never expire). */
export const TOKEN_LIFETIME_MS: Record<OneTimePurpose, number> = {
  'password-reset': 3_600_000,
  invitation: 7 * 24 * 3_600_000,
};

const LINK_PATH: Record<OneTimePurpose, string> = {
  'password-reset': '/reset-password',
  invitation: '/accept-invitation',
};

const tokenInvalid = () =>
  new DomainError('validation', 'auth.token.invalid', 'This link is not valid any more.', [
    { path: 'token', messageKey: 'auth.token.invalid', detail: 'unknown, used or expired token' },
  ]);

/**
 * Issues a single-use token (32 random bytes; only SHA-256 stored), replacing any unused
 * one for the same purpose, and returns the link. The token sits in the URL fragment, so
 * it never reaches server logs or a Referer header.
 */
export async function issueOneTimeToken(
  trx: Db,
  deps: IdentityDeps,
  accountId: string,
  purpose: OneTimePurpose,
  now: Date,
): Promise<string> {
  const token = randomToken();
  await trx
    .deleteFrom('one_time_tokens')
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
  await trx
    .insertInto('one_time_tokens')
    .values({
      token_hash: sha256(token),
      purpose,
      account_id: accountId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]).toISOString(),
      used_at: null,
    })
    .execute();
  return `${deps.settings.baseUrl}${LINK_PATH[purpose]}#token=${token}`;
}

/** Password change, reset and invitation acceptance. */
export class PasswordService {
  constructor(
    private readonly deps: IdentityDeps,
    private readonly login: LoginService,
  ) {}

  /** Changes the password of a signed-in account; every OTHER session of it ends. */
  async change(
    account: Account,
    currentSession: string,
    currentPassword: string,
    newPassword: string,
    meta: RequestMeta,
  ): Promise<void> {
    const { db } = this.deps.database;
    const row = await findAccountRow(db, account.id);
    if (
      !row?.password_hash ||
      !(await this.deps.hasher.verify(row.password_hash, currentPassword))
    ) {
      throw new DomainError(
        'validation',
        'auth.password.current-wrong',
        'The current password is wrong.',
        [
          {
            path: 'currentPassword',
            messageKey: 'auth.password.current-wrong',
            detail: 'wrong password',
          },
        ],
      );
    }
    checkPassword(newPassword, account);
    const hash = await this.deps.hasher.hash(newPassword);
    const now = this.deps.clock.now();
    await db.transaction().execute(async (trx) => {
      await this.setPassword(trx, account.id, hash, now);
      const ended = await deleteSessionsOf(trx, account.id, currentSession);
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(account),
        organizationId: account.organizationId,
        action: 'password-change',
        outcome: 'success',
        resourceType: 'Account',
        resourceId: account.id,
        detail: { via: 'change', sessionsEnded: ended },
      });
    });
  }

  /**
   * Always succeeds from the caller's view (the route answers 202 either way: no account
   * enumeration); for an active account it enqueues the reset e-mail in the same transaction.
   */
  async requestReset(email: string, meta: RequestMeta): Promise<void> {
    await this.login.throttle(meta, 'password-reset-request');
    const { db } = this.deps.database;
    const row = await findAccountRowByEmail(db, email);
    if (row?.status !== 'active') return;
    const now = this.deps.clock.now();
    await db.transaction().execute(async (trx) => {
      const link = await issueOneTimeToken(trx, this.deps, row.id, 'password-reset', now);
      await enqueue(
        trx,
        {
          kind: 'email.password-reset',
          payload: sealLink(this.deps.box, 'email.password-reset', row.id, link),
        },
        now,
      );
    });
  }

  /** Sets a new password from a reset link; every session of the account ends. */
  async reset(token: string, password: string, meta: RequestMeta): Promise<void> {
    await this.redeem(token, 'password-reset', password, meta);
  }

  /** Activates an invited account with its first password. */
  async acceptInvitation(token: string, password: string, meta: RequestMeta): Promise<void> {
    await this.redeem(token, 'invitation', password, meta);
  }

  private async redeem(
    token: string,
    purpose: OneTimePurpose,
    password: string,
    meta: RequestMeta,
  ): Promise<void> {
    await this.login.throttle(meta, purpose);
    const { db } = this.deps.database;
    const now = this.deps.clock.now();
    const found = await db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    if (!found || found.used_at !== null || Date.parse(found.expires_at) <= now.getTime())
      throw tokenInvalid();
    const row = await findAccountRow(db, found.account_id);
    const expected = purpose === 'invitation' ? 'invited' : 'active';
    if (row?.status !== expected) throw tokenInvalid();
    const account = toAccount(row);
    // The policy is checked before the token is spent: a rejected password keeps the link usable.
    checkPassword(password, account);
    const hash = await this.deps.hasher.hash(password);
    await db.transaction().execute(async (trx) => {
      const spent = await trx
        .updateTable('one_time_tokens')
        .set({ used_at: now.toISOString() })
        .where('token_hash', '=', found.token_hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      // Two requests racing with one token: only the first spends it.
      if (Number(spent.numUpdatedRows) !== 1) throw tokenInvalid();
      await this.setPassword(trx, account.id, hash, now);
      if (purpose === 'invitation') {
        await trx
          .updateTable('accounts')
          .set({ status: 'active' })
          .where('id', '=', account.id)
          .execute();
      }
      const ended = await deleteSessionsOf(trx, account.id);
      await clearFailures(trx, lockoutSubject(account.email));
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(account),
        organizationId: account.organizationId,
        action: purpose === 'invitation' ? 'account-change' : 'password-change',
        outcome: 'success',
        resourceType: 'Account',
        resourceId: account.id,
        detail:
          purpose === 'invitation'
            ? { change: 'invitation-accepted' }
            : { via: 'reset', sessionsEnded: ended },
      });
    });
  }

  private async setPassword(trx: Db, accountId: string, hash: string, now: Date): Promise<void> {
    await trx
      .updateTable('accounts')
      .set({
        password_hash: hash,
        password_changed_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', accountId)
      .execute();
  }
}
