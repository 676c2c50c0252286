import { loadFhirSchema } from '@caredesk/interop/fhir-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Inject } from '../../testing/signed-in-client';
import {
  as,
  auditEntries,
  PASSWORD,
  provisionStaff,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from '../auth/testing/auth-fixtures';

let desk: Desk;
let clock: TestClock;
let agent: Inject;
let agentId = '';
let supervisor: Inject;
let patient: Inject;
let stranger: Inject;
let alma = '';

const DAY = 86_400_000;

const secrets = new Map<string, string>();

async function session(email: string): Promise<Inject> {
  const s = await signIn(desk, clock, email, secrets.get(email));
  if (s.secret) secrets.set(email, s.secret);
  return (o) =>
    desk.app.inject({ ...o, headers: { ...as(s), ...(o.headers as Record<string, string>) } });
}

async function portalAccount(patientId: string, email: string): Promise<Inject> {
  await desk.services.identity.accounts.provision(
    { organizationId: desk.organizationId, kind: 'patient', patientId, displayName: email, email },
    PASSWORD,
  );
  return session(email);
}

/** Days pass: idle sessions end (15 / 30 minutes), so everyone signs in again. */
async function daysPass(days: number): Promise<void> {
  clock.advance(days * DAY);
  agent = await session('agent@desk.example');
  supervisor = await session('supervisor@desk.example');
  patient = await session('alma@patients.example');
  stranger = await session('otto@patients.example');
}

async function newPatient(given: string, language: string): Promise<string> {
  const res = await supervisor({
    method: 'POST',
    url: '/api/patients',
    payload: { names: [{ given: [given], family: 'Caso' }], preferredLanguage: language },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  ({ desk, clock } = await startDesk());
  agentId = (await provisionStaff(desk, 'agent@desk.example', ['agent'], 'Ana Agent')).id;
  agent = await session('agent@desk.example');
  await provisionStaff(desk, 'supervisor@desk.example', ['supervisor'], 'Sam Supervisor');
  supervisor = await session('supervisor@desk.example');
  alma = await newPatient('Alma', 'es');
  const other = await newPatient('Otto', 'nb');
  patient = await portalAccount(alma, 'alma@patients.example');
  stranger = await portalAccount(other, 'otto@patients.example');
}, 120_000);
afterAll(async () => desk.dispose());

describe('a patient request, from the portal to resolution', () => {
  let caseId = '';
  let version = 0;

  it('opens a case in the patient’s language, numbered, on the portal channel', async () => {
    const res = await patient({
      method: 'POST',
      url: `/api/patients/${alma}/cases`,
      payload: { category: 'refill', subject: 'Receta', message: 'Necesito más insulina' },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json<Record<string, unknown>>();
    expect(c).toMatchObject({
      channel: 'portal',
      category: 'refill',
      status: 'new',
      language: 'es',
      priority: 'routine',
    });
    expect(c.reference).toMatch(/^C-\d{6}$/);
    caseId = c.id as string;
  });

  it('shows in the unassigned inbox for staff, and nowhere for another patient', async () => {
    const inbox = await agent({ method: 'GET', url: '/api/cases?view=unassigned' });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toContain(caseId);
    expect((await stranger({ method: 'GET', url: `/api/cases/${caseId}` })).statusCode).toBe(404);
    expect((await stranger({ method: 'GET', url: '/api/cases' })).statusCode).toBe(403);
  });

  it('lets the agent take it, note internally and answer; the patient sees only the answer', async () => {
    const take = await agent({
      method: 'PATCH',
      url: `/api/cases/${caseId}`,
      payload: { version: 1, assigneeId: agentId, tags: ['Insulin'] },
    });
    expect(take.statusCode).toBe(200);
    expect(take.json()).toMatchObject({ assigneeId: agentId, tags: ['insulin'], version: 2 });
    const stale = await agent({
      method: 'PATCH',
      url: `/api/cases/${caseId}`,
      payload: { version: 1, priority: 'urgent' },
    });
    expect(stale.statusCode).toBe(409);

    const note = await agent({
      method: 'POST',
      url: `/api/cases/${caseId}/messages`,
      payload: { body: 'Check the last A1c first', visibility: 'internal' },
    });
    expect(note.statusCode).toBe(201);
    clock.advance(60_000);
    const answer = await agent({
      method: 'POST',
      url: `/api/cases/${caseId}/messages`,
      payload: { body: 'Su receta está lista', status: 'pending-patient' },
    });
    expect(answer.statusCode).toBe(201);
    const after = answer.json<{ case: { status: string; firstResponseAt: string } }>().case;
    expect(after.status).toBe('pending-patient');
    expect(after.firstResponseAt).toBe(clock.now().toISOString());

    const seen = (await patient({ method: 'GET', url: `/api/cases/${caseId}` })).json<{
      case: { assigneeId: string | null; tags: string[] };
      messages: Array<{ body: string; visibility: string }>;
      timeline: Array<{ kind: string }>;
    }>();
    expect(seen.messages.map((m) => m.body)).toEqual([
      'Necesito más insulina',
      'Su receta está lista',
    ]);
    expect(seen.case.assigneeId).toBeNull();
    expect(seen.case.tags).toEqual([]);
    expect(seen.timeline.map((e) => e.kind)).not.toContain('assigned');

    const staffView = (await agent({ method: 'GET', url: `/api/cases/${caseId}` })).json<{
      messages: Array<{ visibility: string }>;
      timeline: Array<{ kind: string }>;
      case: { version: number };
    }>();
    expect(staffView.messages.map((m) => m.visibility)).toEqual(['public', 'internal', 'public']);
    expect(staffView.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['created', 'assigned', 'tags', 'message', 'status']),
    );
    version = staffView.case.version;
  });

  it('refuses a patient’s internal note or status change, and their edits to the case', async () => {
    const internal = await patient({
      method: 'POST',
      url: `/api/cases/${caseId}/messages`,
      payload: { body: 'sneaky', visibility: 'internal' },
    });
    expect(internal.statusCode, internal.body).toBe(403);
    const patch = await patient({
      method: 'PATCH',
      url: `/api/cases/${caseId}`,
      payload: { version, status: 'closed' },
    });
    expect(patch.statusCode).toBe(403);
  });

  it('reopens when the patient replies while it waits on them', async () => {
    const res = await patient({
      method: 'POST',
      url: `/api/cases/${caseId}/messages`,
      payload: { body: 'Gracias, ¿y la dosis?' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ case: { status: string } }>().case.status).toBe('open');
  });

  it('resolves; a reply within the window reopens, a reply weeks after opens a linked case', async () => {
    const cur = (await agent({ method: 'GET', url: `/api/cases/${caseId}` })).json<{
      case: { version: number };
    }>();
    const resolved = await agent({
      method: 'PATCH',
      url: `/api/cases/${caseId}`,
      payload: { version: cur.case.version, status: 'resolved' },
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved' });
    await daysPass(2);
    const again = await patient({
      method: 'POST',
      url: `/api/cases/${caseId}/messages`,
      payload: { body: 'One more thing' },
    });
    expect(again.json<{ case: { status: string } }>().case.status).toBe('open');

    const v = (await agent({ method: 'GET', url: `/api/cases/${caseId}` })).json<{
      case: { version: number };
    }>().case.version;
    await agent({
      method: 'PATCH',
      url: `/api/cases/${caseId}`,
      payload: { version: v, status: 'resolved' },
    });
    await daysPass(30);
    const late = await patient({
      method: 'POST',
      url: `/api/cases/${caseId}/messages`,
      payload: { body: 'It happened again' },
    });
    expect(late.statusCode).toBe(201);
    const followUp = late.json<{ case: { id: string; status: string; links: unknown[] } }>().case;
    expect(followUp.id).not.toBe(caseId);
    expect(followUp.status).toBe('new');
    expect(followUp.links).toEqual([{ type: 'case', id: caseId }]);
    const old = (await agent({ method: 'GET', url: `/api/cases/${caseId}` })).json<{
      case: { status: string };
    }>();
    expect(old.case.status).toBe('resolved');
    const mine = (await patient({ method: 'GET', url: `/api/patients/${alma}/cases` })).json<{
      items: Array<{ id: string }>;
    }>();
    expect(mine.items.map((i) => i.id)).toEqual([followUp.id, caseId]);
  });

  it('exports as a valid FHIR R4 Task with Communications; the patient’s export omits notes', async () => {
    const schema = loadFhirSchema();
    const staff = (await agent({ method: 'GET', url: `/api/cases/${caseId}/fhir` })).json<{
      entry: Array<{ resource: { resourceType: string } }>;
    }>();
    for (const e of staff.entry) expect(schema.errors(e.resource)).toEqual([]);
    expect(staff.entry[0]!.resource).toMatchObject({
      resourceType: 'Task',
      status: 'completed',
      for: { reference: `Patient/${alma}` },
    });
    const own = (await patient({ method: 'GET', url: `/api/cases/${caseId}/fhir` })).json<{
      entry: unknown[];
    }>();
    expect(own.entry.length).toBe(staff.entry.length - 1);
  });

  it('audits every change and read of the case against the patient', async () => {
    const entries = (await auditEntries(desk)).filter((e) => e.resource_type === 'Case');
    expect(entries.filter((e) => e.action === 'create').every((e) => e.patient_id === alma)).toBe(
      true,
    );
    expect(entries.some((e) => e.action === 'read' && e.patient_id === alma)).toBe(true);
  });
});

describe('bad input and unidentified callers', () => {
  it('opens a case for an unidentified caller that no patient can see', async () => {
    const res = await agent({
      method: 'POST',
      url: '/api/cases',
      payload: {
        channel: 'phone',
        category: 'billing-question',
        subject: 'Caller asks about a bill',
        caller: { name: 'Unknown caller', phone: '+1 555 010 9999' },
      },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json<{ id: string; patientId: null; caller: { phone: string } }>();
    expect(c.patientId).toBeNull();
    expect(c.caller.phone).toBe('+15550109999');
    expect((await patient({ method: 'GET', url: `/api/cases/${c.id}` })).statusCode).toBe(404);
  });

  it.each([
    [{ channel: 'phone', category: 'general', subject: 'No one' }, 'patientId'],
    [{ channel: 'fax', category: 'general', subject: 'x', caller: { name: 'A' } }, 'channel'],
    [{ channel: 'phone', category: 'nope', subject: 'x', caller: { name: 'A' } }, 'category'],
    [
      { channel: 'phone', category: 'general', subject: 'a\u202Eb', caller: { name: 'A' } },
      'subject',
    ],
    [{ channel: 'phone', category: 'general', subject: 'x', status: 'closed' }, ''],
  ])('refuses %j with a problem naming %s, writing nothing', async (payload, field) => {
    const before = await desk.database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await agent({ method: 'POST', url: '/api/cases', payload });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    if (field) expect(res.body).toContain(field);
    const after = await desk.database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('does not let staff assign a case to a patient account', async () => {
    const c = (
      await agent({
        method: 'POST',
        url: '/api/cases',
        payload: { channel: 'walk-in', category: 'general', subject: 'Desk', patientId: alma },
      })
    ).json<{ id: string }>();
    const account = await desk.database.db
      .selectFrom('accounts')
      .select('id')
      .where('kind', '=', 'patient')
      .executeTakeFirstOrThrow();
    const res = await agent({
      method: 'PATCH',
      url: `/api/cases/${c.id}`,
      payload: { version: 1, assigneeId: account.id },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('what the case page gives staff for macros', () => {
  it('fills the patient’s name, the case reference and the portal link', async () => {
    const c = await agent({
      method: 'POST',
      url: '/api/cases',
      payload: { channel: 'portal', category: 'general', subject: 'Hola', patientId: alma },
    });
    const id = c.json<{ id: string; reference: string }>().id;
    const detail = await agent({ method: 'GET', url: `/api/cases/${id}` });
    const body = detail.json<{
      patient: { firstName: string; language: string };
      macroFacts: Record<string, string | null>;
    }>();
    expect(body.patient).toMatchObject({ firstName: 'Alma', language: 'es' });
    expect(body.macroFacts).toMatchObject({
      'patient.firstName': 'Alma',
      'agent.firstName': 'Ana',
      'case.number': c.json<{ reference: string }>().reference,
    });
    expect(body.macroFacts['portal.link']).toContain(`/portal/requests/${id}`);
    const own = await patient({ method: 'GET', url: `/api/cases/${id}` });
    expect(own.json<{ macroFacts: object; patient: null }>()).toMatchObject({
      macroFacts: {},
      patient: null,
    });
  });
});
