import { DomainError } from '@caredesk/core';
import {
  ANONYMOUS,
  authEntry,
  actorOf,
  findAccountRow,
  findAccountRowByEmail,
  toAccount,
  type Account,
  type AuthEvent,
  type RequestMeta,
} from './accounts';
import { audit, invalidCredentials, RetryLaterError, type IdentityDeps } from './identity-deps';
import { clearFailures, lockedUntil, lockoutSubject, recordFailure } from './lockout';
import { RateLimiter } from './rate-limiter';
import { createSession, deleteSession, type NewSession, type SessionState } from './sessions';
import { matchTotp } from './totp';
import { normalizeRecoveryCode } from './tokens';

export interface LoginResult {
  account: Account;
  session: NewSession;
}

/** Sign-in, the second factor, sign-out (OWASP ASVS 5.0 V6.3, V6.6; security brief G14). */
export class LoginService {
  private readonly limiter: RateLimiter;

  constructor(private readonly deps: IdentityDeps) {
    this.limiter = new RateLimiter(deps.database.db);
  }

  /**
   * Counts one unauthenticated auth request from a client address against
   * `loginRateLimitPerMinute`; the first refusal in a window is audited (not every one,
   * or a flood would turn into a flood of audit writes).
   */
  async throttle(meta: RequestMeta, what: string): Promise<void> {
    const now = this.deps.clock.now();
    const limit = this.deps.settings.loginRateLimitPerMinute;
    const d = await this.limiter.hit(`auth:${meta.sourceAddress ?? 'unknown'}`, limit, now);
    if (d.allowed) return;
    if (d.hits === limit + 1) {
      await this.deps.audit.record(
        authEvent(this.deps, now, meta, 'login-failed', 'denied', null, null, {
          reason: 'rate-limited',
          endpoint: what,
        }),
      );
    }
    throw new RetryLaterError(
      'auth.rate-limited',
      'Too many attempts from this address.',
      d.retryAfterSeconds,
    );
  }

  async login(email: string, password: string, meta: RequestMeta): Promise<LoginResult> {
    await this.throttle(meta, 'login');
    const { db } = this.deps.database;
    const now = this.deps.clock.now();
    const subject = lockoutSubject(email);
    const row = await findAccountRowByEmail(db, email);
    const until = await lockedUntil(db, subject, now);
    if (until) {
      await this.deps.hasher.verifyDummy(password);
      await this.deps.audit.record(
        authEvent(
          this.deps,
          now,
          meta,
          'login-failed',
          'denied',
          row?.organization_id ?? null,
          row?.id ?? null,
          {
            reason: 'locked',
          },
        ),
      );
      throw lockedError(until, now);
    }
    const ok = row?.password_hash
      ? await this.deps.hasher.verify(row.password_hash, password)
      : await this.deps.hasher.verifyDummy(password);
    if (!row || !ok || row.status !== 'active') {
      const reason = !row
        ? 'unknown-account'
        : !ok
          ? 'bad-password'
          : row.status === 'disabled'
            ? 'disabled'
            : 'not-activated';
      await db.transaction().execute(async (trx) => {
        const lockedNow = await recordFailure(trx, subject, now);
        await audit(this.deps, trx, {
          ...eventBase(this.deps, now, meta),
          organizationId: row?.organization_id ?? null,
          action: 'login-failed',
          outcome: 'denied',
          resourceType: 'Account',
          resourceId: row?.id ?? null,
          detail: { reason, ...(lockedNow ? { lockedNow } : {}) },
        });
      });
      throw invalidCredentials();
    }
    const account = toAccount(row);
    const state: SessionState = account.mfaEnabled
      ? 'mfa-pending'
      : account.kind === 'staff' && this.deps.settings.staffMfaRequired
        ? 'mfa-enrolment'
        : 'active';
    // Raised hashing parameters take effect at the next successful sign-in.
    const rehashed = this.deps.hasher.needsRehash(row.password_hash!)
      ? await this.deps.hasher.hash(password)
      : null;
    const session = await db.transaction().execute(async (trx) => {
      await clearFailures(trx, subject);
      if (rehashed) {
        await trx
          .updateTable('accounts')
          .set({ password_hash: rehashed })
          .where('id', '=', account.id)
          .execute();
      }
      const s = await createSession(trx, account, state, meta, now, this.deps.settings);
      // A sign-in is recorded once it is complete: here, or after the second factor.
      if (state === 'active') {
        await audit(this.deps, trx, {
          ...eventBase(this.deps, now, meta),
          actor: actorOf(account),
          organizationId: account.organizationId,
          action: 'login',
          outcome: 'success',
          resourceType: 'Session',
          resourceId: s.idHash,
          detail: { mfa: false },
        });
      }
      return s;
    });
    return { account, session };
  }

