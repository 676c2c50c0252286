import { randomBytes } from 'node:crypto';
import { DomainError } from '@caredesk/core';
import {
  actorOf,
  findAccountRow,
  type Account,
  type AuthEvent,
  type Db,
  type RequestMeta,
} from './accounts';
import { base32Encode } from './base32';
import { audit, type IdentityDeps } from './identity-deps';
import { eventBase } from './login-service';
import { createSession, deleteSession, type NewSession, type SessionState } from './sessions';
import { matchTotp, TOTP_DEFAULTS } from './totp';
import { newRecoveryCode, normalizeRecoveryCode } from './tokens';

export const RECOVERY_CODE_COUNT = 10;

export interface MfaSetup {
  /** base32, for typing into an authenticator app by hand. */
  secret: string;
  otpauthUri: string;
}

const codeInvalid = (path = 'code') =>
  new DomainError('validation', 'auth.mfa.code.invalid', 'The code is not valid.', [
    { path, messageKey: 'auth.mfa.code.invalid', detail: 'wrong or used code' },
  ]);

/** TOTP enrolment and removal (RFC 6238; ONC 170.315(d)(13) multi-factor authentication). */
export class MfaService {
  constructor(private readonly deps: IdentityDeps) {}

  /** Starts (or restarts) enrolment: a new secret, kept sealed until a code proves it was saved. */
  async setup(account: Account): Promise<MfaSetup> {
    if (account.mfaEnabled) {
      throw new DomainError(
        'conflict',
        'auth.mfa.already-enabled',
        'Two-step sign-in is already on.',
      );
    }
    const secret = randomBytes(20);
    await this.deps.database.db
      .updateTable('accounts')
      .set({ mfa_pending_secret: this.deps.box.seal(secret, account.id) })
      .where('id', '=', account.id)
      .execute();
    const b32 = base32Encode(secret);
    const issuer = this.deps.issuer();
    const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account.email)}`;
    const params = new URLSearchParams({
      secret: b32,
      issuer,
      algorithm: 'SHA1',
      digits: String(TOTP_DEFAULTS.digits),
      period: String(TOTP_DEFAULTS.periodSeconds),
    });
    return { secret: b32, otpauthUri: `otpauth://totp/${label}?${params.toString()}` };
  }

  /**
   * Finishes enrolment with a first code; returns recovery codes, shown this once and
   * stored only as keyed hashes. An enrolment-only session becomes a full one (new id).
   */
  async enable(
    account: Account,
    session: { idHash: string; state: SessionState },
    code: string,
    meta: RequestMeta,
  ): Promise<{ recoveryCodes: string[]; session: NewSession | null }> {
    const { db } = this.deps.database;
    const now = this.deps.clock.now();
    const row = await findAccountRow(db, account.id);
    if (!row?.mfa_pending_secret || Number(row.mfa_enabled) === 1) {
      throw new DomainError('conflict', 'auth.mfa.not-enrolling', 'Start the set-up first.');
    }
    const step = matchTotp(this.deps.box.open(row.mfa_pending_secret, account.id), code, now);
    if (step === null) throw codeInvalid();
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const base = {
      ...eventBase(this.deps, now, meta),
      actor: actorOf(account),
      organizationId: account.organizationId,
    };
    const fresh = await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set({
          mfa_enabled: 1,
          mfa_secret: row.mfa_pending_secret,
          mfa_pending_secret: null,
          mfa_last_step: step,
          updated_at: now.toISOString(),
        })
        .where('id', '=', account.id)
        .execute();
      await this.replaceRecoveryCodes(trx, account.id, recoveryCodes, now);
      const events: AuthEvent[] = [
        {
          ...base,
          action: 'mfa-change',
          outcome: 'success',
          resourceType: 'Account',
          resourceId: account.id,
          detail: { change: 'enable', factor: 'totp' },
        },
      ];
      let s: NewSession | null = null;
      if (session.state === 'mfa-enrolment') {
        await deleteSession(trx, session.idHash);
        s = await createSession(
          trx,
          { ...account, mfaEnabled: true },
          'active',
          meta,
          now,
          this.deps.settings,
        );
        events.push({
          ...base,
          action: 'login',
          outcome: 'success',
          resourceType: 'Session',
          resourceId: s.idHash,
          detail: { mfa: 'enrolment' },
        });
      }
      // Audit last: on PostgreSQL the append holds the chain-head lock until commit.
      await audit(this.deps, trx, ...events);
      return s;
    });
    return { recoveryCodes, session: fresh };
  }

  /** Turns MFA off: needs the password and a current code. Staff cannot while it is required. */
  async disable(
    account: Account,
    password: string,
    code: string,
    meta: RequestMeta,
  ): Promise<void> {
    if (account.kind === 'staff' && this.deps.settings.staffMfaRequired) {
      throw new DomainError(
        'conflict',
        'auth.mfa.required',
        'Staff must keep two-step sign-in on.',
      );
    }
    const { db } = this.deps.database;
    const now = this.deps.clock.now();
    const row = await findAccountRow(db, account.id);
    if (!row?.password_hash || !row.mfa_secret) {
      throw new DomainError('conflict', 'auth.mfa.not-enabled', 'Two-step sign-in is not on.');
    }
    if (!(await this.deps.hasher.verify(row.password_hash, password))) {
      throw new DomainError(
        'validation',
        'auth.password.current-wrong',
        'The current password is wrong.',
        [{ path: 'password', messageKey: 'auth.password.current-wrong', detail: 'wrong password' }],
      );
    }
    const step = matchTotp(this.deps.box.open(row.mfa_secret, account.id), code, now);
    if (step === null || (row.mfa_last_step !== null && step <= Number(row.mfa_last_step)))
      throw codeInvalid();
    await db.transaction().execute(async (trx) => {
      await clearMfa(trx, account.id, now);
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(account),
        organizationId: account.organizationId,
        action: 'mfa-change',
        outcome: 'success',
        resourceType: 'Account',
        resourceId: account.id,
        detail: { change: 'disable' },
      });
    });
  }

  private async replaceRecoveryCodes(
    trx: Db,
    accountId: string,
    codes: string[],
    now: Date,
  ): Promise<void> {
    await trx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(
        codes.map((c) => ({
          account_id: accountId,
          code_hash: this.deps.box.keyedHash(normalizeRecoveryCode(c)),
          created_at: now.toISOString(),
          used_at: null,
        })),
      )
      .execute();
  }
}

/** Removes every trace of an account's second factor (disable, or an admin reset). */
export async function clearMfa(trx: Db, accountId: string, now: Date): Promise<void> {
  await trx
    .updateTable('accounts')
    .set({
      mfa_enabled: 0,
      mfa_secret: null,
      mfa_pending_secret: null,
      mfa_last_step: null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', accountId)
    .execute();
  await trx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
}
