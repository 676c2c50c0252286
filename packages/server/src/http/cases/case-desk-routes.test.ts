import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inject } from '../../testing/signed-in-client';
import { auditEntries, type Desk } from '../auth/testing/auth-fixtures';
import { startDeskWorld, type CaseJson, type DeskWorld } from './testing/desk-world';

let w: DeskWorld;
let desk: Desk;
let agent: Inject;
let agentId = '';
let supervisor: Inject;
let patient: Inject;
let alma = '';
const openCase = (payload: Record<string, unknown>) => w.openCase(payload);
const resolve = (c: CaseJson) => w.resolve(c);

beforeAll(async () => {
  w = await startDeskWorld();
  ({ desk, agent, agentId, supervisor, patient, alma } = w);
}, 120_000);
afterAll(async () => desk.dispose());

describe('identity verification on phone cases', () => {
  it('asks for two identifiers before the case page shows the patient', async () => {
    const c = await openCase({
      channel: 'phone',
      category: 'billing-question',
      subject: 'Bill',
      patientId: alma,
    });
    const before = await agent({ method: 'GET', url: `/api/cases/${c.id}` });
    expect(before.json<{ needsVerification: boolean }>().needsVerification).toBe(true);
    const one = await agent({
      method: 'POST',
      url: `/api/cases/${c.id}/verification`,
      payload: { identifiers: ['name', 'name'] },
    });
    expect(one.statusCode).toBe(400);
    const two = await agent({
      method: 'POST',
      url: `/api/cases/${c.id}/verification`,
      payload: { identifiers: ['name', 'date-of-birth'] },
    });
    expect(two.statusCode).toBe(200);
    const after = await agent({ method: 'GET', url: `/api/cases/${c.id}` });
    expect(after.json<{ needsVerification: boolean }>().needsVerification).toBe(false);
  });

  it('identifies an unidentified caller as a patient once verified', async () => {
    const c = await openCase({
      channel: 'phone',
      category: 'general',
      subject: 'Caller',
      caller: { name: 'Alma?' },
    });
    const res = await agent({
      method: 'POST',
      url: `/api/cases/${c.id}/verification`,
      payload: { identifiers: ['date-of-birth', 'address'], patientId: alma },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<CaseJson>().patientId).toBe(alma);
    const timeline = (await agent({ method: 'GET', url: `/api/cases/${c.id}` }))
      .json<{ timeline: Array<{ kind: string }> }>()
      .timeline.map((e) => e.kind);
    expect(timeline).toContain('identified');
  });
});

describe('disclosures', () => {
  it('refuses telling a relative without consent, records it with consent, and the patient sees it', async () => {
    const c = await openCase({
      channel: 'phone',
      category: 'claim-help',
      subject: 'Son calls about claim',
      patientId: alma,
    });
    const rp = await agent({
      method: 'POST',
      url: `/api/patients/${alma}/related-persons`,
      payload: { names: [{ given: ['Jānis'], family: 'Ozols' }], relationship: 'SON' },
    });
    const relatedPersonId = rp.json<{ id: string }>().id;
    const disclose = () =>
      agent({
        method: 'POST',
        url: `/api/cases/${c.id}/disclosures`,
        payload: {
          recipient: { kind: 'related-person', relatedPersonId },
          purpose: 'Son helps with the claim',
          description: 'claim status',
          category: 'billing',
        },
      });
    expect((await disclose()).statusCode).toBe(409);
    const consent = await agent({
      method: 'POST',
      url: `/api/patients/${alma}/consents`,
      payload: { relatedPersonId, permit: ['billing'] },
    });
    expect(consent.statusCode).toBe(201);
    expect((await disclose()).statusCode).toBe(204);
    const entries = (await auditEntries(desk, 'disclose')).filter((e) => e.outcome === 'success');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.patient_id).toBe(alma);
    const log = await patient({ method: 'GET', url: `/api/patients/${alma}/access-log` });
    expect(log.body).toContain('disclose');
  });
});

