import { DomainError, type Principal } from '@caredesk/core';
import type { FastifyRequest } from 'fastify';
import {
  actorOf,
  authEntry,
  principalFor,
  toAccount,
  type Account,
  type RequestMeta,
} from './accounts';
import type { ApiTokenService } from './api-token-service';
import type { IdentityDeps } from './identity-deps';
import { eventBase } from './login-service';
import { readSessionCookie } from './session-cookie';
import { lookupSession, type SessionState } from './sessions';
import { constantTimeEqual } from './tokens';

/** Who a request comes from (the lead's access middleware builds the AccessContext from it). */
export interface AuthResult {
  kind: 'session' | 'api-token';
  principal: Principal;
  /** False while a session waits for its second factor or for MFA enrolment. */
  mfaSatisfied: boolean;
  /** SHA-256 of the session cookie: identifies the session, safe to log. */
  sessionId?: string;
  sessionState?: SessionState;
  /** Expected in X-CSRF-Token on cookie-authenticated state changes. */
  csrfToken?: string;
  /** The signed-in account (sessions only). */
  account?: Account;
}

export function requestMeta(request: Pick<FastifyRequest, 'ip' | 'headers'>): RequestMeta {
  const ua = request.headers['user-agent'];
  // request.ip is the socket address: trustProxy is false, so X-Forwarded-For is ignored.
  return {
    sourceAddress: request.ip ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null,
  };
}

const BEARER = /^Bearer ([A-Za-z0-9_]+)$/;

/** Resolves the session cookie or bearer token of a request. */
export class Authenticator {
  constructor(
    private readonly deps: IdentityDeps,
    private readonly tokens: ApiTokenService,
  ) {}

  async authenticate(request: FastifyRequest): Promise<AuthResult | null> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      // Only CareDesk API tokens: a JWT (alg:none or not), Basic credentials or anything
      // else is refused outright — never a fall-back to the cookie.
      const m = BEARER.exec(authorization);
      const resolved = m ? await this.tokens.resolve(m[1]!) : null;
      return resolved
        ? { kind: 'api-token', principal: resolved.principal, mfaSatisfied: true }
        : null;
    }
    const cookie = readSessionCookie(request);
    if (!cookie) return null;
    const now = this.deps.clock.now();
    const found = await lookupSession(
      this.deps.database.db,
      cookie,
      now,
      this.deps.settings,
      (row) => toAccount(row),
    );
    if (!found.found) return null;
    const account = toAccount(found.account);
    if (found.ended) {
      if (found.ended !== 'account-inactive') {
        // Automatic logoff is recorded like a sign-out (ONC 170.315(d)(5), (d)(2)).
        await this.deps.audit.record(
          authEntry({
            ...eventBase(this.deps, now, requestMeta(request)),
            actor: actorOf(account),
            organizationId: account.organizationId,
            action: 'logout',
            outcome: 'success',
            resourceType: 'Session',
            resourceId: found.session.id_hash,
            detail: { reason: found.ended },
          }),
        );
      }
      return null;
    }
    const state = found.session.state as SessionState;
    return {
      kind: 'session',
      principal: await principalFor(this.deps.database.db, account),
      mfaSatisfied: state === 'active',
      sessionId: found.session.id_hash,
      sessionState: state,
      csrfToken: found.session.csrf_token,
      account,
    };
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfRefused = (why: string) =>
  new DomainError('forbidden', 'access.csrf', `Cross-site request refused: ${why}.`);

/**
 * Origin check for state changes (OWASP CSRF Cheat Sheet, "verifying origin with standard
 * headers"): an Origin — or, without one, a Referer — must name this server. `Origin: null`
 * (sandboxed frames, file: pages, some redirects) is refused.
 */
export function checkOrigin(request: Pick<FastifyRequest, 'headers'>, publicUrl?: string): void {
  const origin = request.headers.origin;
  const referer = request.headers.referer;
  const claimed = origin ?? referer;
  if (claimed === undefined) return;
  if (claimed === 'null') throw csrfRefused('Origin null');
  let url: URL;
  try {
    url = new URL(claimed);
  } catch {
    throw csrfRefused('unreadable Origin');
  }
  const host = request.headers.host;
  // Through URL on both sides, so default ports compare equal (localhost:80 = localhost).
  const sameHost =
    host !== undefined &&
    URL.canParse(`${url.protocol}//${host}`) &&
    new URL(`${url.protocol}//${host}`).host === url.host;
  const samePublic = publicUrl !== undefined && new URL(publicUrl).origin === url.origin;
  if (!sameHost && !samePublic) throw csrfRefused('foreign Origin');
}

/**
 * CSRF defence for cookie-authenticated state changes: the session's token in
 * X-CSRF-Token (compared in constant time) plus the Origin check. Bearer tokens are not
 * sent by browsers on their own, so token-authenticated requests are exempt.
 */
export function requireCsrf(
  request: Pick<FastifyRequest, 'headers' | 'method'>,
  auth: { kind: 'session' | 'api-token'; csrfToken?: string | undefined },
  publicUrl?: string,
): void {
  if (auth.kind !== 'session' || SAFE_METHODS.has(request.method)) return;
  const given = request.headers['x-csrf-token'];
  if (typeof given !== 'string' || !auth.csrfToken || !constantTimeEqual(given, auth.csrfToken)) {
    throw csrfRefused('missing or wrong X-CSRF-Token');
  }
  checkOrigin(request, publicUrl);
}
