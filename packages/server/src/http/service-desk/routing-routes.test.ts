import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../auth/testing/auth-fixtures';
import { signedInStaff, startWithStaff, type Inject } from '../../testing/signed-in-client';

type World = Awaited<ReturnType<typeof startWithStaff>>;
let w: World;
let agent: { inject: Inject; accountId: string };
let admin: { inject: Inject; accountId: string };

beforeAll(async () => {
  w = await startWithStaff(['supervisor']);
  agent = await signedInStaff(w.desk, w.clock, ['agent']);
  admin = await signedInStaff(w.desk, w.clock, ['admin']);
});
afterAll(async () => w.desk.dispose());

const spanishLine = {
  name: 'Línea en español',
  strategy: 'round-robin',
  order: 5,
  requiredSkills: { languages: ['es-MX'] },
};

describe('/api/desk routing configuration', () => {
  it('creates, lists, changes and deletes a queue, each change audited', async () => {
    const created = await w.staff.inject({
      method: 'POST',
      url: '/api/desk/queues',
      payload: spanishLine,
    });
    expect(created.statusCode).toBe(201);
    const queue = created.json();
    expect(created.headers.location).toBe(`/api/desk/queues/${queue.id}`);
    expect(queue).toMatchObject({
      name: 'Línea en español',
      teamId: null,
      requiredSkills: { languages: ['es'], categories: [] },
      matches: { categories: [], priorities: [], channels: [] },
      active: true,
    });
    const changed = await w.staff.inject({
      method: 'PUT',
      url: `/api/desk/queues/${queue.id}`,
      payload: { ...spanishLine, active: false, matches: { channels: ['phone'] } },
    });
    expect(changed.json()).toMatchObject({ active: false, matches: { channels: ['phone'] } });
    const list = await w.staff.inject({ method: 'GET', url: '/api/desk/queues' });
    expect(list.json().items).toEqual([changed.json()]);
    const gone = await w.staff.inject({ method: 'DELETE', url: `/api/desk/queues/${queue.id}` });
    expect(gone.statusCode).toBe(204);
    const again = await w.staff.inject({ method: 'DELETE', url: `/api/desk/queues/${queue.id}` });
    expect(again.statusCode).toBe(404);
    const audited = (await auditEntries(w.desk))
      .filter((e) => e.resource_type === 'DeskQueue')
      .map((e) => `${e.action} ${e.outcome}`);
    expect(audited).toEqual([
      'create success',
      'update success',
      'delete success',
      'delete denied',
    ]);
  });

  it('refuses bad queues with a problem naming each field, in the caller’s language', async () => {
    const bad = await w.staff.inject({
      method: 'POST',
      url: '/api/desk/queues',
      headers: { 'accept-language': 'es' },
      payload: {
        name: 'Bad\u202Ename',
        strategy: 'least-loaded',
        order: 1,
        requiredSkills: { languages: ['not a tag'], categories: ['<script>'] },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'name',
      'requiredSkills/languages/0',
      'requiredSkills/categories/0',
    ]);
    expect(bad.json().issues[2].message).toBe(
      'No es un código de categoría: use minúsculas, dígitos y guiones.',
    );
    // Mass assignment: the organization is the caller's, never the body's.
    const smuggled = await w.staff.inject({
      method: 'POST',
      url: '/api/desk/queues',
      payload: { ...spanishLine, organizationId: 'elsewhere' },
    });
    expect(smuggled.statusCode).toBe(400);
    const unknownTeam = await w.staff.inject({
      method: 'POST',
      url: '/api/desk/queues',
      payload: { ...spanishLine, name: 'Team line', teamId: 'no-such-team' },
    });
    expect(unknownTeam.statusCode).toBe(400);
    expect(unknownTeam.json().issues[0]).toMatchObject({
      path: 'teamId',
      message: 'No such team.',
    });
    await w.staff.inject({ method: 'POST', url: '/api/desk/queues', payload: spanishLine });
    const twice = await w.staff.inject({
      method: 'POST',
      url: '/api/desk/queues',
      payload: spanishLine,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().issues[0].message).toBe('A queue with this name exists.');
  });

  it('lists agents who work cases and sets their skills; an administrator configures too', async () => {
    const agents = (await w.staff.inject({ method: 'GET', url: '/api/desk/agents' })).json().items;
    const ids = agents.map((a: { accountId: string }) => a.accountId);
    expect(ids).toContain(agent.accountId);
    // Administrators configure the desk but do not answer patients.
    expect(ids).not.toContain(admin.accountId);
    const saved = await admin.inject({
      method: 'PUT',
      url: `/api/desk/agents/${agent.accountId}`,
      payload: { languages: ['no', 'en'], categories: ['refill'], capacity: 3 },
    });
    expect(saved.json()).toMatchObject({ configured: true, languages: ['nb', 'en'], capacity: 3 });
    const tooMany = await admin.inject({
      method: 'PUT',
      url: `/api/desk/agents/${agent.accountId}`,
      payload: { languages: [], categories: [], capacity: 201 },
    });
    expect(tooMany.statusCode).toBe(400);
    const smuggled = await admin.inject({
      method: 'PUT',
      url: `/api/desk/agents/${agent.accountId}`,
      payload: { languages: [], categories: [], capacity: 1, lastAssignedAt: null },
    });
    expect(smuggled.statusCode).toBe(400);
    const nobody = await admin.inject({
      method: 'PUT',
      url: '/api/desk/agents/no-such-account',
      payload: { languages: [], categories: [], capacity: 1 },
    });
    expect(nobody.statusCode).toBe(404);
  });

  it('lets an agent set their own availability, and nothing else', async () => {
    const before = await agent.inject({ method: 'GET', url: '/api/desk/me/availability' });
    expect(before.json()).toEqual({ availability: 'available' });
    const away = await agent.inject({
      method: 'PUT',
      url: '/api/desk/me/availability',
      payload: { availability: 'away' },
    });
    expect(away.json()).toEqual({ availability: 'away' });
    expect(
      (await agent.inject({ method: 'GET', url: '/api/desk/me/availability' })).json(),
    ).toEqual({ availability: 'away' });
    const entry = (await auditEntries(w.desk, 'update')).at(-1);
    expect(entry).toMatchObject({
      actor_id: agent.accountId,
      resource_type: 'AgentProfile',
      resource_id: agent.accountId,
      detail: { availability: 'away' },
    });
    const bogus = await agent.inject({
      method: 'PUT',
      url: '/api/desk/me/availability',
      payload: { availability: 'on-holiday' },
    });
    expect(bogus.statusCode).toBe(400);
    for (const [method, url] of [
      ['GET', '/api/desk/queues'],
      ['GET', '/api/desk/agents'],
      ['PUT', `/api/desk/agents/${agent.accountId}`],
    ] as const) {
      const res = await agent.inject({
        method,
        url,
        payload: method === 'PUT' ? { languages: [], categories: [], capacity: 99 } : undefined,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    // An administrator does not work cases: no availability to set.
    const adminAway = await admin.inject({
      method: 'PUT',
      url: '/api/desk/me/availability',
      payload: { availability: 'away' },
    });
    expect(adminAway.statusCode).toBe(403);
  });
});