describe('satisfaction surveys', () => {
  it('offers one survey on resolution, takes one answer, and at most one per 7 days', async () => {
    const first = await openCase({
      channel: 'walk-in',
      category: 'refill',
      subject: 'Refill',
      patientId: alma,
    });
    await resolve(first);
    const offered = await patient({ method: 'GET', url: `/api/cases/${first.id}/survey` });
    expect(offered.json<{ survey: { answeredAt: null } | null }>().survey).toMatchObject({
      answeredAt: null,
    });
    const staffTry = await agent({
      method: 'POST',
      url: `/api/cases/${first.id}/survey`,
      payload: { score: 1 },
    });
    expect(staffTry.statusCode).toBe(403);
    const answer = await patient({
      method: 'POST',
      url: `/api/cases/${first.id}/survey`,
      payload: { score: 4, comment: 'Quick and kind' },
    });
    expect(answer.statusCode).toBe(200);
    const again = await patient({
      method: 'POST',
      url: `/api/cases/${first.id}/survey`,
      payload: { score: 5 },
    });
    expect(again.statusCode).toBe(409);

    const second = await openCase({
      channel: 'walk-in',
      category: 'refill',
      subject: 'Another',
      patientId: alma,
    });
    await resolve(second);
    const none = await patient({ method: 'GET', url: `/api/cases/${second.id}/survey` });
    expect(none.json<{ survey: unknown }>().survey).toBeNull();

    const results = await supervisor({
      method: 'GET',
      url: '/api/desk/csat?by=agent&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
    });
    expect(results.statusCode).toBe(200);
    expect(results.json<{ groups: unknown[] }>().groups).toEqual([
      expect.objectContaining({ key: agentId, answered: 1, average: 4 }),
    ]);
    const bad = await patient({
      method: 'POST',
      url: `/api/cases/${second.id}/survey`,
      payload: { score: 9 },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('categories of the organization’s own', () => {
  it('lets a supervisor add one that cases can then use; agents cannot add', async () => {
    const payload = {
      code: 'equipment-rental',
      labels: { en: 'Equipment rental', es: 'Alquiler de equipos', lv: 'Iekārtu noma' },
    };
    expect((await agent({ method: 'POST', url: '/api/desk/categories', payload })).statusCode).toBe(
      403,
    );
    expect(
      (await supervisor({ method: 'POST', url: '/api/desk/categories', payload })).statusCode,
    ).toBe(201);
    expect(
      (await supervisor({ method: 'POST', url: '/api/desk/categories', payload })).statusCode,
    ).toBe(409);
    const list = await patient({ method: 'GET', url: '/api/desk/categories' });
    expect(list.json<{ items: string[] }>().items).toContain('equipment-rental');
    const c = await openCase({
      channel: 'phone',
      category: 'equipment-rental',
      subject: 'Wheelchair',
      patientId: alma,
    });
    expect(c.id).toBeTruthy();
  });
});

describe('the inbox and restricted records', () => {
  it('names patients, but shows a restricted record’s case without name or subject to staff out of reach', async () => {
    const vip = await agent({
      method: 'POST',
      url: '/api/patients',
      payload: { names: [{ given: ['Famous'], family: 'Person' }] },
    });
    const vipId = vip.json<{ id: string }>().id;
    const c = await openCase({
      channel: 'phone',
      category: 'general',
      subject: 'Private matter',
      patientId: vipId,
    });
    const restrict = await supervisor({
      method: 'PUT',
      url: `/api/patients/${vipId}/restricted`,
      payload: { restricted: true },
    });
    expect(restrict.statusCode).toBe(204);
    const page = await agent({ method: 'GET', url: '/api/cases?view=all&limit=100' });
    const items = page.json<{
      items: Array<{
        id: string;
        subject: string;
        patientName: string | null;
        restricted: boolean;
      }>;
    }>().items;
    expect(items.find((i) => i.id === c.id)).toMatchObject({
      subject: '',
      patientName: null,
      restricted: true,
    });
    expect(items.find((i) => i.patientName === 'Alma Ozols')).toBeDefined();
    expect(page.body).not.toContain('Private matter');
    expect(page.body).not.toContain('Famous');
  });
});

describe('knowledge-base suggestions on a case', () => {
  it('suggests published articles matching the case’s words, in its language', async () => {
    const article = await supervisor({
      method: 'POST',
      url: '/api/kb/articles',
      payload: {
        category: 'devices',
        audience: 'patient',
        translations: [
          {
            language: 'en',
            title: 'Glucose meter errors',
            body: 'What to do when the glucose meter shows an error.',
          },
        ],
      },
    });
    expect(article.statusCode).toBe(201);
    const id = article.json<{ id: string }>().id;
    expect(
      (await supervisor({ method: 'POST', url: `/api/kb/articles/${id}/publish`, payload: {} }))
        .statusCode,
    ).toBe(200);
    const c = await openCase({
      channel: 'phone',
      category: 'device-help',
      subject: 'My glucose meter shows an error',
      patientId: alma,
      language: 'en',
    });
    const res = await agent({ method: 'GET', url: `/api/cases/${c.id}/kb-suggestions` });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toContain(id);
    expect(
      (await patient({ method: 'GET', url: `/api/cases/${c.id}/kb-suggestions` })).statusCode,
    ).toBe(403);
  });
});
