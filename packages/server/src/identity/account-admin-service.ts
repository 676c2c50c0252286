import { DomainError, type Role, type StaffRole } from '@caredesk/core';
import { decodeCursor, encodeCursor } from '../storage/cursor';
import {
  actorOf,
  findAccountRow,
  findAccountRowByEmail,
  toAccount,
  type Account,
  type AccountKind,
  type Reach,
  type RequestMeta,
} from './accounts';
import { audit, notFound, type IdentityDeps } from './identity-deps';
import { eventBase } from './login-service';
import { clearMfa } from './mfa-service';
import { insertAccount, requireAnotherAdmin, requirePractitioner } from './account-rows';
import { inviteAccount } from './invitations';
import { checkPassword } from './password-policy';
import { canManageRole } from './role-rules';
import { deleteSessionsOf } from './sessions';

export interface NewAccountInput {
  organizationId: string;
  kind: AccountKind;
  email: string;
  displayName: string;
  preferredLanguage?: string | undefined;
  /** Staff only. */
  roles?: StaffRole[] | undefined;
  reach?: Reach | undefined;
  practitionerId?: string | null | undefined;
  /** Patient accounts: the patient record. */
  patientId?: string | undefined;
  /** Caregiver accounts: the RelatedPerson records they speak for. */
  relatedPersonIds?: string[] | undefined;
}

export interface AccessChange {
  roles: StaffRole[];
  reach?: Reach | undefined;
  practitionerId?: string | null | undefined;
}

const forbidden = (key: string, message: string) => new DomainError('forbidden', key, message);

/** Account administration (permission admin.users): invitations, roles, status, MFA reset. */
export class AccountAdminService {
  constructor(private readonly deps: IdentityDeps) {}

