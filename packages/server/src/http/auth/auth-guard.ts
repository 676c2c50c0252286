import { DomainError, permissionsOf, type Permission } from '@caredesk/core';
import type { FastifyRequest } from 'fastify';
import type { Account, AuthResult, Identity, SessionState } from '../../identity';

export type SignedIn = AuthResult & {
  account: Account;
  sessionId: string;
  sessionState: SessionState;
};

/**
 * A signed-in person (session, not API token) whose session is in one of `allow` states;
 * checks CSRF on state changes. An `mfa-pending` session reaches only the routes that
 * list it (POST /api/auth/mfa/verify and logout).
 */
export async function requireSession(
  identity: Identity,
  request: FastifyRequest,
  allow: readonly SessionState[] = ['active'],
): Promise<SignedIn> {
  const auth = await identity.authenticate(request);
  if (!auth?.account || auth.kind !== 'session' || !auth.sessionId || !auth.sessionState) {
    throw new DomainError('unauthenticated', 'problem.unauthenticated', 'Sign in first.');
  }
  if (!allow.includes(auth.sessionState)) {
    throw new DomainError(
      'unauthenticated',
      auth.sessionState === 'mfa-enrolment' ? 'auth.mfa.enrolment-required' : 'access.mfaRequired',
      'Complete two-step sign-in first.',
    );
  }
  identity.requireCsrf(request, auth);
  return auth as SignedIn;
}

/**
 * The admin routes' local permission check, kept in this one function so the shared
 * policy middleware can replace it: a fully signed-in person whose roles carry `permission`.
 * API tokens never administer accounts.
 */
export async function requireAdmin(
  identity: Identity,
  request: FastifyRequest,
  permission: Extract<Permission, 'admin.users' | 'admin.teams'>,
): Promise<SignedIn> {
  const auth = await requireSession(identity, request);
  if (!permissionsOf(auth.account.roles).has(permission)) {
    throw new DomainError('forbidden', 'problem.forbidden', `Needs ${permission}.`);
  }
  return auth;
}
