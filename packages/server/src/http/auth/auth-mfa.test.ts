import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  auditEntries,
  code,
  cookieOf,
  insertPatient,
  login,
  provisionStaff,
  signIn,
  startDesk,
  type Desk,
  type SignedIn,
  type TestClock,
} from './testing/auth-fixtures';

let desk: Desk;
let clock: TestClock;

beforeAll(async () => {
  ({ desk, clock } = await startDesk({ loginRateLimitPerMinute: 1000 }));
});
afterAll(async () => desk.dispose());

/** A cookie-authenticated POST with the session's CSRF token. */
const postAs = (s: SignedIn, url: string, payload?: object) =>
  desk.app.inject({ method: 'POST', url, headers: as(s), ...(payload ? { payload } : {}) });

describe('TOTP MFA for staff (required by default)', () => {
  let secret = '';
  let recoveryCodes: string[] = [];

  it('first sign-in opens an enrolment-only session; enabling gives 10 recovery codes once', async () => {
    await provisionStaff(desk, 'phil.physician@clinic.example', ['physician'], 'Phil Physician');
    const res = await login(desk, 'phil.physician@clinic.example');
    expect(res.json()).toMatchObject({ mfaRequired: true, mfaEnrolmentRequired: true });
    expect(res.json().account).toBeUndefined();
    const s = { cookie: cookieOf(res), csrf: res.json().csrfToken as string };
    // The enrolment session reaches nothing but enrolment.
    const meRes = await desk.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: s.cookie },
    });
    expect(meRes.statusCode).toBe(401);
    const setup = await postAs(s, '/api/auth/mfa/setup');
    expect(setup.statusCode).toBe(200);
    secret = setup.json().secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.json().otpauthUri).toBe(
      `otpauth://totp/CareDesk:phil.physician%40clinic.example?secret=${secret}&issuer=CareDesk&algorithm=SHA1&digits=6&period=30`,
    );
    const stored = await desk.database.db
      .selectFrom('accounts')
      .select(['mfa_pending_secret'])
      .where('email', '=', 'phil.physician@clinic.example')
      .executeTakeFirstOrThrow();
    expect(stored.mfa_pending_secret).toMatch(/^v1\./);
    expect(stored.mfa_pending_secret).not.toContain(secret);
    const bad = await postAs(s, '/api/auth/mfa/enable', { code: '000000' });
    expect(bad.statusCode).toBe(400);
    const enable = await postAs(s, '/api/auth/mfa/enable', { code: code(secret, clock) });
    expect(enable.statusCode).toBe(200);
    recoveryCodes = enable.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const fresh = { cookie: cookieOf(enable), csrf: enable.json().csrfToken };
    expect(fresh.cookie).not.toBe(s.cookie);
    expect(
      (
        await desk.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { cookie: fresh.cookie },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await desk.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(401);
    const codes = await desk.database.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(
      codes.every((c) => !recoveryCodes.some((r) => c.code_hash.includes(r.replace('-', '')))),
    ).toBe(true);
    expect((await auditEntries(desk, 'mfa-change')).at(-1)!.detail).toEqual({
      change: 'enable',
      factor: 'totp',
    });
  });

  it('a pending session can only verify; every other route refuses it', async () => {
    clock.advance(30_000);
    const res = await login(desk, 'phil.physician@clinic.example');
    expect(res.json()).toMatchObject({ mfaRequired: true, mfaEnrolmentRequired: false });
    const s = { cookie: cookieOf(res), csrf: res.json().csrfToken as string };
    const auth = await desk.services.identity.authenticate({
      headers: { cookie: s.cookie },
    } as never);
    expect(auth).toMatchObject({
      kind: 'session',
      mfaSatisfied: false,
      sessionState: 'mfa-pending',
    });
    for (const [method, url] of [
      ['GET', '/api/auth/me'],
      ['POST', '/api/auth/mfa/setup'],
      ['POST', '/api/auth/password/change'],
      ['GET', '/api/admin/users'],
    ] as const) {
      const r = await desk.app.inject({
        method,
        url,
        headers: as(s),
        payload: method === 'POST' ? {} : undefined,
      });
      expect([400, 401], `${method} ${url}`).toContain(r.statusCode);
      if (r.statusCode === 400) expect(r.json().code).toBe('validation');
    }
    const meRes = await desk.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: s.cookie },
    });
    expect(meRes.json().issues[0].message).toMatch(/authenticator/);
    const wrong = await postAs(s, '/api/auth/mfa/verify', { code: '123456' });
    expect(wrong.statusCode).toBe(400);
    expect((await auditEntries(desk, 'login-failed')).at(-1)!.detail).toEqual({
      reason: 'mfa-failed',
      factor: 'totp',
    });
    const ok = await postAs(s, '/api/auth/mfa/verify', { code: code(secret, clock) });
    expect(ok.statusCode).toBe(200);
    const after = { cookie: cookieOf(ok), csrf: ok.json().csrfToken };
    expect(
      (
        await desk.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { cookie: after.cookie },
        })
      ).statusCode,
    ).toBe(200);
    expect((await auditEntries(desk, 'login')).at(-1)!.detail).toEqual({ mfa: 'totp' });
  });

  it('refuses a replayed code from an already-used time step', async () => {
    const res = await login(desk, 'phil.physician@clinic.example');
    const s = { cookie: cookieOf(res), csrf: res.json().csrfToken as string };
    // Same step as the previous successful verification.
    const replay = await postAs(s, '/api/auth/mfa/verify', { code: code(secret, clock) });
    expect(replay.statusCode).toBe(400);
    clock.advance(30_000);
    const next = await postAs(s, '/api/auth/mfa/verify', { code: code(secret, clock) });
    expect(next.statusCode).toBe(200);
  });

  it('a recovery code works once', async () => {
    const first = await login(desk, 'phil.physician@clinic.example');
    const s1 = { cookie: cookieOf(first), csrf: first.json().csrfToken as string };
    const used = await postAs(s1, '/api/auth/mfa/verify', {
      recoveryCode: recoveryCodes[0]!.toUpperCase(),
    });
    expect(used.statusCode).toBe(200);
    expect((await auditEntries(desk, 'mfa-change')).at(-1)!.detail).toEqual({
      change: 'recovery-code-used',
      remaining: 9,
    });
    const second = await login(desk, 'phil.physician@clinic.example');
    const s2 = { cookie: cookieOf(second), csrf: second.json().csrfToken as string };
    const again = await postAs(s2, '/api/auth/mfa/verify', { recoveryCode: recoveryCodes[0] });
    expect(again.statusCode).toBe(400);
  });

  it('five wrong codes lock the account and end the pending session', async () => {
    clock.advance(60 * 60_000);
    const res = await login(desk, 'phil.physician@clinic.example');
    const s = { cookie: cookieOf(res), csrf: res.json().csrfToken as string };
    for (let i = 0; i < 5; i++) {
      await postAs(s, '/api/auth/mfa/verify', { code: '000001' });
    }
    const after = await postAs(s, '/api/auth/mfa/verify', { code: code(secret, clock) });
    expect(after.statusCode).toBe(401);
    expect((await login(desk, 'phil.physician@clinic.example')).statusCode).toBe(429);
    clock.advance(16 * 60_000);
  });

  it('staff cannot switch MFA off while it is required; an admin reset makes them enrol again', async () => {
    const s = await signIn(desk, clock, 'phil.physician@clinic.example', secret);
    clock.advance(30_000);
    const off = await postAs(s, '/api/auth/mfa/disable', {
      password: 'violet-harbour-lantern-7',
      code: code(secret, clock),
    });
    expect(off.statusCode).toBe(409);
    await provisionStaff(desk, 'ada.admin@clinic.example', ['admin'], 'Ada Admin');
    const admin = await signIn(desk, clock, 'ada.admin@clinic.example');
    const phil = await desk.database.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'phil.physician@clinic.example')
      .executeTakeFirstOrThrow();
    const reset = await postAs(admin, `/api/admin/users/${phil.id}/mfa-reset`);
    expect(reset.statusCode).toBe(204);
    expect(
      (await desk.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await login(desk, 'phil.physician@clinic.example')).json().mfaEnrolmentRequired).toBe(
      true,
    );
    expect((await auditEntries(desk, 'mfa-change')).at(-1)).toMatchObject({
      actor_id: expect.any(String),
      detail: { change: 'reset', sessionsEnded: expect.any(Number) },
    });
  });
});

