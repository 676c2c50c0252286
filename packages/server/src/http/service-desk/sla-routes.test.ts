import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import { auditEntries, startDesk, type Desk } from '../auth/testing/auth-fixtures';

let desk: Desk;
let supervisor: Inject;
let agent: Inject;

beforeAll(async () => {
  const started = await startDesk();
  desk = started.desk;
  supervisor = (await signedInStaff(desk, started.clock, ['supervisor'])).inject;
  agent = (await signedInStaff(desk, started.clock, ['agent'])).inject;
});
afterAll(async () => desk.dispose());

const policyBody = {
  category: 'billing-dispute',
  priority: 'urgent',
  firstResponseMinutes: 120,
  resolutionMinutes: 960,
  warnAtShare: 0.8,
  onBreach: ['notify-supervisor', 'reassign'],
};

describe('SLA policies API', () => {
  it('shows every desk worker the default targets', async () => {
    const res = await agent({ method: 'GET', url: '/api/desk/sla-policies' });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((p: { priority: string; firstResponseMinutes: number }) => [
          p.priority,
          p.firstResponseMinutes,
        ]),
    ).toEqual([
      ['routine', 480],
      ['urgent', 240],
      ['asap', 120],
      ['stat', 60],
    ]);
  });

  it('a supervisor sets a cell (201), changes it (200, same id), and it is audited', async () => {
    const created = await supervisor({
      method: 'PUT',
      url: '/api/desk/sla-policies',
      payload: policyBody,
    });
    expect(created.statusCode).toBe(201);
    const changed = await supervisor({
      method: 'PUT',
      url: '/api/desk/sla-policies',
      payload: { ...policyBody, resolutionMinutes: 480 },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({
      ...policyBody,
      resolutionMinutes: 480,
      id: created.json().id,
    });
    const listed = (await agent({ method: 'GET', url: '/api/desk/sla-policies' })).json().items;
    expect(
      listed.filter((p: { category: string }) => p.category === 'billing-dispute'),
    ).toHaveLength(1);
    const entries = (await auditEntries(desk, 'update')).filter(
      (e) => e.resource_type === 'SlaPolicy',
    );
    expect(entries.map((e) => [e.outcome, e.resource_id])).toEqual([
      ['success', created.json().id],
      ['success', created.json().id],
    ]);
  });

  it('an agent may read but not change targets (403, audited as denied)', async () => {
    const res = await agent({ method: 'PUT', url: '/api/desk/sla-policies', payload: policyBody });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const denied = (await auditEntries(desk, 'update')).filter((e) => e.outcome === 'denied');
    expect(denied.at(-1)).toMatchObject({ resource_type: 'SlaPolicy' });
  });

  it.each([
    [
      { ...policyBody, warnAtShare: 1.2, resolutionMinutes: 60 },
      ['resolutionMinutes', 'warnAtShare'],
    ],
    [{ ...policyBody, firstResponseMinutes: '2h' }, ['body/firstResponseMinutes']],
    [{ ...policyBody, priority: 'whenever' }, ['body/priority']],
    [{ ...policyBody, onBreach: ['page-the-ceo'] }, ['body/onBreach/0']],
    [{ ...policyBody, organizationId: 'someone-else' }, ['body/']],
    [{ ...policyBody, category: '<script>alert(1)</script>' }, ['category']],
  ])('refuses bad input with a problem naming the fields (%#)', async (payload, paths) => {
    const res = await supervisor({ method: 'PUT', url: '/api/desk/sla-policies', payload });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('validation');
    expect(body.issues.map((i: { path: string }) => i.path)).toEqual(paths);
    expect(JSON.stringify(body)).not.toContain('<script>');
  });

  it('explains a refusal in the supervisor’s language', async () => {
    const res = await supervisor({
      method: 'PUT',
      url: '/api/desk/sla-policies',
      headers: { 'accept-language': 'lv' },
      payload: { ...policyBody, resolutionMinutes: 60 },
    });
    expect(res.json().issues[0].message).toBe(
      'Atrisināšanas termiņš nevar būt īsāks par pirmās atbildes termiņu.',
    );
  });

  it('deletes a policy (204); a second delete or a stranger id is 404', async () => {
    const { id } = (
      await supervisor({
        method: 'PUT',
        url: '/api/desk/sla-policies',
        payload: { ...policyBody, category: 'complaint' },
      })
    ).json();
    const gone = await supervisor({ method: 'DELETE', url: `/api/desk/sla-policies/${id}` });
    expect(gone.statusCode).toBe(204);
    expect(
      (await supervisor({ method: 'DELETE', url: `/api/desk/sla-policies/${id}` })).statusCode,
    ).toBe(404);
    expect(
      (await supervisor({ method: 'DELETE', url: '/api/desk/sla-policies/not-a-uuid' })).statusCode,
    ).toBe(400);
  });
});

describe('business calendars API', () => {
  const riga = {
    timeZone: 'Europe/Riga',
    hours: [
      { day: 1, opens: '08:00', closes: '12:00' },
      { day: 1, opens: '13:00', closes: '17:00' },
    ],
    holidays: ['2026-06-24', '2026-06-23'],
  };

  it('starts from the organization record, then keeps the default a supervisor saves', async () => {
    const before = (await agent({ method: 'GET', url: '/api/desk/calendars' })).json();
    expect(before.organizationDefault).toMatchObject({ source: 'organization', updatedAt: null });
    expect(before.organizationDefault.calendar.timeZone).toBe('UTC');
    const saved = await supervisor({
      method: 'PUT',
      url: '/api/desk/calendars/default',
      payload: riga,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().calendar.holidays).toEqual(['2026-06-23', '2026-06-24']);
    const after = (await agent({ method: 'GET', url: '/api/desk/calendars' })).json();
    expect(after.organizationDefault).toMatchObject({
      source: 'default',
      calendar: saved.json().calendar,
    });
    expect((await auditEntries(desk, 'update')).at(-1)).toMatchObject({
      resource_type: 'BusinessCalendar',
      resource_id: 'default',
      outcome: 'success',
    });
  });

  it('saves a team’s own calendar; an unknown team is 404', async () => {
    const team = await supervisor({
      method: 'POST',
      url: '/api/admin/teams',
      payload: { name: 'Refills' },
    });
    const teamId = team.json().id as string;
    const res = await supervisor({
      method: 'PUT',
      url: `/api/desk/calendars/${teamId}`,
      payload: { ...riga, timeZone: 'America/New_York' },
    });
    expect(res.statusCode).toBe(200);
    const listed = (await agent({ method: 'GET', url: '/api/desk/calendars' })).json();
    expect(listed.teams).toEqual([
      expect.objectContaining({
        teamId,
        name: 'Refills',
        calendar: expect.objectContaining({ timeZone: 'America/New_York' }),
      }),
    ]);
    const unknown = await supervisor({
      method: 'PUT',
      url: '/api/desk/calendars/6f1c2d3e-4b5a-4c6d-8e7f-901234567890',
      payload: riga,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses an unusable calendar with field issues', async () => {
    const res = await supervisor({
      method: 'PUT',
      url: '/api/desk/calendars/default',
      payload: {
        timeZone: 'Europe/Atlantis',
        hours: [
          { day: 2, opens: '09:00', closes: '12:00' },
          { day: 2, opens: '11:00', closes: '15:00' },
        ],
        holidays: ['2026-02-29'],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res.json().issues.map((i: { path: string; message: string }) => [i.path, i.message]),
    ).toEqual([
      ['timeZone', 'Unknown time zone.'],
      ['hours/1', 'These opening hours overlap others on the same day.'],
      ['holidays/0', 'Not a valid date.'],
    ]);
    const shape = await supervisor({
      method: 'PUT',
      url: '/api/desk/calendars/default',
      payload: { ...riga, hours: [{ day: 9, opens: '08:00', closes: '17:00' }] },
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().issues[0].path).toBe('body/hours/0/day');
  });
});
