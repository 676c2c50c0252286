import { DomainError, type Clock } from '@caredesk/core';
import type { AuditSink } from '../audit/audit-sink';
import type { Database } from '../storage/database';
import { authEntry, type AuthEvent } from './accounts';
import type { PasswordHasher } from './password-hasher';
import type { SecretBox } from './secret-box';
import type { SessionSettings } from './sessions';

/** The settings identity reads (all from Config; publicUrl/baseUrl for links and cookies). */
export interface IdentitySettings extends SessionSettings {
  staffMfaRequired: boolean;
  loginRateLimitPerMinute: number;
  /** Base of links sent by e-mail (invitation, password reset). */
  baseUrl: string;
  /** Configured public URL: an https one makes cookies Secure and is an accepted Origin. */
  publicUrl?: string | undefined;
}

/** What every identity service is built from (composition root). */
export interface IdentityDeps {
  database: Database;
  clock: Clock;
  audit: AuditSink;
  hasher: PasswordHasher;
  box: SecretBox;
  settings: IdentitySettings;
  /** Name shown in authenticator apps (otpauth issuer). */
  issuer: () => string;
}

/** A DomainError that also says when to try again (sent as Retry-After). */
export class RetryLaterError extends DomainError {
  constructor(
    messageKey: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate-limited', messageKey, message);
  }
}

export const invalidCredentials = (): DomainError =>
  new DomainError(
    'unauthenticated',
    'auth.login.invalid',
    'The e-mail address or password is wrong.',
  );

export const signInRequired = (): DomainError =>
  new DomainError('unauthenticated', 'problem.unauthenticated', 'Sign in first.');

export function notFound(messageKey: string, what: string): DomainError {
  return new DomainError('not-found', messageKey, `No such ${what}.`);
}

/** Appends auth events inside the transaction that makes the change (AuditSink contract). */
export async function audit(
  deps: IdentityDeps,
  trx: Parameters<AuditSink['appendInTransaction']>[0],
  ...events: AuthEvent[]
): Promise<void> {
  await deps.audit.appendInTransaction(trx, events.map(authEntry));
}
