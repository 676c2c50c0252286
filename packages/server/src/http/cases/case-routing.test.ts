import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import {
  as,
  PASSWORD,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from '../auth/testing/auth-fixtures';

let desk: Desk;
let clock: TestClock;
let supervisor: Inject;
const agents: Record<string, string> = {};

beforeAll(async () => {
  ({ desk, clock } = await startDesk());
  const boss = await signedInStaff(desk, clock, ['supervisor']);
  supervisor = boss.inject;
  for (const [name, languages, capacity] of [
    ['english', ['en'], 5],
    ['spanish', ['es', 'en'], 1],
  ] as const) {
    const a = await signedInStaff(desk, clock, ['agent']);
    agents[name] = a.accountId;
    const res = await supervisor({
      method: 'PUT',
      url: `/api/desk/agents/${a.accountId}`,
      payload: { languages, categories: ['refill'], capacity },
    });
    expect(res.statusCode).toBe(200);
  }
  // Only these two agents take cases in this test: the supervisor works none.
  await supervisor({
    method: 'PUT',
    url: `/api/desk/agents/${boss.accountId}`,
    payload: { languages: [], categories: [], capacity: 0 },
  });
  const queue = await supervisor({
    method: 'POST',
    url: '/api/desk/queues',
    payload: {
      name: 'Pharmacy',
      strategy: 'least-loaded',
      matches: { categories: ['refill'] },
      order: 1,
    },
  });
  expect(queue.statusCode).toBe(201);
}, 120_000);
afterAll(async () => desk.dispose());

async function patientAsking(language: string): Promise<Inject> {
  const p = await supervisor({
    method: 'POST',
    url: '/api/patients',
    payload: { names: [{ given: ['Pat'], family: language }], preferredLanguage: language },
  });
  const patientId = p.json<{ id: string }>().id;
  const email = `${language}-${patientId.slice(0, 8)}@patients.example`;
  await desk.services.identity.accounts.provision(
    { organizationId: desk.organizationId, kind: 'patient', patientId, displayName: email, email },
    PASSWORD,
  );
  const s = await signIn(desk, clock, email);
  return (o) =>
    desk.app.inject({
      ...o,
      url: o.url.replace(':me', patientId),
      headers: { ...as(s), ...(o.headers as Record<string, string>) },
    });
}

describe('routing new cases', () => {
  it('gives a Spanish-speaking patient’s request to the agent who speaks Spanish', async () => {
    const ask = await patientAsking('es');
    const res = await ask({
      method: 'POST',
      url: '/api/patients/:me/cases',
      payload: { category: 'refill', subject: 'Receta', message: 'Necesito insulina' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ assigneeId: string }>().assigneeId).toBe(agents.spanish);
  });

  it('leaves the next Spanish request in the queue once that agent is at capacity', async () => {
    const ask = await patientAsking('es');
    const res = await ask({
      method: 'POST',
      url: '/api/patients/:me/cases',
      payload: { category: 'refill', subject: 'Otra receta', message: 'Por favor' },
    });
    const c = res.json<{ id: string; assigneeId: string | null; queueId: string | null }>();
    expect(c.assigneeId).toBeNull();
    expect(c.queueId).not.toBeNull();
    const detail = await supervisor({ method: 'GET', url: `/api/cases/${c.id}` });
    const routed = detail
      .json<{ timeline: Array<{ kind: string; data: { reason?: string } }> }>()
      .timeline.find((e) => e.kind === 'routed');
    expect(routed?.data.reason).toBe('all-agents-at-capacity');
    const backlog = await supervisor({ method: 'GET', url: '/api/cases?view=unassigned' });
    expect(backlog.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toContain(c.id);
  });

  it('routes an English request to the least-loaded English speaker', async () => {
    const ask = await patientAsking('en');
    const res = await ask({
      method: 'POST',
      url: '/api/patients/:me/cases',
      payload: { category: 'refill', subject: 'Refill', message: 'Please refill' },
    });
    expect(res.json<{ assigneeId: string }>().assigneeId).toBe(agents.english);
  });
});

describe('the supervisor’s overview', () => {
  it('counts each queue’s active and unassigned cases and each agent’s load', async () => {
    const res = await supervisor({ method: 'GET', url: '/api/desk/overview' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      queues: Array<{ name: string | null; active: number; unassigned: number }>;
      agents: Array<{ accountId: string; active: number }>;
    }>();
    expect(body.queues.find((q) => q.name === 'Pharmacy')).toMatchObject({
      active: 3,
      unassigned: 1,
    });
    expect(body.agents.find((a) => a.accountId === agents.spanish)?.active).toBe(1);
    expect(body.agents.find((a) => a.accountId === agents.english)?.active).toBe(1);
  });
});
