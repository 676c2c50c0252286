import { AccountLanguage } from './account-language';
import type { FastifyRequest } from 'fastify';
import { AccountAdminService } from './account-admin-service';
import { ApiTokenService } from './api-token-service';
import { Authenticator, requireCsrf, type AuthResult } from './authenticator';
import type { IdentityDeps } from './identity-deps';
import { LoginService } from './login-service';
import { MfaService } from './mfa-service';
import { PasswordService } from './password-service';
import { TeamService } from './team-service';

/** Every identity service, built once in the composition root. */
export interface Identity {
  deps: IdentityDeps;
  login: LoginService;
  mfa: MfaService;
  passwords: PasswordService;
  tokens: ApiTokenService;
  accounts: AccountAdminService;
  teams: TeamService;
  language: AccountLanguage;
  /** Resolves a request's session cookie or bearer token (null: anonymous or refused). */
  authenticate(request: FastifyRequest): Promise<AuthResult | null>;
  /** Throws a 403 DomainError for a cookie-authenticated change without CSRF proof. */
  requireCsrf(
    request: FastifyRequest,
    auth: { kind: 'session' | 'api-token'; csrfToken?: string | undefined },
  ): void;
}

export function createIdentity(deps: IdentityDeps): Identity {
  const login = new LoginService(deps);
  const tokens = new ApiTokenService(deps);
  const authenticator = new Authenticator(deps, tokens);
  return {
    deps,
    login,
    mfa: new MfaService(deps),
    passwords: new PasswordService(deps, login),
    tokens,
    accounts: new AccountAdminService(deps),
    teams: new TeamService(deps),
    language: new AccountLanguage(deps),
    authenticate: (request) => authenticator.authenticate(request),
    requireCsrf: (request, auth) => requireCsrf(request, auth, deps.settings.publicUrl),
  };
}
