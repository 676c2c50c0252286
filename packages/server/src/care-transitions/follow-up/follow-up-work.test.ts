import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAudit } from '../../access/request-audit';
import {
  as,
  PASSWORD,
  signIn,
  type Desk,
  type TestClock,
} from '../../http/auth/testing/auth-fixtures';
import { signedInStaff, startWithStaff, type Inject } from '../../testing/signed-in-client';
import { adt, evn, pid, pv1 } from '../adt/testing/adt-messages';
import type { PlanJson } from './follow-up-views';

type Task = PlanJson['tasks'][number];

/** Working a discharge plan through the API (issue #6 point 5). */
describe('working a follow-up plan', () => {
  let desk: Desk;
  let clock: TestClock;
  let agent: { inject: Inject; accountId: string };
  let plan: PlanJson;
  let patientId: string;
  let caregiverId: string;
  const task = (key: string): Task => plan.tasks.find((t) => t.stepKey === key)!;
  const act = async (key: string, action: string, body: Record<string, unknown>) => {
    const t = task(key);
    const res = await agent.inject({
      method: 'POST',
      url: `/api/cases/${plan.caseId}/follow-up/tasks/${t.id}/${action}`,
      payload: { version: t.version, ...body },
    });
    if (res.statusCode < 300) plan = res.json();
    return res;
  };

  beforeAll(async () => {
    ({ desk, clock } = await startWithStaff(['supervisor']));
    agent = await signedInStaff(desk, clock, ['agent']);
    for (const [trigger, segments] of [
      [
        'A01',
        [
          evn('A01', '202603020800'),
          pid('WK-1'),
          'NK1|1|Berzins^Peteris|CGV^Caregiver',
          pv1({ visit: 'W-1', admit: '202603020800' }),
        ],
      ],
      [
        'A03',
        [
          evn('A03'),
          pid('WK-1'),
          pv1({
            visit: 'W-1',
            admit: '202603020800',
            discharge: '202603021500',
            disposition: '01',
          }),
        ],
      ],
    ] as const) {
      const r = await desk.hl7.inbox.receive(
        adt(trigger, `WK-${trigger}`, ...segments),
        '127.0.0.1',
      );
      expect(r.ackCode).toBe('AA');
    }
    const row = await desk.database.db
      .selectFrom('follow_up_plans')
      .select(['case_id', 'patient_id'])
      .executeTakeFirstOrThrow();
    patientId = row.patient_id;
    caregiverId = (
      await desk.database.db
        .selectFrom('related_persons')
        .select('id')
        .where('patient_id', '=', patientId)
        .executeTakeFirstOrThrow()
    ).id;
    plan = (
      await agent.inject({ method: 'GET', url: `/api/cases/${row.case_id}/follow-up` })
    ).json();
  });
  afterAll(() => desk.dispose());

  it('lists the due call on the worklist, soonest first, with the patient name', async () => {
    const res = await agent.inject({ method: 'GET', url: '/api/follow-up/worklist?scope=all' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{
      stepKey: string;
      dueAt: string;
      patientName: string;
    }>;
    expect(items[0]).toMatchObject({
      stepKey: 'first-call',
      patientName: expect.stringContaining('Berzina'),
    });
    expect(items.map((i) => i.dueAt)).toEqual([...items.map((i) => i.dueAt)].sort());
    const overdue = await agent.inject({
      method: 'GET',
      url: '/api/follow-up/worklist?scope=all&due=overdue',
    });
    expect(overdue.json().items).toEqual([]);
  });

  it('three unanswered calls escalate once: supervisors told, priority up, the patient written to', async () => {
    for (const outcome of ['no-answer', 'left-message', 'wrong-number'])
      expect((await act('first-call', 'calls', { outcome })).statusCode).toBe(201);
    expect(task('first-call')).toMatchObject({ status: 'in-progress', unansweredAttempts: 3 });
    expect(task('first-call').escalatedAt).not.toBeNull();
    const detail = (await agent.inject({ method: 'GET', url: `/api/cases/${plan.caseId}` })).json();
    expect(detail.case.priority).toBe('urgent');
    const notified = detail.timeline.filter(
      (e: { kind: string }) => e.kind === 'supervisor-notified',
    );
    expect(notified).toHaveLength(1);
    expect(notified[0].data.supervisors).toHaveLength(1);
    // In the patient's language (PID-15 lav): a portal message they can read.
    const publicMessages = detail.messages.filter(
      (m: { visibility: string }) => m.visibility === 'public',
    );
    expect(publicMessages.map((m: { body: string }) => m.body)).toEqual([
      expect.stringContaining('Mēs vairākas reizes mēģinājām'),
    ]);
    expect((await act('first-call', 'calls', { outcome: 'no-answer' })).statusCode).toBe(201);
    const again = (await agent.inject({ method: 'GET', url: `/api/cases/${plan.caseId}` })).json();
    expect(
      again.timeline.filter((e: { kind: string }) => e.kind === 'supervisor-notified'),
    ).toHaveLength(1);
  });

  it('a reached call completes the step and counts as the first contact', async () => {
    expect(plan.firstContactAt).toBeNull();
    await act('first-call', 'calls', { outcome: 'reached', note: 'Feeling better.' });
    expect(task('first-call').status).toBe('completed');
    expect(plan.firstContactAt).not.toBeNull();
    expect(plan.contacts.map((c) => c.outcome)).toEqual([
      'no-answer',
      'left-message',
      'wrong-number',
      'no-answer',
      'reached',
    ]);
    const stale = await agent.inject({
      method: 'POST',
      url: `/api/cases/${plan.caseId}/follow-up/tasks/${task('first-call').id}/calls`,
      payload: { version: task('first-call').version, outcome: 'reached' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('the caregiver is called only within the patient’s consent for care plans', async () => {
    const call = { outcome: 'reached', party: 'caregiver', relatedPersonId: caregiverId };
    const refused = await act('medication-review', 'calls', call);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().issues[0].detail).toContain('has not consented');
    const audit = systemAudit(desk.services.audit, {
      name: 'test',
      organizationId: desk.organizationId,
      now: clock.now(),
    });
    await desk.services.consents.grant(
      patientId,
      {
        relatedPersonId: caregiverId,
        permit: ['care-plans'],
        deny: [],
        periodStart: null,
        periodEnd: null,
      },
      audit,
    );
    expect((await act('medication-review', 'calls', call)).statusCode).toBe(201);
    expect(task('medication-review').status).toBe('completed');
  });

  it('a referral is tracked to the provider’s confirmation', async () => {
    expect((await act('home-health', 'complete', {})).statusCode).toBe(409);
    await act('home-health', 'referral', { state: 'sent', provider: 'Riga Home Care' });
    expect(task('home-health')).toMatchObject({
      status: 'in-progress',
      referral: { state: 'sent' },
    });
    await act('home-health', 'referral', {
      state: 'confirmed',
      provider: 'Riga Home Care',
      reference: 'HH-12',
    });
    expect(task('home-health')).toMatchObject({
      status: 'completed',
      referral: { reference: 'HH-12' },
    });
  });

  it('the plan completes, and its case resolves, when no required step is open', async () => {
    expect(plan.status).toBe('active');
    await act('claim-check', 'complete', { note: 'Billed to the right plan.' });
    expect(plan.status).toBe('completed');
    expect(plan.tasks.filter((t) => t.status === 'ready' || t.status === 'in-progress')).toEqual(
      [],
    );
    const detail = (await agent.inject({ method: 'GET', url: `/api/cases/${plan.caseId}` })).json();
    expect(detail.case.status).toBe('resolved');
  });

  it('staff list the patient’s plans with their calls', async () => {
    const res = await agent.inject({
      method: 'GET',
      url: `/api/patients/${patientId}/follow-up-plans`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].contacts).toHaveLength(6);
  });

  it('the patient sees their plan without scripts, call notes or who called', async () => {
    await desk.services.identity.accounts.provision(
      {
        organizationId: desk.organizationId,
        kind: 'patient',
        patientId,
        displayName: 'Anna',
        email: 'anna@patients.example',
      },
      PASSWORD,
    );
    const session = await signIn(desk, clock, 'anna@patients.example');
    const res = await desk.app.inject({
      method: 'GET',
      url: `/api/patients/${patientId}/follow-up-plans`,
      headers: as(session),
    });
    expect(res.statusCode).toBe(200);
    const [mine] = res.json().items;
    expect(mine.programName.lv).toBe('Pēcizrakstīšanas aprūpe');
    expect(mine.steps.find((s: { kind: string }) => s.kind === 'call')).toMatchObject({
      done: true,
    });
    const text = JSON.stringify(mine);
    expect(text).not.toContain('Feeling better');
    expect(text).not.toContain('script');
    expect(text).not.toContain('contacts');
  });
});
