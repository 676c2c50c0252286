import type { FirstClassLanguage } from '@caredesk/core';
import { actorOf, type Account, type RequestMeta } from './accounts';
import { audit, type IdentityDeps } from './identity-deps';
import { eventBase } from './login-service';

/**
 * The language a person chose for CareDesk's screens, kept on their account so the choice
 * follows them to every sign-in and device (issue #4 point 3: "switching is instant and
 * remembered"). It is also the language of the e-mails the account receives.
 */
export class AccountLanguage {
  constructor(private readonly deps: IdentityDeps) {}

  async set(account: Account, language: FirstClassLanguage, meta: RequestMeta): Promise<Account> {
    if (account.preferredLanguage === language) return account;
    const now = this.deps.clock.now();
    await this.deps.database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set({ preferred_language: language, updated_at: now.toISOString() })
        .where('id', '=', account.id)
        .execute();
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(account),
        organizationId: account.organizationId,
        action: 'account-change',
        outcome: 'success',
        resourceType: 'Account',
        resourceId: account.id,
        detail: { change: 'language', from: account.preferredLanguage, to: language },
      });
    });
    return { ...account, preferredLanguage: language };
  }
}