describe('patients: MFA optional', () => {
  it('a patient signs in without MFA, enables it, and can disable it with password + code', async () => {
    const patientId = 'pat-paula';
    await insertPatient(desk, patientId);
    await desk.services.identity.accounts.provision(
      {
        organizationId: desk.organizationId,
        kind: 'patient',
        email: 'paula@example.org',
        displayName: 'Paula Patient',
        patientId,
      },
      'violet-harbour-lantern-7',
    );
    const s = await signIn(desk, clock, 'paula@example.org');
    const auth = await desk.services.identity.authenticate({
      headers: { cookie: s.cookie },
    } as never);
    expect(auth?.principal).toMatchObject({ kind: 'patient', patientId });
    const setup = await postAs(s, '/api/auth/mfa/setup');
    const secret = setup.json().secret as string;
    const enable = await postAs(s, '/api/auth/mfa/enable', { code: code(secret, clock) });
    expect(enable.statusCode).toBe(200);
    clock.advance(30_000);
    const off = await postAs(s, '/api/auth/mfa/disable', {
      password: 'violet-harbour-lantern-7',
      code: code(secret, clock),
    });
    expect(off.statusCode).toBe(204);
    expect((await login(desk, 'paula@example.org')).json().mfaRequired).toBe(false);
    expect((await auditEntries(desk, 'mfa-change')).at(-1)!.detail).toEqual({ change: 'disable' });
  });
});
