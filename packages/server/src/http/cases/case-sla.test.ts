import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import { auditEntries, startDesk, type Desk, type TestClock } from '../auth/testing/auth-fixtures';

// The test clock starts Monday 2026-03-02 09:00 UTC; the home organization is open
// Monday to Friday 08:00–17:00 UTC. Default policy for asap: first response in 2 business
// hours (warning at 75 %), resolution in 6; a breach notifies supervisors and raises priority.
let desk: Desk;
let clock: TestClock;
let agent: Inject;
let supervisorId = '';

interface CaseJson {
  id: string;
  version: number;
  priority: string;
  status: string;
  sla: { state: string; firstResponseDue: string | null; dueAt: string | null };
}

async function read(id: string) {
  return (await agent({ method: 'GET', url: `/api/cases/${id}` })).json<{
    case: CaseJson;
    timeline: Array<{ kind: string; data: Record<string, unknown> }>;
  }>();
}

beforeAll(async () => {
  ({ desk, clock } = await startDesk({ staffIdleMinutes: 480 }));
  agent = (await signedInStaff(desk, clock, ['agent'])).inject;
  supervisorId = (await signedInStaff(desk, clock, ['supervisor'])).accountId;
}, 120_000);
afterAll(async () => desk.dispose());

describe('SLA clocks on cases', () => {
  let id = '';

  it('sets the due times from the policy and the business calendar', async () => {
    clock.t = Date.parse('2026-03-02T09:00:00.000Z');
    const res = await agent({
      method: 'POST',
      url: '/api/cases',
      payload: {
        channel: 'phone',
        category: 'device-help',
        priority: 'asap',
        subject: 'Pump alarm',
        caller: { name: 'Caller', phone: '+1 555 010 2222' },
      },
    });
    const c = res.json<CaseJson>();
    id = c.id;
    expect(c.sla).toMatchObject({
      state: 'running',
      firstResponseDue: '2026-03-02T11:00:00.000Z',
      dueAt: '2026-03-02T11:00:00.000Z',
    });
  });

  it('warns at 75 % of the target, on the timeline, when the job runs then', async () => {
    clock.t = Date.parse('2026-03-02T10:31:00.000Z');
    await desk.jobs.runOnce();
    const d = await read(id);
    expect(d.case.sla.state).toBe('warning');
    expect(d.timeline.filter((e) => e.kind === 'sla-warning')).toEqual([
      expect.objectContaining({ data: { clock: 'first-response' } }),
    ]);
  });

  it('on a breach raises the priority and tells the supervisors, audited', async () => {
    clock.t = Date.parse('2026-03-02T11:01:00.000Z');
    await desk.jobs.runOnce();
    const d = await read(id);
    expect(d.case.priority).toBe('stat');
    expect(d.case.sla.state).toBe('breached');
    const kinds = d.timeline.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['sla-breach', 'priority', 'supervisor-notified']),
    );
    const told = d.timeline.find((e) => e.kind === 'supervisor-notified');
    expect(told?.data.supervisors).toContain(supervisorId);
    const audited = (await auditEntries(desk, 'update')).filter(
      (e) => e.actor_name === 'SLA' && e.resource_id === id,
    );
    // One entry for the warning, one for the breach.
    expect(audited.map((e) => e.detail)).toEqual([
      { sla: [{ clock: 'first-response', kind: 'warning' }] },
      { sla: [{ clock: 'first-response', kind: 'breach' }] },
    ]);
    // Nothing more happens when the job runs again: no double escalation.
    await desk.jobs.runOnce();
    expect((await read(id)).timeline.filter((e) => e.kind === 'sla-breach')).toHaveLength(1);
  });

  it('stops the resolution clock while the case waits on the patient', async () => {
    clock.t = Date.parse('2026-03-02T09:00:00.000Z');
    const made = await agent({
      method: 'POST',
      url: '/api/cases',
      payload: {
        channel: 'walk-in',
        category: 'general',
        priority: 'asap',
        subject: 'Form',
        caller: { name: 'Walk-in' },
      },
    });
    const c = made.json<CaseJson>();
    clock.t = Date.parse('2026-03-02T10:00:00.000Z');
    const waiting = await agent({
      method: 'POST',
      url: `/api/cases/${c.id}/messages`,
      payload: { body: 'Please bring the form', status: 'pending-patient' },
    });
    expect(waiting.json<{ case: CaseJson }>().case.sla.dueAt).toBeNull();
    // Two business hours pass while waiting; the resolution due time moves by two hours.
    clock.t = Date.parse('2026-03-02T12:00:00.000Z');
    const back = await agent({
      method: 'PATCH',
      url: `/api/cases/${c.id}`,
      payload: { version: waiting.json<{ case: CaseJson }>().case.version, status: 'open' },
    });
    expect(back.json<CaseJson>().sla.dueAt).toBe('2026-03-02T17:00:00.000Z');
  });
});
