import { api, setCsrfToken } from './client';

/** The signed-in account as /api/auth shows it. */
export interface Account {
  id: string;
  kind: 'staff' | 'patient' | 'caregiver';
  email: string;
  displayName: string;
  preferredLanguage: string | null;
  roles: string[];
  mfaEnabled: boolean;
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

/** The account behind the session cookie, or null when there is no signed-in session. */
export async function currentAccount(): Promise<Account | null> {
  try {
    const r = await api<{ account: Account; csrfToken: string }>('GET', '/api/auth/me');
    setCsrfToken(r.csrfToken);
    return r.account;
  } catch (e) {
    if (e instanceof Error && 'status' in e && (e.status === 401 || e.status === 403)) return null;
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
