import { closeOfBusinessDaysAfter } from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk, TestClock } from '../../http/auth/testing/auth-fixtures';
import { startWithStaff, type Inject } from '../../testing/signed-in-client';
import { adt, evn, pid, pv1 } from '../adt/testing/adt-messages';

/**
 * ADT events through the composed server's HL7 inbox, and what they do to follow-up plans
 * (issue #6 points 3–4; standards brief §3 trigger rules 1–3, 5, 6).
 */
describe('discharges become follow-up plans', () => {
  let desk: Desk;
  let clock: TestClock;
  let staff: { inject: Inject; accountId: string };
  let n = 0;
  const send = async (trigger: string, ...segments: string[]) => {
    const receipt = await desk.hl7.inbox.receive(
      adt(trigger, `FU-${++n}`, ...segments),
      '127.0.0.1',
    );
    expect(receipt.ackCode, receipt.ack.toString()).toBe('AA');
  };
  const admit = (mrn: string, visit: string, cls = 'I') =>
    send('A01', evn('A01', '202603020800'), pid(mrn), pv1({ cls, visit, admit: '202603020800' }));
  const discharge = (mrn: string, visit: string, disposition = '01', cls = 'I') =>
    send(
      'A03',
      evn('A03', '202603061500'),
      pid(mrn),
      pv1({ cls, visit, admit: '202603020800', discharge: '202603061500', disposition }),
    );
  const plansOf = async (mrn: string) => {
    const { db } = desk.database;
    const holder = await db
      .selectFrom('patient_identifiers')
      .select('patient_id')
      .where('value', '=', mrn)
      .executeTakeFirstOrThrow();
    return db
      .selectFrom('follow_up_plans')
      .selectAll()
      .where('patient_id', '=', holder.patient_id)
      .orderBy('started_at')
      .orderBy('id')
      .execute();
  };

  beforeAll(async () => {
    ({ desk, clock, staff } = await startWithStaff(['agent', 'supervisor']));
  });
  afterAll(() => desk.dispose());

  it('an A03 starts the discharge program: a case, tasks due on business days', async () => {
    await admit('FU-1', 'V-1');
    await discharge('FU-1', 'V-1');
    const [plan, ...more] = await plansOf('FU-1');
    expect(more).toEqual([]);
    expect(plan).toMatchObject({
      program_code: 'discharge-follow-up',
      status: 'active',
      priority: 'routine',
    });
    const calendar = await desk.services.sla.calendarFor(desk.organizationId, null);
    // PV1-45 20260306 15:00 at +0100 (the message's MSH-7 zone is not used: no offset sent
    // means the organization's zone) — the due date counts from the discharge, not receipt.
    const dueFrom = new Date(plan!.started_at);
    expect(plan!.contact_due_at).toBe(closeOfBusinessDaysAfter(calendar, dueFrom, 2).toISOString());
    const kase = await staff.inject({ method: 'GET', url: `/api/cases/${plan!.case_id}` });
    expect(kase.json().case).toMatchObject({
      category: 'discharge-follow-up',
      channel: 'hl7',
      language: 'lv',
    });
    const view = await staff.inject({
      method: 'GET',
      url: `/api/cases/${plan!.case_id}/follow-up`,
    });
    expect(view.statusCode).toBe(200);
    expect(view.json().tasks.map((t: { stepKey: string }) => t.stepKey)).toEqual(
      expect.arrayContaining(['first-call', 'medication-review', 'home-health', 'claim-check']),
    );
  });

  it('a repeated A03 starts nothing twice; A13 cancels; a later A03 starts it again, once', async () => {
    await admit('FU-2', 'V-2');
    await discharge('FU-2', 'V-2');
    await discharge('FU-2', 'V-2'); // same PV1-19 and PV1-45 under a new control id
    expect((await plansOf('FU-2')).map((p) => p.status)).toEqual(['active']);
    await send(
      'A13',
      evn('A13', '202603061600'),
      pid('FU-2'),
      pv1({ visit: 'V-2', admit: '202603020800' }),
    );
    const [cancelled] = await plansOf('FU-2');
    expect(cancelled).toMatchObject({ status: 'cancelled', status_reason: 'discharge-cancelled' });
    const openTasks = await desk.database.db
      .selectFrom('follow_up_tasks')
      .select('id')
      .where('plan_id', '=', cancelled!.id)
      .where('is_open', '=', 1)
      .execute();
    expect(openTasks).toEqual([]);
    const kase = await staff.inject({ method: 'GET', url: `/api/cases/${cancelled!.case_id}` });
    expect(kase.json().case.status).toBe('resolved');
    await discharge('FU-2', 'V-2');
    await discharge('FU-2', 'V-2');
    expect((await plansOf('FU-2')).map((p) => p.status)).toEqual(['cancelled', 'active']);
  });

  it('no outreach after a death; transfers suppressed; against medical advice comes first', async () => {
    await admit('FU-3', 'V-3');
    await discharge('FU-3', 'V-3', '20');
    expect(await plansOf('FU-3')).toEqual([]);
    await admit('FU-4', 'V-4');
    await discharge('FU-4', 'V-4', '02');
    expect(await plansOf('FU-4')).toEqual([]);
    await admit('FU-5', 'V-5');
    await discharge('FU-5', 'V-5', '07');
    const [ama] = await plansOf('FU-5');
    expect(ama?.priority).toBe('urgent');
    // Deceased later (A08 with PID-30 = Y): the active plan ends, no more calls.
    await send('A08', evn('A08'), pid('FU-5', { deceased: true }));
    expect((await plansOf('FU-5'))[0]).toMatchObject({
      status: 'cancelled',
      status_reason: 'patient-deceased',
    });
  });

  it('an outpatient visit starts the post-visit program, not the discharge one', async () => {
    await admit('FU-6', 'V-6', 'O');
    await discharge('FU-6', 'V-6', '01', 'O');
    expect((await plansOf('FU-6')).map((p) => p.program_code)).toEqual(['post-visit-follow-up']);
  });

  it('an A40 merge moves the active plan to the surviving patient', async () => {
    await admit('FU-7', 'V-7');
    await discharge('FU-7', 'V-7');
    const [plan] = await plansOf('FU-7');
    await send('A40', evn('A40'), pid('FU-8'), 'MRG|FU-7^^^WARD&1.2.3.4&ISO^MR');
    expect((await plansOf('FU-8')).map((p) => p.id)).toEqual([plan!.id]);
    clock.advance(0);
  });
});
