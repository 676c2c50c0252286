import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  PASSWORD,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from '../auth/testing/auth-fixtures';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';

/**
 * PUT /api/patients/:id/contact-preferences: what a patient changes on the portal's
 * "My profile" page. It replaces how to reach them and nothing else, and it is the only
 * write a patient may make to their own record.
 */
let desk: Desk;
let clock: TestClock;
let agent: Inject;
let alma: Inject;
let almaId = '';
let brunoId = '';

const almaRecord = {
  names: [{ use: 'official', given: ['Alma'], family: 'Kalniņa' }],
  birthDate: '1950-05-05',
  administrativeSex: 'female',
  identifiers: [{ system: 'urn:clinic:mrn', value: 'MRN-ALMA-1', type: 'MR' }],
  telecom: [{ system: 'email', value: 'alma@example.com' }],
  addresses: [{ use: 'home', lines: ['Brīvības iela 1'], city: 'Rīga', country: 'LV' }],
  preferredLanguage: 'lv',
};

const preferences = {
  telecom: [
    { system: 'phone', value: '+1 (555) 010-2030', use: 'mobile' },
    { system: 'email', value: 'Alma.K@Example.COM' },
  ],
  preferredLanguage: 'nb-NO',
  preferredChannel: 'sms',
  quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/Riga' },
};

async function signedInPatient(email: string, patientId: string): Promise<Inject> {
  await desk.services.identity.accounts.provision(
    { organizationId: desk.organizationId, kind: 'patient', email, displayName: 'Alma', patientId },
    PASSWORD,
  );
  const session = await signIn(desk, clock, email);
  return (opts) =>
    desk.app.inject({
      ...opts,
      headers: { ...as(session), ...(opts.headers as Record<string, string>) },
    });
}

async function record(id = almaId) {
  return (await agent({ method: 'GET', url: `/api/patients/${id}` })).json();
}

const put = (who: Inject, body: object, id = almaId, headers: Record<string, string> = {}) =>
  who({
    method: 'PUT',
    url: `/api/patients/${id}/contact-preferences`,
    payload: body,
    headers,
  });

beforeAll(async () => {
  ({ desk, clock } = await startDesk());
  agent = (await signedInStaff(desk, clock, ['agent'])).inject;
  const create = async (body: object) =>
    (await agent({ method: 'POST', url: '/api/patients', payload: body })).json().id as string;
  almaId = await create(almaRecord);
  brunoId = await create({ names: [{ given: ['Bruno'], family: 'Ozols' }] });
  alma = await signedInPatient('alma@patients.example', almaId);
});
afterAll(async () => desk.dispose());

describe('a patient keeps how to reach them up to date', () => {
  it('saves contacts, language, channel and quiet hours, and keeps every other field', async () => {
    const before = await record();
    const res = await put(alma, { ...preferences, version: before.version });
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(res.headers.etag).toBe(`W/"${before.version + 1}"`);
    expect(saved.version).toBe(before.version + 1);
    // Typed the way people type; stored the way SMS gateways and search expect.
    expect(saved.telecom).toEqual([
      { system: 'phone', value: '+15550102030', use: 'mobile' },
      { system: 'email', value: 'alma.k@example.com' },
    ]);
    expect(saved.preferredLanguage).toBe('nb');
    expect(saved.preferredChannel).toBe('sms');
    expect(saved.quietHours).toEqual(preferences.quietHours);

    const after = await record();
    for (const field of [
      'names',
      'birthDate',
      'administrativeSex',
      'identifiers',
      'addresses',
      'deceased',
      'createdAt',
    ]) {
      expect(after[field], field).toEqual(before[field]);
    }
    expect(after.telecom).toEqual(saved.telecom);
  });

  it('records the change in the audit trail, naming the fields changed but not their values', async () => {
    const current = await record();
    await put(alma, { ...preferences, preferredChannel: 'email', version: current.version });
    const entry = await desk.database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('patient_id', '=', almaId)
      .where('action', '=', 'update')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.outcome).toBe('success');
    expect(JSON.parse(entry.detail ?? '{}')).toEqual({ changed: ['preferredChannel'] });
    expect(entry.detail).not.toContain('example.com');
  });

  it('clears quiet hours with null', async () => {
    const current = await record();
    const res = await put(alma, { ...preferences, quietHours: null, version: current.version });
    expect(res.statusCode).toBe(200);
    expect((await record()).quietHours).toBeNull();
  });
});

