import type { Selectable } from 'kysely';
import type { SessionsTable } from '../storage/schema';
import type { Account, AccountRow, Db, RequestMeta } from './accounts';
import { randomToken, sha256 } from './tokens';

/**
 * - `active`: fully signed in;
 * - `mfa-pending`: password accepted, second factor not yet given — may only verify;
 * - `mfa-enrolment`: staff who must use MFA and have none yet — may only enrol.
 */
export type SessionState = 'active' | 'mfa-pending' | 'mfa-enrolment';

export interface SessionSettings {
  staffIdleMinutes: number;
  patientIdleMinutes: number;
  sessionMaxHours: number;
}

/** A session still waiting for its second factor lives this long at most. */
export const MFA_PENDING_MINUTES = 5;
/** `last_seen_at` moves at most this often: one write a minute, not one per request. */
export const SLIDING_UPDATE_MS = 60_000;

export type SessionRow = Selectable<SessionsTable>;

export interface NewSession {
  /** The cookie value: shown to the browser once, never stored. */
  cookieValue: string;
  idHash: string;
  csrfToken: string;
  state: SessionState;
}

export function idleMinutesFor(account: Pick<Account, 'kind'>, s: SessionSettings): number {
  return account.kind === 'staff' ? s.staffIdleMinutes : s.patientIdleMinutes;
}

export async function createSession(
  db: Db,
  account: Account,
  state: SessionState,
  meta: RequestMeta,
  now: Date,
  settings: SessionSettings,
): Promise<NewSession> {
  const cookieValue = randomToken();
  const idHash = sha256(cookieValue);
  const csrfToken = randomToken();
  const absolute = now.getTime() + settings.sessionMaxHours * 3_600_000;
  const expires =
    state === 'mfa-pending'
      ? Math.min(absolute, now.getTime() + MFA_PENDING_MINUTES * 60_000)
      : absolute;
  // Sessions nobody came back to are swept when their account signs in again.
  await db
    .deleteFrom('sessions')
    .where('account_id', '=', account.id)
    .where('expires_at', '<=', now.toISOString())
    .execute();
  await db
    .insertInto('sessions')
    .values({
      id_hash: idHash,
      account_id: account.id,
      state,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(expires).toISOString(),
      source_address: meta.sourceAddress,
      user_agent: meta.userAgent,
    })
    .execute();
  return { cookieValue, idHash, csrfToken, state };
}

export type SessionLookup =
  | { found: false }
  | {
      found: true;
      session: SessionRow;
      account: AccountRow;
      ended: null | 'idle-timeout' | 'expired' | 'account-inactive';
    };

/** One indexed read joining the session to its account. */
export async function lookupSession(
  db: Db,
  cookieValue: string,
  now: Date,
  settings: SessionSettings,
  kindOf: (row: AccountRow) => Pick<Account, 'kind'>,
): Promise<SessionLookup> {
  const idHash = sha256(cookieValue);
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  if (!session) return { found: false };
  const account = await db
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', session.account_id)
    .executeTakeFirst();
  if (!account) return { found: false };
  const t = now.getTime();
  let ended: null | 'idle-timeout' | 'expired' | 'account-inactive' = null;
  if (account.status !== 'active') ended = 'account-inactive';
  else if (t >= Date.parse(session.expires_at)) ended = 'expired';
  // HIPAA 164.312(a)(2)(iii) automatic logoff; ONC 170.315(d)(5).
  else if (
    t - Date.parse(session.last_seen_at) >=
    idleMinutesFor(kindOf(account), settings) * 60_000
  )
    ended = 'idle-timeout';
  if (ended) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  } else if (t - Date.parse(session.last_seen_at) >= SLIDING_UPDATE_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return { found: true, session, account, ended };
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of an account, or every one but `except` (a password change). */
export async function deleteSessionsOf(
  db: Db,
  accountId: string,
  except?: string,
): Promise<number> {
  let q = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (except) q = q.where('id_hash', '!=', except);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}
