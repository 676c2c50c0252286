import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import {
  as,
  auditEntries,
  insertPatient,
  PASSWORD,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from '../auth/testing/auth-fixtures';

let desk: Desk;
let clock: TestClock;
let editor: Inject;
let agent: Inject;
let patient: Inject;

const spanish = {
  category: 'test-preparation',
  audience: 'patient',
  translations: [
    {
      language: 'es',
      title: 'Análisis de sangre en ayunas',
      body: 'No coma ni beba nada, salvo agua, durante 8 horas antes del análisis.',
    },
  ],
};

const json = (who: Inject, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  who({ method, url, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  ({ desk, clock } = await startDesk());
  editor = (await signedInStaff(desk, clock, ['supervisor'])).inject;
  agent = (await signedInStaff(desk, clock, ['agent'])).inject;
  const patientId = randomUUID();
  await insertPatient(desk, patientId);
  await desk.services.identity.accounts.provision(
    {
      organizationId: desk.organizationId,
      kind: 'patient',
      email: 'reader@test.caredesk.example',
      displayName: 'Reader',
      patientId,
    },
    PASSWORD,
  );
  const session = await signIn(desk, clock, 'reader@test.caredesk.example');
  patient = (opts) =>
    desk.app.inject({
      ...opts,
      headers: { ...as(session), ...(opts.headers as Record<string, string>) },
    });
});
afterAll(async () => desk.dispose());

describe('knowledge base over HTTP', () => {
  it('lets an editor write, publish and archive an article a Spanish reader finds without accents', async () => {
    const created = await json(editor, 'POST', '/api/kb/articles', spanish);
    expect(created.statusCode).toBe(201);
    const article = created.json<{ id: string; status: string; version: number }>();
    expect(article).toMatchObject({ status: 'draft', version: 1 });
    expect(created.headers.location).toBe(`/api/kb/articles/${article.id}`);

    // A draft is for staff only.
    const search = () => json(patient, 'GET', '/api/help-articles?q=analisis%20ayun&language=es');
    expect((await search()).json()).toMatchObject({ items: [] });
    expect((await json(patient, 'GET', `/api/help-articles/${article.id}`)).statusCode).toBe(404);
    const staffHits = await json(agent, 'GET', '/api/kb/articles?q=ANALISIS&language=es');
    expect(staffHits.json<{ items: Array<{ id: string }> }>().items.map((h) => h.id)).toEqual([
      article.id,
    ]);

    const published = await json(editor, 'POST', `/api/kb/articles/${article.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 2 });
    const found = (await search()).json<{ items: Array<Record<string, unknown>> }>();
    expect(found.items).toEqual([
      expect.objectContaining({
        id: article.id,
        title: 'Análisis de sangre en ayunas',
        language: 'es',
        fallback: false,
      }),
    ]);
    // A Latvian reader is shown the Spanish text, and told it is not in Latvian.
    const lv = await json(patient, 'GET', `/api/help-articles/${article.id}?language=lv`);
    expect(lv.json()).toMatchObject({
      language: 'es',
      requestedLanguage: 'lv',
      fallback: true,
      languages: ['es'],
    });

    await json(editor, 'POST', `/api/kb/articles/${article.id}/archive`, { version: 2 });
    expect((await search()).json()).toMatchObject({ items: [] });
    const archived = await json(agent, 'GET', '/api/kb/articles?q=analisis&status=archived');
    expect(archived.json()).toMatchObject({ items: [{ id: article.id, status: 'archived' }] });
    expect((await json(agent, 'GET', '/api/kb/articles?q=analisis')).json()).toMatchObject({
      items: [],
    });

    const audited = (await auditEntries(desk)).filter((e) => e.resource_id === article.id);
    expect(audited.map((e) => [e.action, e.outcome])).toEqual([
      ['create', 'success'],
      ['update', 'success'],
      ['update', 'success'],
    ]);
    expect(audited[1]!.detail).toEqual({ from: 'draft', to: 'published', version: 2 });
  });

  it('refuses a stale edit with 409 and a change of status or owner with 400', async () => {
    const { id } = (await json(editor, 'POST', '/api/kb/articles', spanish)).json<{ id: string }>();
    const edit = (body: object) => json(editor, 'PUT', `/api/kb/articles/${id}`, body);
    const ok = await edit({ ...spanish, category: 'devices', version: 1 });
    expect(ok.json()).toMatchObject({ category: 'devices', version: 2 });
    const stale = await edit({ ...spanish, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/problem\+json/);
    expect((await edit({ ...spanish, version: 2, status: 'published' })).statusCode).toBe(400);
    expect((await edit({ ...spanish, version: 2, organizationId: randomUUID() })).statusCode).toBe(
      400,
    );
    expect((await json(agent, 'GET', `/api/kb/articles/${id}`)).json()).toMatchObject({
      status: 'draft',
      category: 'devices',
    });
  });

  it('tells the editor what is wrong, in their language', async () => {
    const res = await editor({
      method: 'POST',
      url: '/api/kb/articles',
      headers: { 'accept-language': 'lv' },
      payload: { ...spanish, translations: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      issues: [{ path: 'translations', message: expect.stringMatching(/tulkojum/) }],
    });
    const bad = await json(editor, 'POST', '/api/kb/articles', {
      ...spanish,
      translations: [{ language: 'de', title: 'Titel', body: 'Text' }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lets only kb.manage write, and only signed-in people read help articles', async () => {
    expect((await json(agent, 'POST', '/api/kb/articles', spanish)).statusCode).toBe(403);
    expect((await json(patient, 'GET', '/api/kb/articles')).statusCode).toBe(403);
    const anonymous = await desk.app.inject({ method: 'GET', url: '/api/help-articles' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps internal articles from patients and suggests them to staff from a case text', async () => {
    const internal = {
      category: 'insurance-billing',
      audience: 'internal',
      translations: [
        {
          language: 'en',
          title: 'Escalating a denied claim',
          body: 'Check the remark codes on the explanation of benefits first.',
        },
      ],
    };
    const { id } = (await json(editor, 'POST', '/api/kb/articles', internal)).json<{
      id: string;
    }>();
    await json(editor, 'POST', `/api/kb/articles/${id}/publish`);
    expect((await json(patient, 'GET', '/api/help-articles?q=claim')).json()).toMatchObject({
      items: [],
    });
    expect((await json(patient, 'GET', `/api/help-articles/${id}`)).statusCode).toBe(404);
    const text = encodeURIComponent(
      'Hello, my claim was denied - what do these remark codes mean?',
    );
    const suggested = await json(agent, 'GET', `/api/kb/suggestions?text=${text}&language=nb`);
    expect(suggested.json()).toMatchObject({
      items: [{ id, language: 'en', fallback: true, audience: 'internal' }],
    });
  });

  it('replays a create retried with the same Idempotency-Key', async () => {
    const send = () =>
      editor({
        method: 'POST',
        url: '/api/kb/articles',
        headers: { 'idempotency-key': 'kb-retry-0123456789abcdef' },
        payload: spanish,
      });
    const first = await send();
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
  });
});
