// Identity: accounts, sessions, MFA, API tokens, password reset and invitations.
// The access middleware uses `authenticate` and `requireCsrf`; routes live in http/auth/.
export type { Account, AccountKind, AccountStatus, Reach, RequestMeta } from './accounts';
export { normalizeEmail } from './accounts';
export type { AccessChange, NewAccountInput } from './account-admin-service';
export type { ApiTokenInfo } from './api-token-service';
export type { AuthResult } from './authenticator';
export { checkOrigin, requestMeta, requireCsrf } from './authenticator';
export type { Identity } from './identity';
export { createIdentity } from './identity';
export type { IdentityDeps, IdentitySettings } from './identity-deps';
export { RetryLaterError } from './identity-deps';
export { inviteAccount, linkCaregiver, sendInvitation } from './invitations';
export { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './lockout';
export { RECOVERY_CODE_COUNT } from './mfa-service';
export type { Argon2Params } from './password-hasher';
export { OWASP_ARGON2ID, PasswordHasher, TEST_ONLY_WEAK_ARGON2ID } from './password-hasher';
export {
  checkPassword,
  passwordIssues,
  PASSWORD_MAX_CHARACTERS,
  PASSWORD_MIN_CHARACTERS,
} from './password-policy';
export { TOKEN_LIFETIME_MS } from './password-service';
export { canManageRole, tokenGrantable } from './role-rules';
export { SecretBox } from './secret-box';
export {
  clearedSessionCookie,
  isSecureRequest,
  SESSION_COOKIE,
  sessionCookie,
} from './session-cookie';
export type { SessionState } from './sessions';
export { MFA_PENDING_MINUTES, SLIDING_UPDATE_MS } from './sessions';
export { matchTotp, totpAt } from './totp';
export { base32Decode } from './base32';