describe('nothing half-saved', () => {
  it('refuses a stale version with 409, and the clinic’s change stays', async () => {
    const seen = await record();
    // Someone at the clinic changes the record meanwhile.
    const clinic = await put(agent, {
      ...preferences,
      preferredChannel: 'letter',
      version: seen.version,
    });
    expect(clinic.statusCode).toBe(200);
    const stale = await put(alma, {
      ...preferences,
      preferredChannel: 'phone',
      version: seen.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect((await record()).preferredChannel).toBe('letter');
  });

  it('points at the bad phone number, in the patient’s language, and saves nothing', async () => {
    const current = await record();
    const res = await put(
      alma,
      {
        ...preferences,
        telecom: [
          { system: 'email', value: 'alma@example.com' },
          { system: 'phone', value: '555-01', use: 'mobile' },
        ],
        preferredChannel: 'phone',
        version: current.version,
      },
      almaId,
      { 'accept-language': 'es' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().issues).toEqual([
      expect.objectContaining({
        path: 'telecom/1/value',
        message: 'No es un número de teléfono válido.',
      }),
    ]);
    const after = await record();
    expect(after.version).toBe(current.version);
    expect(after.telecom).toEqual(current.telecom);
  });

  it.each([
    [
      'quiet hours that are not times',
      { start: '9pm', end: '08:00', timeZone: 'Europe/Riga' },
      'quietHours',
    ],
    [
      'an unknown time zone',
      { start: '21:00', end: '08:00', timeZone: 'Mars/Olympus' },
      'quietHours/timeZone',
    ],
  ])('points at %s', async (_name, quietHours, path) => {
    const current = await record();
    const res = await put(alma, { ...preferences, quietHours, version: current.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual([path]);
  });

  it('refuses a body without every field (never a silent wipe) and any other field', async () => {
    const current = await record();
    const { telecom: _dropped, ...withoutTelecom } = preferences;
    expect((await put(alma, { ...withoutTelecom, version: current.version })).statusCode).toBe(400);
    for (const extra of [
      { names: [{ given: ['Someone'], family: 'Else' }] },
      { identifiers: [] },
      { deceased: true },
      { organizationId: 'x' },
    ]) {
      const res = await put(alma, { ...preferences, ...extra, version: current.version });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
    }
    expect((await record()).version).toBe(current.version);
  });
});

describe('who may change what', () => {
  it('no longer lets a patient rewrite the whole record (names, identifiers, birth date)', async () => {
    const current = await record();
    const {
      id: _i,
      organizationId: _o,
      mergedInto: _m,
      createdAt: _c,
      updatedAt: _u,
      ...body
    } = current;
    const res = await alma({
      method: 'PUT',
      url: `/api/patients/${almaId}`,
      payload: { ...body, identifiers: [], names: [{ given: ['Renamed'], family: 'Self' }] },
    });
    expect(res.statusCode).toBe(403);
    const after = await record();
    expect(after.names).toEqual(current.names);
    expect(after.identifiers).toEqual(current.identifiers);
  });

  it('hides another patient’s record (404) and audits the denial', async () => {
    const bruno = await record(brunoId);
    const res = await put(alma, { ...preferences, version: bruno.version }, brunoId);
    expect(res.statusCode).toBe(404);
    expect((await record(brunoId)).version).toBe(bruno.version);
    const denied = await desk.database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('patient_id', '=', brunoId)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('lets front-desk staff make the same change for a patient', async () => {
    const bruno = await record(brunoId);
    const res = await put(agent, { ...preferences, version: bruno.version }, brunoId);
    expect(res.statusCode).toBe(200);
    expect(res.json().names[0].given).toEqual(['Bruno']);
  });
});
