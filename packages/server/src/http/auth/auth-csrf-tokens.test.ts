import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  auditEntries,
  login,
  provisionStaff,
  signIn,
  startDesk,
  type Desk,
  type SignedIn,
  type TestClock,
} from './testing/auth-fixtures';
import { TOKEN_ROW_TTL_MS } from '../../identity/api-token-cache';

let desk: Desk;
let clock: TestClock;
let admin: SignedIn;

beforeAll(async () => {
  ({ desk, clock } = await startDesk({ staffMfaRequired: false, loginRateLimitPerMinute: 5 }));
  await provisionStaff(desk, 'ada.admin@clinic.example', ['admin'], 'Ada Admin');
  admin = await signIn(desk, clock, 'ada.admin@clinic.example');
});
afterAll(async () => desk.dispose());

const createTeam = (headers: Record<string, string>, name = `Team ${Math.random()}`) =>
  desk.app.inject({ method: 'POST', url: '/api/admin/teams', headers, payload: { name } });

describe('CSRF on cookie-authenticated changes', () => {
  it.each([
    ['no token', (h: Record<string, string>) => ({ cookie: h.cookie! })],
    ['a wrong token', (h: Record<string, string>) => ({ ...h, 'x-csrf-token': 'x'.repeat(43) })],
    ['a foreign Origin', (h: Record<string, string>) => ({ ...h, origin: 'https://evil.example' })],
    ['Origin: null', (h: Record<string, string>) => ({ ...h, origin: 'null' })],
    [
      'a foreign Referer',
      (h: Record<string, string>) => {
        const { origin: _o, ...rest } = h;
        return { ...rest, referer: 'https://evil.example/page' };
      },
    ],
  ])('refuses %s with 403', async (_name, headersOf) => {
    const res = await createTeam(headersOf(as(admin)));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('accepts the right token with our own Origin, or with no Origin at all', async () => {
    expect((await createTeam(as(admin))).statusCode).toBe(201);
    expect(
      (await createTeam({ cookie: admin.cookie, 'x-csrf-token': admin.csrf })).statusCode,
    ).toBe(201);
  });

  it('refuses a cross-site login (login CSRF)', async () => {
    const res = await login(desk, 'ada.admin@clinic.example', undefined, '10.0.0.9', {
      origin: 'https://evil.example',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('login rate limit per client address (in the database)', () => {
  it('answers 429 with Retry-After after the limit, and X-Forwarded-For does not reset it', async () => {
    const ip = '192.0.2.10';
    for (let i = 0; i < 5; i++)
      expect(
        (await login(desk, 'someone@clinic.example', 'wrong-password-xyz', ip)).statusCode,
      ).toBe(401);
    const limited = await login(desk, 'someone@clinic.example', 'wrong-password-xyz', ip);
    expect(limited.statusCode).toBe(429);
    const retry = Number(limited.headers['retry-after']);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    const forged = await login(desk, 'ada.admin@clinic.example', undefined, ip, {
      'x-forwarded-for': '203.0.113.77',
    });
    expect(forged.statusCode).toBe(429);
    // Another address is unaffected; the window passes.
    expect(
      (await login(desk, 'ada.admin@clinic.example', undefined, '192.0.2.11')).statusCode,
    ).toBe(200);
    const rows = await desk.database.db
      .selectFrom('rate_limits')
      .selectAll()
      .where('bucket', '=', `auth:${ip}`)
      .execute();
    expect(rows[0]!.hits).toBe(7);
    expect(
      (await auditEntries(desk, 'login-failed')).filter((e) => e.detail?.reason === 'rate-limited'),
    ).toHaveLength(1);
    clock.advance(61_000);
    expect((await login(desk, 'ada.admin@clinic.example', undefined, ip)).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  let token = '';
  let tokenId = '';

  it('are shown once at creation, stored hashed, and work as Bearer without CSRF', async () => {
    const res = await desk.app.inject({
      method: 'POST',
      url: '/api/admin/api-tokens',
      headers: as(admin),
      payload: { name: 'Lab interface', scopes: ['patient.read', 'patient.search'] },
    });
    expect(res.statusCode).toBe(201);
    token = res.json().token;
    tokenId = res.json().id;
    expect(token).toMatch(/^cd_[0-9a-f]{24}_[0-9a-f]{64}$/);
    const list = await desk.app.inject({
      method: 'GET',
      url: '/api/admin/api-tokens',
      headers: as(admin),
    });
    expect(list.body).not.toContain(token.slice(28));
    const row = await desk.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).not.toContain(token.slice(28));
    const auth = await desk.services.identity.authenticate({
      headers: { authorization: `Bearer ${token}` },
    } as never);
    expect(auth).toMatchObject({
      kind: 'api-token',
      mfaSatisfied: true,
      principal: { kind: 'api-token', tokenId, scopes: ['patient.read', 'patient.search'] },
    });
    // Bearer-authenticated changes need no CSRF token.
    expect(() =>
      desk.services.identity.requireCsrf(
        { method: 'POST', headers: { origin: 'null' } } as never,
        auth!,
      ),
    ).not.toThrow();
    expect((await auditEntries(desk, 'token-change')).at(-1)!.detail).toMatchObject({
      change: 'create',
      scopes: ['patient.read', 'patient.search'],
    });
  });

  it('update last_used_at at most once a minute', async () => {
    const lastUsed = async () =>
      (
        await desk.database.db
          .selectFrom('api_tokens')
          .select('last_used_at')
          .where('id', '=', tokenId)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    const first = await lastUsed();
    clock.advance(5_000);
    await desk.services.identity.authenticate({
      headers: { authorization: `Bearer ${token}` },
    } as never);
    expect(await lastUsed()).toBe(first);
    clock.advance(60_000);
    await desk.services.identity.authenticate({
      headers: { authorization: `Bearer ${token}` },
    } as never);
    expect(await lastUsed()).not.toBe(first);
  });

  it('refuse anything else in Authorization, even next to a valid cookie', async () => {
    const header = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const algNone = `${header({ alg: 'none', typ: 'JWT' })}.${header({ sub: 'admin', roles: ['admin'] })}.`;
    for (const authorization of [
      `Bearer ${algNone}`,
      'Basic YWRtaW46YWRtaW4=',
      // The last secret character changed (to '0', or to '1' when it already was '0':
      // a random secret ends in '0' one time in sixteen, and then this was the real token).
      `Bearer ${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`,
      token,
      `bearer ${token}`,
    ]) {
      const auth = await desk.services.identity.authenticate({
        headers: { authorization, cookie: admin.cookie },
      } as never);
      expect(auth, authorization).toBeNull();
      const res = await desk.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization, cookie: admin.cookie },
      });
      expect(res.statusCode).toBe(401);
    }
  });

  it('cannot carry self.*, proxy.* or a permission the admin may not grant', async () => {
    const create = (scopes: string[]) =>
      desk.app.inject({
        method: 'POST',
        url: '/api/admin/api-tokens',
        headers: as(admin),
        payload: { name: 'x', scopes },
      });
    expect((await create(['self.read'])).statusCode).toBe(400);
    expect((await create(['proxy.read'])).statusCode).toBe(400);
    expect((await create(['admin.users'])).statusCode).toBe(400);
    const oversight = await create(['audit.export']);
    expect(oversight.statusCode).toBe(403);
    expect(oversight.json().issues[0].detail).toBe('audit.export');
    expect((await create(['not.a.permission'])).statusCode).toBe(400);
  });

  it('expire, and once revoked are refused', async () => {
    const res = await desk.app.inject({
      method: 'POST',
      url: '/api/admin/api-tokens',
      headers: as(admin),
      payload: {
        name: 'Short',
        scopes: ['patient.read'],
        expiresAt: new Date(clock.t + 60_000).toISOString(),
      },
    });
    const short = res.json().token as string;
    const bearer = (t: string) =>
      desk.services.identity.authenticate({ headers: { authorization: `Bearer ${t}` } } as never);
    expect(await bearer(short)).not.toBeNull();
    clock.advance(61_000);
    expect(await bearer(short)).toBeNull();
    expect(await bearer(token)).not.toBeNull();
    const revoke = await desk.app.inject({
      method: 'DELETE',
      url: `/api/admin/api-tokens/${tokenId}`,
      headers: as(admin),
    });
    expect(revoke.statusCode).toBe(204);
    expect(await bearer(token)).toBeNull();
    expect((await auditEntries(desk, 'token-change')).at(-1)!.detail).toEqual({ change: 'revoke' });
    // API tokens never reach the admin routes.
    const other = await desk.app.inject({
      method: 'POST',
      url: '/api/admin/api-tokens',
      headers: as(admin),
      payload: { name: 'Other', scopes: ['patient.read'] },
    });
    const viaToken = await desk.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { authorization: `Bearer ${other.json().token}` },
    });
    // Authenticated, but no token carries admin.* (the route policy refuses it).
    expect(viaToken.statusCode).toBe(403);
  });

  it('honour a revocation another process wrote within TOKEN_ROW_TTL_MS', async () => {
    const made = await desk.app.inject({
      method: 'POST',
      url: '/api/admin/api-tokens',
      headers: as(admin),
      payload: { name: 'Elsewhere', scopes: ['patient.read'] },
    });
    const { token: elsewhere, id } = made.json<{ token: string; id: string }>();
    const bearer = () =>
      desk.services.identity.authenticate({
        headers: { authorization: `Bearer ${elsewhere}` },
      } as never);
    expect(await bearer()).not.toBeNull();
    // Another server on the same database revokes it: this one's kept row is not told.
    await desk.database.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date(clock.t).toISOString() })
      .where('id', '=', id)
      .execute();
    clock.advance(TOKEN_ROW_TTL_MS);
    expect(await bearer()).toBeNull();
    // Nor does a kept row ever stand in for the secret: a wrong one is refused while kept.
    const kept = (
      await desk.app.inject({
        method: 'POST',
        url: '/api/admin/api-tokens',
        headers: as(admin),
        payload: { name: 'Kept', scopes: ['patient.read'] },
      })
    ).json<{ token: string }>();
    const auth = (t: string) =>
      desk.services.identity.authenticate({ headers: { authorization: `Bearer ${t}` } } as never);
    expect(await auth(kept.token)).not.toBeNull();
    const wrong = `${kept.token.slice(0, -1)}${kept.token.endsWith('0') ? '1' : '0'}`;
    expect(await auth(wrong)).toBeNull();
  });
});