  /** Keyset page of the organization's accounts (of one kind, if given), by id (architecture rule 8). */
  async list(
    organizationId: string,
    limit: number,
    cursor?: string,
    kind?: AccountKind,
  ): Promise<{ items: Account[]; nextCursor: string | null }> {
    let q = this.deps.database.db
      .selectFrom('accounts')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('id')
      .limit(limit + 1);
    if (kind) q = q.where('kind', '=', kind);
    if (cursor) q = q.where('id', '>', decodeCursor(cursor, 1)[0]!);
    const rows = await q.execute();
    const items = rows.slice(0, limit).map(toAccount);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items.at(-1)!.id]) : null };
  }

  async get(organizationId: string, id: string): Promise<Account> {
    const row = await findAccountRow(this.deps.database.db, id);
    if (!row || row.organization_id !== organizationId)
      throw notFound('auth.account.not-found', 'account');
    return toAccount(row);
  }

  /** Invites a person: the account waits, without a password, for the link to be used (7 days). */
  async invite(
    actor: Account,
    input: Omit<NewAccountInput, 'organizationId'>,
    meta: RequestMeta,
  ): Promise<{ account: Account; invitationLink: string }> {
    for (const role of input.kind === 'staff' ? (input.roles ?? []) : [])
      this.requireManageable(actor, role);
    const now = this.deps.clock.now();
    return this.deps.database.db.transaction().execute(async (trx) => {
      const { account, invitationLink } = await inviteAccount(
        trx,
        this.deps,
        { ...input, organizationId: actor.organizationId },
        now,
      );
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(actor),
        organizationId: actor.organizationId,
        action: 'account-change',
        outcome: 'success',
        resourceType: 'Account',
        resourceId: account.id,
        detail: { change: 'invite', kind: account.kind, roles: account.roles },
      });
      return { account, invitationLink };
    });
  }

  /** Changes a staff member's roles (and reach); audited with before and after (ONC 170.315(d)(2)). */
  async changeAccess(
    actor: Account,
    targetId: string,
    change: AccessChange,
    meta: RequestMeta,
  ): Promise<Account> {
    const target = await this.get(actor.organizationId, targetId);
    if (target.kind !== 'staff')
      throw new DomainError(
        'conflict',
        'auth.account.not-staff',
        'Only staff accounts have roles.',
      );
    const before = {
      roles: target.roles,
      reach: target.reach,
      practitionerId: target.practitionerId,
    };
    const after = {
      roles: [...new Set(change.roles)].sort(),
      reach: change.reach ?? target.reach,
      practitionerId:
        change.practitionerId === undefined ? target.practitionerId : change.practitionerId,
    };
    const added = after.roles.filter((r) => !before.roles.includes(r));
    const removed = before.roles.filter((r) => !(after.roles as Role[]).includes(r));
    // Anti-escalation: on your own account you may only give roles up.
    if (
      target.id === actor.id &&
      (added.length > 0 ||
        after.reach !== before.reach ||
        after.practitionerId !== before.practitionerId)
    ) {
      throw forbidden('admin.self-change', 'You cannot raise your own access.');
    }
    for (const role of [...added, ...removed]) this.requireManageable(actor, role);
    if (after.practitionerId)
      await requirePractitioner(this.deps.database.db, after.practitionerId);
    const now = this.deps.clock.now();
    await this.deps.database.db.transaction().execute(async (trx) => {
      if (removed.includes('admin')) await requireAnotherAdmin(trx, target);
      await trx
        .updateTable('accounts')
        .set({
          roles: JSON.stringify(after.roles),
          reach: after.reach,
          practitioner_id: after.practitionerId,
          updated_at: now.toISOString(),
        })
        .where('id', '=', target.id)
        .execute();
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(actor),
        organizationId: actor.organizationId,
        action: 'permission-change',
        outcome: 'success',
        resourceType: 'Account',
        resourceId: target.id,
        detail: { before, after },
      });
    });
    return this.get(actor.organizationId, target.id);
  }

  /** Disables (ending every session) or re-enables an account. */
  async setDisabled(
    actor: Account,
    targetId: string,
    disabled: boolean,
    meta: RequestMeta,
  ): Promise<Account> {
    const target = await this.get(actor.organizationId, targetId);
    if (target.id === actor.id)
      throw forbidden('admin.self-change', 'You cannot disable your own account.');
    for (const role of target.kind === 'staff' ? target.roles : [])
      this.requireManageable(actor, role);
    const now = this.deps.clock.now();
    await this.deps.database.db.transaction().execute(async (trx) => {
      const row = (await findAccountRow(trx, target.id))!;
      if (disabled && target.roles.includes('admin')) await requireAnotherAdmin(trx, target);
      const status = disabled ? 'disabled' : row.password_hash ? 'active' : 'invited';
      await trx
        .updateTable('accounts')
        .set({ status, updated_at: now.toISOString() })
        .where('id', '=', target.id)
        .execute();
      const ended = disabled ? await deleteSessionsOf(trx, target.id) : 0;
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(actor),
        organizationId: actor.organizationId,
        action: 'account-change',
        outcome: 'success',
        resourceType: 'Account',
        resourceId: target.id,
        detail: { change: disabled ? 'disable' : 'enable', sessionsEnded: ended },
      });
    });
    return this.get(actor.organizationId, target.id);
  }

  /** Removes a lost second factor; the person enrols again at the next sign-in. */
  async resetMfa(actor: Account, targetId: string, meta: RequestMeta): Promise<void> {
    const target = await this.get(actor.organizationId, targetId);
    if (target.id === actor.id) throw forbidden('admin.self-change', 'Ask another administrator.');
    for (const role of target.kind === 'staff' ? target.roles : [])
      this.requireManageable(actor, role);
    const now = this.deps.clock.now();
    await this.deps.database.db.transaction().execute(async (trx) => {
      await clearMfa(trx, target.id, now);
      const ended = await deleteSessionsOf(trx, target.id);
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(actor),
        organizationId: actor.organizationId,
        action: 'mfa-change',
        outcome: 'success',
        resourceType: 'Account',
        resourceId: target.id,
        detail: { change: 'reset', sessionsEnded: ended },
      });
    });
  }

  /**
   * Creates an active account with a password, without an invitation: for the demo clinic,
   * the first administrator and tests. The password rules apply as everywhere else.
   * With `replace`, an existing account with the e-mail gets the new password instead.
   */
  async provision(
    input: NewAccountInput,
    password: string,
    opts: { replace?: boolean; meta?: RequestMeta } = {},
  ): Promise<Account> {
    checkPassword(password, input);
    const hash = await this.deps.hasher.hash(password);
    const now = this.deps.clock.now();
    const meta = opts.meta ?? { sourceAddress: null, userAgent: null };
    return this.deps.database.db.transaction().execute(async (trx) => {
      const existing = opts.replace ? await findAccountRowByEmail(trx, input.email) : undefined;
      let account: Account;
      if (existing) {
        await trx
          .updateTable('accounts')
          .set({ password_hash: hash, password_changed_at: now.toISOString(), status: 'active' })
          .where('id', '=', existing.id)
          .execute();
        account = toAccount({ ...existing, status: 'active' });
      } else {
        account = await insertAccount(trx, input, 'active', hash, now);
      }
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: { kind: 'system', id: null, name: null, roles: [] },
        organizationId: input.organizationId,
        action: 'account-change',
        outcome: 'success',
        resourceType: 'Account',
        resourceId: account.id,
        detail: {
          change: existing ? 'password-set' : 'provision',
          kind: account.kind,
          roles: account.roles,
        },
      });
      return account;
    });
  }

  private requireManageable(actor: Account, role: Role): void {
    if (!canManageRole(actor.roles, role)) {
      throw new DomainError(
        'forbidden',
        'admin.role.not-grantable',
        `You may not grant or remove the role ${role}.`,
        [{ path: 'roles', messageKey: 'admin.role.not-grantable', detail: role }],
      );
    }
  }
}