  /**
   * The second factor for an `mfa-pending` session: a TOTP code (a step not used before)
   * or an unused recovery code. Success replaces the pending session with a new active
   * one (a fresh id after the privilege change, OWASP ASVS V7.2.4).
   */
  async verifyMfa(
    pending: { idHash: string; accountId: string; state: SessionState },
    input: { code?: string | undefined; recoveryCode?: string | undefined },
    meta: RequestMeta,
  ): Promise<LoginResult> {
    if (pending.state !== 'mfa-pending') {
      throw new DomainError(
        'conflict',
        'auth.mfa.not-pending',
        'This session is not waiting for a code.',
      );
    }
    await this.throttle(meta, 'mfa-verify');
    const { db } = this.deps.database;
    const now = this.deps.clock.now();
    const row = await findAccountRow(db, pending.accountId);
    if (!row?.mfa_secret) throw invalidCredentials();
    const account = toAccount(row);
    const subject = lockoutSubject(account.email);
    const until = await lockedUntil(db, subject, now);
    if (until) {
      await deleteSession(db, pending.idHash);
      throw lockedError(until, now);
    }
    const factor = input.code ? 'totp' : 'recovery-code';
    let ok = false;
    if (input.code) {
      const step = matchTotp(this.deps.box.open(row.mfa_secret, account.id), input.code, now);
      if (step !== null) {
        // The conditional update is the replay guard: a step at or before the last accepted
        // one matches no row (RFC 6238 §5.2), even for two requests racing.
        const r = await db
          .updateTable('accounts')
          .set({ mfa_last_step: step })
          .where('id', '=', account.id)
          .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
          .executeTakeFirst();
        ok = Number(r.numUpdatedRows) === 1;
      }
    } else if (input.recoveryCode) {
      const r = await db
        .updateTable('recovery_codes')
        .set({ used_at: now.toISOString() })
        .where('account_id', '=', account.id)
        .where('code_hash', '=', this.deps.box.keyedHash(normalizeRecoveryCode(input.recoveryCode)))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      ok = Number(r.numUpdatedRows) === 1;
    }
    const base = {
      ...eventBase(this.deps, now, meta),
      actor: actorOf(account),
      organizationId: account.organizationId,
    };
    if (!ok) {
      await db.transaction().execute(async (trx) => {
        const lockedNow = await recordFailure(trx, subject, now);
        if (lockedNow) await deleteSession(trx, pending.idHash);
        await audit(this.deps, trx, {
          ...base,
          action: 'login-failed',
          outcome: 'denied',
          resourceType: 'Account',
          resourceId: account.id,
          detail: { reason: 'mfa-failed', factor, ...(lockedNow ? { lockedNow } : {}) },
        });
      });
      throw new DomainError('validation', 'auth.mfa.code.invalid', 'The code is not valid.', [
        {
          path: input.code ? 'code' : 'recoveryCode',
          messageKey: 'auth.mfa.code.invalid',
          detail: 'wrong or used code',
        },
      ]);
    }
    const session = await db.transaction().execute(async (trx) => {
      await clearFailures(trx, subject);
      await deleteSession(trx, pending.idHash);
      const s = await createSession(trx, account, 'active', meta, now, this.deps.settings);
      const events: AuthEvent[] = [
        {
          ...base,
          action: 'login',
          outcome: 'success',
          resourceType: 'Session',
          resourceId: s.idHash,
          detail: { mfa: factor },
        },
      ];
      if (factor === 'recovery-code') {
        const left = await trx
          .selectFrom('recovery_codes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('account_id', '=', account.id)
          .where('used_at', 'is', null)
          .executeTakeFirstOrThrow();
        events.push({
          ...base,
          action: 'mfa-change',
          outcome: 'success',
          resourceType: 'Account',
          resourceId: account.id,
          detail: { change: 'recovery-code-used', remaining: Number(left.n) },
        });
      }
      // Audit last: on PostgreSQL the append holds the chain-head lock until commit.
      await audit(this.deps, trx, ...events);
      return s;
    });
    return { account, session };
  }

  async logout(session: { idHash: string }, account: Account, meta: RequestMeta): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.database.db.transaction().execute(async (trx) => {
      await deleteSession(trx, session.idHash);
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(account),
        organizationId: account.organizationId,
        action: 'logout',
        outcome: 'success',
        resourceType: 'Session',
        resourceId: session.idHash,
        detail: { reason: 'user' },
      });
    });
  }
}

function lockedError(until: Date, now: Date): RetryLaterError {
  return new RetryLaterError(
    'auth.login.locked',
    'Too many failed sign-ins: try again later.',
    Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  );
}

export function eventBase(_deps: IdentityDeps, at: Date, meta: RequestMeta) {
  return { at, meta, actor: ANONYMOUS, organizationId: null as string | null };
}

function authEvent(
  deps: IdentityDeps,
  at: Date,
  meta: RequestMeta,
  action: 'login-failed',
  outcome: 'denied',
  organizationId: string | null,
  resourceId: string | null,
  detail: Record<string, unknown>,
) {
  return authEntry({
    ...eventBase(deps, at, meta),
    organizationId,
    action,
    outcome,
    resourceType: 'Account',
    resourceId,
    detail,
  });
}
