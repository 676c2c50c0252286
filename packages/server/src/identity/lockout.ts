import { sql } from 'kysely';
import type { Db } from './accounts';
import { normalizeEmail } from './accounts';
import { sha256 } from './tokens';

/** Consecutive failures before a lockout (security brief G14; OWASP ASVS V6.3). */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

/**
 * Failed-login counting per e-mail address, whether or not an account has it: an unknown
 * address locks exactly like a real one, so the lockout answer does not reveal which
 * addresses exist. The address is kept only as a SHA-256.
 */
export function lockoutSubject(email: string): string {
  return sha256(`login:${normalizeEmail(email)}`);
}

/** The instant the lockout ends, when one is in force. */
export async function lockedUntil(db: Db, subject: string, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('login_lockouts')
    .select('locked_until')
    .where('subject_hash', '=', subject)
    .executeTakeFirst();
  if (!row?.locked_until) return null;
  const until = new Date(row.locked_until);
  return until > now ? until : null;
}

/** Counts one failure atomically (an upsert); returns true when this failure started a lockout. */
export async function recordFailure(db: Db, subject: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const row = await db
    .insertInto('login_lockouts')
    .values({ subject_hash: subject, failures: 1, locked_until: null, updated_at: at })
    .onConflict((oc) =>
      oc
        .column('subject_hash')
        .doUpdateSet({ failures: sql<number>`login_lockouts.failures + 1`, updated_at: at }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  if (Number(row.failures) < LOCKOUT_THRESHOLD) return false;
  await db
    .updateTable('login_lockouts')
    .set({
      failures: 0,
      locked_until: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString(),
    })
    .where('subject_hash', '=', subject)
    .execute();
  return true;
}

export async function clearFailures(db: Db, subject: string): Promise<void> {
  await db.deleteFrom('login_lockouts').where('subject_hash', '=', subject).execute();
}
