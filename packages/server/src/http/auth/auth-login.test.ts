import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT_MINUTES } from '../../identity';
import {
  as,
  auditEntries,
  cookieOf,
  login,
  provisionStaff,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from './testing/auth-fixtures';

let desk: Desk;
let clock: TestClock;

beforeAll(async () => {
  ({ desk, clock } = await startDesk({ staffMfaRequired: false, loginRateLimitPerMinute: 1000 }));
  await provisionStaff(desk, 'Nora.Nurse@Clinic.Example', ['nurse'], 'Nora Nurse');
});
afterAll(async () => desk.dispose());

const me = (headers: Record<string, string>) =>
  desk.app.inject({ method: 'GET', url: '/api/auth/me', headers });

describe('login', () => {
  it('signs in with a case-insensitive e-mail and sets a strict session cookie', async () => {
    const res = await login(desk, 'NORA.nurse@clinic.example');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      mfaRequired: false,
      account: { email: 'nora.nurse@clinic.example', roles: ['nurse'] },
    });
    expect(body.account.passwordHash).toBeUndefined();
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^cd_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const who = await me({ cookie: cookieOf(res) });
    expect(who.statusCode).toBe(200);
    expect(who.json().csrfToken).toBe(body.csrfToken);
    expect(who.json().permissions).toContain('clinical.read');
    // Staff idle limit (15 minutes by default), for the web app's warning before sign-out.
    expect(who.json().idleSeconds).toBe(15 * 60);
    const [entry] = (await auditEntries(desk, 'login')).slice(-1);
    expect(entry).toMatchObject({
      outcome: 'success',
      actor_kind: 'staff',
      source_address: '127.0.0.1',
      resource_type: 'Session',
    });
  });

  it('refuses a wrong password and an unknown address alike, auditing each reason', async () => {
    const wrong = await login(desk, 'nora.nurse@clinic.example', 'not-the-password-at-all');
    const unknown = await login(desk, 'nobody@clinic.example', 'not-the-password-at-all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe(unknown.json().code);
    expect(wrong.json().issues).toEqual(unknown.json().issues);
    const failed = (await auditEntries(desk, 'login-failed')).map((e) => e.detail?.reason);
    expect(failed).toEqual(['bad-password', 'unknown-account']);
    const unknownEntry = (await auditEntries(desk, 'login-failed'))[1]!;
    expect(unknownEntry).toMatchObject({
      actor_kind: 'anonymous',
      actor_id: null,
      source_address: '127.0.0.1',
    });
  });

  it('locks after 5 consecutive failures, even with the right password, and unlocks after 15 minutes', async () => {
    await provisionStaff(desk, 'lock.me@clinic.example', ['agent'], 'Lock Me');
    for (let i = 0; i < 5; i++)
      expect(
        (await login(desk, 'lock.me@clinic.example', 'wrong-password-number-x')).statusCode,
      ).toBe(401);
    const locked = await login(desk, 'lock.me@clinic.example');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().issues[0].message).toMatch(/15 minutes/);
    expect(Number(locked.headers['retry-after'])).toBe(LOCKOUT_MINUTES * 60);
    expect((await auditEntries(desk, 'login-failed')).at(-1)!.detail).toEqual({ reason: 'locked' });
    clock.advance(LOCKOUT_MINUTES * 60_000 - 1000);
    expect((await login(desk, 'lock.me@clinic.example')).statusCode).toBe(429);
    clock.advance(1000);
    expect((await login(desk, 'lock.me@clinic.example')).statusCode).toBe(200);
  });

  it('locks unknown addresses the same way, so a lockout reveals nothing', async () => {
    for (let i = 0; i < 5; i++)
      await login(desk, 'ghost@clinic.example', 'wrong-password-number-x');
    expect((await login(desk, 'ghost@clinic.example', 'wrong-password-number-x')).statusCode).toBe(
      429,
    );
  });

  it('takes about as long for an unknown address as for a wrong password (argon2 runs either way)', async () => {
    const time = async (email: string) => {
      const t = performance.now();
      await login(desk, email, 'some-wrong-password-zz');
      return performance.now() - t;
    };
    await time('timing@clinic.example');
    await provisionStaff(desk, 'timing.known@clinic.example', ['agent'], 'Timing Known');
    // Medians of four, alternating: one stalled fsync or GC pause under a loaded CI
    // machine must not decide the comparison (two samples each once did). Four stays
    // under the lockout's five failures.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time('timing.known@clinic.example'));
      unknown.push(await time('timing.unknown@clinic.example'));
    }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return (s[1]! + s[2]!) / 2;
    };
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  it('logout ends the session: the old cookie is refused', async () => {
    const s = await signIn(desk, clock, 'nora.nurse@clinic.example');
    const out = await desk.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(s) });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await me({ cookie: s.cookie })).statusCode).toBe(401);
    expect((await auditEntries(desk, 'logout')).at(-1)!.detail).toEqual({ reason: 'user' });
  });

  it('a password change ends every other session but keeps this one', async () => {
    await provisionStaff(desk, 'change.pw@clinic.example', ['billing'], 'Pat Change');
    const a = await signIn(desk, clock, 'change.pw@clinic.example');
    const b = await signIn(desk, clock, 'change.pw@clinic.example');
    const res = await desk.app.inject({
      method: 'POST',
      url: '/api/auth/password/change',
      headers: as(a),
      payload: {
        currentPassword: 'violet-harbour-lantern-7',
        newPassword: 'quiet-meadow-copper-kettle',
      },
    });
    expect(res.statusCode).toBe(204);
    expect((await me({ cookie: a.cookie })).statusCode).toBe(200);
    expect((await me({ cookie: b.cookie })).statusCode).toBe(401);
    expect((await login(desk, 'change.pw@clinic.example')).statusCode).toBe(401);
    expect(
      (await login(desk, 'change.pw@clinic.example', 'quiet-meadow-copper-kettle')).statusCode,
    ).toBe(200);
    expect((await auditEntries(desk, 'password-change')).at(-1)!.detail).toEqual({
      via: 'change',
      sessionsEnded: 1,
    });
  });

  it('refuses a weak new password with message keys', async () => {
    const s = await signIn(desk, clock, 'nora.nurse@clinic.example');
    const res = await desk.app.inject({
      method: 'POST',
      url: '/api/auth/password/change',
      headers: { ...as(s), 'accept-language': 'es' },
      payload: { currentPassword: 'violet-harbour-lantern-7', newPassword: 'Password123!' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual(['password']);
    expect(res.json().issues[0].message).toMatch(/demasiado común/);
  });
});

describe('sessions expire', () => {
  it('after the staff idle time, with activity sliding it forward', async () => {
    const s = await signIn(desk, clock, 'nora.nurse@clinic.example');
    clock.advance(14 * 60_000);
    expect((await me({ cookie: s.cookie })).statusCode).toBe(200);
    clock.advance(14 * 60_000);
    expect((await me({ cookie: s.cookie })).statusCode).toBe(200);
    clock.advance(15 * 60_000);
    expect((await me({ cookie: s.cookie })).statusCode).toBe(401);
    expect((await auditEntries(desk, 'logout')).at(-1)!.detail).toEqual({ reason: 'idle-timeout' });
  });

  it('after the absolute lifetime even when active', async () => {
    const s = await signIn(desk, clock, 'nora.nurse@clinic.example');
    for (let i = 0; i < 12 * 6; i++) {
      clock.advance(10 * 60_000);
      const res = await me({ cookie: s.cookie });
      if (res.statusCode !== 200) {
        expect(i).toBe(12 * 6 - 1);
        expect((await auditEntries(desk, 'logout')).at(-1)!.detail).toEqual({ reason: 'expired' });
        return;
      }
    }
    throw new Error('session outlived sessionMaxHours');
  });

  it('writes last_seen at most once a minute, and reads stay fast', async () => {
    const s = await signIn(desk, clock, 'nora.nurse@clinic.example');
    const row = () =>
      desk.database.db
        .selectFrom('sessions')
        .select('last_seen_at')
        .where(
          'account_id',
          'in',
          desk.database.db
            .selectFrom('accounts')
            .select('id')
            .where('email', '=', 'nora.nurse@clinic.example'),
        )
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
    const before = (await row()).last_seen_at;
    const t = performance.now();
    for (let i = 0; i < 200; i++) {
      clock.advance(100);
      await me({ cookie: s.cookie });
    }
    const perRequestMs = (performance.now() - t) / 200;
    expect((await row()).last_seen_at).toBe(before);
    clock.advance(60_000);
    await me({ cookie: s.cookie });
    expect((await row()).last_seen_at).not.toBe(before);
    // Measured ~0.3-0.6 ms per authenticated request through inject on this machine.
    expect(perRequestMs).toBeLessThan(10);
  });
});
