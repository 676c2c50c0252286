import type { Clock, StaffRole } from '@caredesk/core';
import type { LightMyRequestResponse } from 'fastify';
import type { Config } from '../../../config/config';
import { base32Decode, totpAt } from '../../../identity';
import { startTestCareDesk } from '../../../testing/test-caredesk';

/** A clock tests move by hand (architecture rule 3: time is injected). */
export class TestClock implements Clock {
  constructor(public t = Date.parse('2026-03-02T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export type Desk = Awaited<ReturnType<typeof startTestCareDesk>>;

export const PASSWORD = 'violet-harbour-lantern-7';
export const NEW_PASSWORD = 'quiet-meadow-copper-kettle';

export async function startDesk(overrides: Partial<Config> = {}) {
  const clock = new TestClock();
  const desk = await startTestCareDesk(overrides, clock);
  return { desk, clock };
}

export async function provisionStaff(
  desk: Desk,
  email: string,
  roles: StaffRole[],
  displayName = 'Test Person',
  password = PASSWORD,
) {
  return desk.services.identity.accounts.provision(
    { organizationId: desk.organizationId, kind: 'staff', email, displayName, roles },
    password,
  );
}

/** `cd_session=<value>` from a response's Set-Cookie. */
export function cookieOf(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  const m = /^(cd_session=[^;]*)/.exec(first ?? '');
  if (!m) throw new Error(`no session cookie in ${String(first)}`);
  return m[1]!;
}

export function login(
  desk: Desk,
  email: string,
  password = PASSWORD,
  remoteAddress = '127.0.0.1',
  headers: Record<string, string> = {},
) {
  return desk.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress,
    headers,
  });
}

export interface SignedIn {
  cookie: string;
  csrf: string;
  /** base32 TOTP secret, when the helper enrolled the account. */
  secret?: string;
  recoveryCodes?: string[];
}

/** Headers of a cookie-authenticated state change from a CareDesk page. */
export function as(s: SignedIn): Record<string, string> {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'http://localhost:80' };
}

export function code(secret: string, clock: TestClock): string {
  return totpAt(base32Decode(secret), clock.now());
}

/**
 * Signs in; enrols TOTP when the session asks for it; answers the TOTP step when one is
 * pending (the clock moves one step first, so the code is never a replay).
 */
export async function signIn(
  desk: Desk,
  clock: TestClock,
  email: string,
  secret?: string,
  password = PASSWORD,
): Promise<SignedIn> {
  const res = await login(desk, email, password);
  if (res.statusCode !== 200) throw new Error(`login ${res.statusCode}: ${res.body}`);
  const body = res.json();
  const s: SignedIn = { cookie: cookieOf(res), csrf: body.csrfToken };
  if (body.mfaEnrolmentRequired) {
    const setup = await desk.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/setup',
      headers: as(s),
    });
    const enrolled = setup.json().secret as string;
    const enable = await desk.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enable',
      headers: as(s),
      payload: { code: code(enrolled, clock) },
    });
    if (enable.statusCode !== 200) throw new Error(`enable ${enable.statusCode}: ${enable.body}`);
    return {
      cookie: cookieOf(enable),
      csrf: enable.json().csrfToken,
      secret: enrolled,
      recoveryCodes: enable.json().recoveryCodes,
    };
  }
  if (body.mfaRequired) {
    if (!secret) throw new Error('MFA pending and no secret given');
    clock.advance(30_000);
    const verify = await desk.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: as(s),
      payload: { code: code(secret, clock) },
    });
    if (verify.statusCode !== 200) throw new Error(`verify ${verify.statusCode}: ${verify.body}`);
    return { cookie: cookieOf(verify), csrf: verify.json().csrfToken, secret };
  }
  return s;
}

/** Audit entries written so far, oldest first (optionally one action). */
export async function auditEntries(desk: Desk, action?: string) {
  let q = desk.database.db.selectFrom('audit_entries').selectAll().orderBy('seq');
  if (action) q = q.where('action', '=', action);
  const rows = await q.execute();
  return rows.map((r) => ({
    ...r,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}

/** A bare patient row (and optionally a caregiver RelatedPerson), for account links. */
export async function insertPatient(desk: Desk, id: string, relatedPersonId?: string) {
  const at = new Date().toISOString();
  const versioned = {
    data: '{}',
    source_key: null,
    content_hash: id,
    created_at: at,
    updated_at: at,
  };
  await desk.database.db
    .insertInto('patients')
    .values({
      id,
      organization_id: desk.organizationId,
      sort_name: id,
      birth_date: null,
      administrative_sex: 'unknown',
      preferred_language: 'en',
      deceased: 0,
      merged_into: null,
      version: 1,
      ...versioned,
    })
    .execute();
  if (relatedPersonId) {
    await desk.database.db
      .insertInto('related_persons')
      .values({
        id: relatedPersonId,
        patient_id: id,
        is_caregiver: 1,
        ...versioned,
        content_hash: relatedPersonId,
      })
      .execute();
  }
}
