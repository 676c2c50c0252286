import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import { startDesk, type Desk, type TestClock } from '../auth/testing/auth-fixtures';

let desk: Desk;
let clock: TestClock;
let supervisor: Inject;
let agent: Inject;
let admin: Inject;

beforeAll(async () => {
  ({ desk, clock } = await startDesk());
  supervisor = (await signedInStaff(desk, clock, ['supervisor'])).inject;
  agent = (await signedInStaff(desk, clock, ['agent'])).inject;
  admin = (await signedInStaff(desk, clock, ['admin'])).inject;
});
afterAll(async () => desk.dispose());

const refill = {
  name: 'Refill received',
  names: { lv: 'Recepte saņemta' },
  bodies: [
    {
      language: 'en',
      subject: 'Case {{case.number}}: refill received',
      body: 'Hello {{patient.firstName}}, we will answer by {{case.dueDate}}.',
    },
    {
      language: 'lv',
      subject: 'Lieta {{case.number}}: recepte saņemta',
      body: 'Labdien, {{patient.firstName}}! Atbildēsim līdz {{case.dueDate}}.',
    },
  ],
  actions: { setStatus: 'pending-third-party', addTags: ['refill'] },
};

let refillId = '';

describe('/api/desk/macros', () => {
  it('lets a supervisor write a macro, once per Idempotency-Key, audited as theirs', async () => {
    const send = () =>
      supervisor({
        method: 'POST',
        url: '/api/desk/macros',
        payload: refill,
        headers: { 'idempotency-key': 'macro-create-0001-abcdef' },
      });
    const first = await send();
    expect(first.statusCode).toBe(201);
    refillId = first.json<{ id: string }>().id;
    expect(first.headers.location).toBe(`/api/desk/macros/${refillId}`);
    expect(first.json()).toMatchObject({ version: 1, active: true, audience: 'public-reply' });
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<{ id: string }>().id).toBe(refillId);
    const audit = await desk.database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('resource_type', '=', 'Macro')
      .execute();
    // The replay wrote nothing new, and its entry says so.
    expect(audit.map((e) => [e.action, e.outcome, e.actor_kind, e.detail])).toEqual([
      ['create', 'success', 'staff', '{"version":1}'],
      ['create', 'success', 'staff', `{"idempotentReplay":"${refillId}"}`],
    ]);
    expect(await desk.database.db.selectFrom('macros').select('id').execute()).toHaveLength(1);
  });

  it('refuses an unknown placeholder, naming it in the reader language', async () => {
    const res = await supervisor({
      method: 'POST',
      url: '/api/desk/macros',
      headers: { 'accept-language': 'lv' },
      payload: {
        ...refill,
        name: 'Bad',
        bodies: [{ language: 'lv', body: 'Sveiki {{patient.ssn}}' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const issue = res.json<{ issues: Array<{ path: string; message: string }> }>().issues[0];
    expect(issue?.path).toBe('bodies/0/body');
    expect(issue?.message).toContain('{{patient.ssn}}');
    expect(issue?.message).toMatch(/vietturis/);
  });

  it('refuses fields a client may not set (mass assignment) and statuses cases lack', async () => {
    for (const payload of [
      { ...refill, name: 'X1', organizationId: 'elsewhere' },
      { ...refill, name: 'X2', version: 7 },
      { ...refill, name: 'X3', actions: { setStatus: 'archived' } },
      { ...refill, name: 'X4', bodies: [{ language: 'de', body: 'Hallo' }] },
    ]) {
      const res = await supervisor({ method: 'POST', url: '/api/desk/macros', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('offers agents the active macros and previews one filled, in Latvian', async () => {
    const list = await agent({ method: 'GET', url: '/api/desk/macros?q=sanemta' });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((m) => m.id)).toEqual([
      refillId,
    ]);
    const res = await agent({
      method: 'POST',
      url: `/api/desk/macros/${refillId}/preview`,
      payload: {
        language: 'lv',
        facts: {
          'patient.firstName': 'Anna <script>alert(1)</script> {{case.number}}',
          'case.number': 'C-1042',
          'case.dueDate': '2025-03-30T01:30:00Z',
        },
        timeZone: 'Europe/Riga',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      language: 'lv',
      fallback: false,
      subject: 'Lieta C-1042: recepte saņemta',
      // Values are text, filled once: the script and the braces arrive as typed.
      body: 'Labdien, Anna <script>alert(1)</script> {{case.number}}! Atbildēsim līdz 2025. gada 30. marts 04:30.',
      actions: { setStatus: 'pending-third-party', addTags: ['refill'] },
      missing: [],
    });
  });

  it('uses the organization time zone when the preview names none, and refuses a bad one', async () => {
    const ok = await agent({
      method: 'POST',
      url: `/api/desk/macros/${refillId}/preview`,
      payload: { language: 'nb', facts: { 'case.dueDate': '2025-03-30T01:30:00Z' } },
    });
    expect(ok.json()).toMatchObject({ language: 'en', fallback: true });
    // The home organization starts in UTC.
    expect(ok.json<{ body: string }>().body).toContain('March 30, 2025 at 1:30 AM');
    const bad = await agent({
      method: 'POST',
      url: `/api/desk/macros/${refillId}/preview`,
      payload: { language: 'lv', facts: {}, timeZone: 'Europe/Nowhere' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps writing to desk.configure: agents may not, administrators may but do not work cases', async () => {
    expect(
      (await agent({ method: 'POST', url: '/api/desk/macros', payload: refill })).statusCode,
    ).toBe(403);
    expect((await agent({ method: 'GET', url: '/api/desk/macros/library' })).statusCode).toBe(403);
    expect((await admin({ method: 'GET', url: '/api/desk/macros/library' })).statusCode).toBe(200);
    expect((await admin({ method: 'GET', url: '/api/desk/macros' })).statusCode).toBe(403);
  });

  it('answers a save on an old version with 409, and retires a macro with DELETE', async () => {
    const put = (version: number, name: string) =>
      supervisor({
        method: 'PUT',
        url: `/api/desk/macros/${refillId}`,
        payload: { ...refill, name, version },
      });
    expect((await put(1, 'Refill received (v2)')).json()).toMatchObject({ version: 2 });
    const stale = await put(1, 'Refill received (stale)');
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/problem\+json/);
    const gone = await supervisor({ method: 'DELETE', url: `/api/desk/macros/${refillId}` });
    expect(gone.statusCode).toBe(200);
    expect(gone.json()).toMatchObject({ active: false, version: 3 });
    const list = await agent({ method: 'GET', url: '/api/desk/macros' });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    const library = await supervisor({ method: 'GET', url: '/api/desk/macros/library' });
    expect(library.json<{ items: Array<{ name: string }> }>().items[0]?.name).toBe(
      'Refill received (v2)',
    );
    const notFound = await supervisor({
      method: 'DELETE',
      url: '/api/desk/macros/00000000-0000-4000-8000-000000000000',
    });
    expect(notFound.statusCode).toBe(404);
  });
});
