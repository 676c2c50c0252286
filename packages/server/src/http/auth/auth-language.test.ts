import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  auditEntries,
  provisionStaff,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from './testing/auth-fixtures';

let desk: Desk;
let clock: TestClock;

beforeAll(async () => {
  ({ desk, clock } = await startDesk({ staffMfaRequired: false }));
  await provisionStaff(desk, 'lina@clinic.example', ['agent'], 'Lina Agent');
});
afterAll(async () => desk.dispose());

const setLanguage = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  desk.app.inject({ method: 'PUT', url: '/api/auth/me/language', headers, payload });

describe("the account's own screen language", () => {
  it('is kept on the account, so the next sign-in (any device) opens in it', async () => {
    const first = await signIn(desk, clock, 'lina@clinic.example');
    const res = await setLanguage(as(first), { language: 'lv' });
    expect(res.statusCode).toBe(200);
    expect(res.json().account.preferredLanguage).toBe('lv');

    const later = await signIn(desk, clock, 'lina@clinic.example');
    const me = await desk.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(later) });
    expect(me.json().account.preferredLanguage).toBe('lv');
    const change = (await auditEntries(desk, 'account-change')).at(-1);
    expect(change?.detail).toEqual({ change: 'language', from: 'en', to: 'lv' });
  });

  it('accepts only the four languages the screens are written in', async () => {
    const s = await signIn(desk, clock, 'lina@clinic.example');
    for (const payload of [{ language: 'de' }, { language: 'no' }, {}, { language: 'nb', x: 1 }]) {
      const res = await setLanguage(as(s), payload);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('needs a signed-in session and its CSRF token', async () => {
    expect((await setLanguage({}, { language: 'es' })).statusCode).toBe(401);
    const s = await signIn(desk, clock, 'lina@clinic.example');
    const noCsrf = await setLanguage({ cookie: s.cookie }, { language: 'es' });
    expect(noCsrf.statusCode).toBe(403);
  });
});
