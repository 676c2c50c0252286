import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'cd_session';

/** The session cookie's value, if the request carries one (first of duplicates). */
export function readSessionCookie(request: Pick<FastifyRequest, 'headers'>): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * Set-Cookie for a session: httpOnly (no script reads it), SameSite=Strict (no
 * cross-site request carries it), Path=/, Secure on HTTPS. No Max-Age: the cookie ends
 * with the browser; the server enforces idle and absolute limits. Never any PHI inside.
 */
export function sessionCookie(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

export function isSecureRequest(
  request: Pick<FastifyRequest, 'protocol'>,
  publicUrl?: string,
): boolean {
  return request.protocol === 'https' || (publicUrl?.startsWith('https:') ?? false);
}
