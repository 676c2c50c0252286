import { api, ApiError, setCsrfToken } from './client';

/** The signed-in account as /api/auth shows it. */
export interface Account {
  id: string;
  kind: 'staff' | 'patient' | 'caregiver';
  email: string;
  displayName: string;
  preferredLanguage: string | null;
  roles: string[];
  mfaEnabled: boolean;
  /** The patient record a patient account belongs to. */
  patientId: string | null;
}

export interface LoginResult {
  mfaRequired: boolean;
  mfaEnrolmentRequired: boolean;
  account?: Account;
}

export interface MfaSetup {
  secret: string;
  otpauthUri: string;
}

export async function login(email: string, password: string): Promise<LoginResult> {
  const r = await api<LoginResult & { csrfToken: string }>('POST', '/api/auth/login', {
    email,
    password,
  });
  setCsrfToken(r.csrfToken);
  return r;
}

export async function verifyMfa(
  proof: { code: string } | { recoveryCode: string },
): Promise<Account> {
  const r = await api<{ account: Account; csrfToken: string }>(
    'POST',
    '/api/auth/mfa/verify',
    proof,
  );
  setCsrfToken(r.csrfToken);
  return r.account;
}

export function setupMfa(): Promise<MfaSetup> {
  return api<MfaSetup>('POST', '/api/auth/mfa/setup');
}

export async function enableMfa(code: string): Promise<string[]> {
  const r = await api<{ recoveryCodes: string[]; csrfToken: string }>(
    'POST',
    '/api/auth/mfa/enable',
    { code },
  );
  setCsrfToken(r.csrfToken);
  return r.recoveryCodes;
}

export interface CurrentSession {
  account: Account;
  /** What the account's roles allow (the server decides; the app only hides what would fail). */
  permissions: string[];
  /** Inactivity after which the server ends the session. */
  idleSeconds: number;
}

/** Keeps the screens' language on the signed-in account (PUT /api/auth/me/language). */
export async function saveAccountLanguage(language: string): Promise<void> {
  await api<unknown>('PUT', '/api/auth/me/language', { language });
}

/** The session behind the cookie, or null when nobody is signed in. */
export async function currentSession(): Promise<CurrentSession | null> {
  try {
    const r = await api<CurrentSession & { csrfToken: string }>('GET', '/api/auth/me');
    setCsrfToken(r.csrfToken);
    return { account: r.account, permissions: r.permissions, idleSeconds: r.idleSeconds };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
    throw e;
  }
}

export async function logout(): Promise<void> {
  try {
    await api<void>('POST', '/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

/** Asks for a reset link by e-mail. The answer is the same whether or not the address has an account. */
export async function requestPasswordReset(email: string): Promise<void> {
  await api<unknown>('POST', '/api/auth/password/reset-request', { email });
}

/** Sets a new password with a one-time link's token (a reset or an invitation). */
export async function setPasswordWithToken(
  purpose: 'reset' | 'invitation',
  token: string,
  password: string,
): Promise<void> {
  const path = purpose === 'reset' ? '/api/auth/password/reset' : '/api/auth/invitations/accept';
  await api<void>('POST', path, { token, password });
}
