import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adt, evn, pid, pv1 } from '../../care-transitions/adt/testing/adt-messages';
import type { Desk, TestClock } from '../auth/testing/auth-fixtures';
import { signedInStaff, startWithStaff, type Inject } from '../../testing/signed-in-client';

const HOUR = 3_600_000;

/**
 * GET /api/follow-up/metrics on a real server (issue #6 point 6): discharges sent as ADT,
 * calls recorded through the API, readmissions as later A01s; the numbers as defined in
 * core follow-up-metrics.
 */
describe('follow-up metrics', () => {
  let desk: Desk;
  let clock: TestClock;
  let n = 0;
  const send = async (trigger: string, ...segments: string[]) => {
    const receipt = await desk.hl7.inbox.receive(
      adt(trigger, `FM-${++n}`, ...segments),
      '127.0.0.1',
    );
    expect(receipt.ackCode, receipt.ack.toString()).toBe('AA');
  };
  const admit = (mrn: string, visit: string, at: string, cls = 'I') =>
    send('A01', evn('A01', at), pid(mrn), pv1({ cls, visit, admit: at }));
  const stay = async (mrn: string, visit: string, dischargedAt: string, cls = 'I') => {
    const admitted = `${dischargedAt.slice(0, 6)}01${dischargedAt.slice(8)}`;
    await admit(mrn, visit, admitted, cls);
    await send(
      'A03',
      evn('A03', dischargedAt),
      pid(mrn),
      pv1({ cls, visit, admit: admitted, discharge: dischargedAt, disposition: '01' }),
    );
  };
  const planOf = async (mrn: string) => {
    const { db } = desk.database;
    const { patient_id } = await db
      .selectFrom('patient_identifiers')
      .select('patient_id')
      .where('value', '=', mrn)
      .executeTakeFirstOrThrow();
    return db
      .selectFrom('follow_up_plans')
      .selectAll()
      .where('patient_id', '=', patient_id)
      .executeTakeFirstOrThrow();
  };
  /** Records a call on the plan's first call step at the clock's time, as a fresh agent. */
  const call = async (mrn: string, outcome: string) => {
    const plan = await planOf(mrn);
    const agent = await signedInStaff(desk, clock, ['agent', 'supervisor']);
    const view = await agent.inject({ method: 'GET', url: `/api/cases/${plan.case_id}/follow-up` });
    const task = (view.json().tasks as { id: string; stepKey: string; version: number }[]).find(
      (t) => t.stepKey === 'first-call',
    )!;
    const res = await agent.inject({
      method: 'POST',
      url: `/api/cases/${plan.case_id}/follow-up/tasks/${task.id}/calls`,
      payload: { outcome, version: task.version },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  let supervisor: Inject;
  const teamId = 'a0a0a0a0-0000-4000-8000-000000000001';
  const metrics = (query: string) =>
    supervisor({ method: 'GET', url: `/api/follow-up/metrics?${query}` });

  beforeAll(async () => {
    ({ desk, clock } = await startWithStaff(['agent']));
    // The clock starts on Monday 2026-03-02 09:00Z; discharges that day and the next two.
    await stay('FM-1', 'V-1', '202603021000');
    await stay('FM-2', 'V-2', '202603031000');
    await stay('FM-3', 'V-3', '202603041000');
    await stay('FM-4', 'V-4', '202603021100');
    await send('A13', evn('A13'), pid('FM-4'), pv1({ visit: 'V-4', admit: '202603011100' }));
    await stay('FM-5', 'V-5', '202603051000', 'O'); // outpatient: the post-visit program
    // FM-1 reached exactly at the due instant (in time); FM-2 an hour late; FM-3 never.
    clock.t = Date.parse((await planOf('FM-1')).contact_due_at!);
    await call('FM-1', 'reached');
    clock.t = Date.parse((await planOf('FM-2')).contact_due_at!) + HOUR;
    await call('FM-2', 'declined');
    // FM-1 back within 30 days; FM-2 back after 34; FM-3 seen in outpatients only.
    await admit('FM-1', 'V-1b', '202603201000');
    await admit('FM-2', 'V-2b', '202604061000');
    await admit('FM-3', 'V-3b', '202603101000', 'O');
    // FM-1's case is with a team (as routing would put it); the others have none.
    await desk.database.db
      .insertInto('teams')
      .values({
        id: teamId,
        organization_id: desk.organizationId,
        name: 'Transitions team',
        created_at: '2026-03-01T00:00:00.000Z',
        updated_at: '2026-03-01T00:00:00.000Z',
      })
      .execute();
    await desk.database.db
      .updateTable('cases')
      .set({ team_id: teamId })
      .where('id', '=', (await planOf('FM-1')).case_id!)
      .execute();
    clock.t = Date.parse('2026-04-20T09:00:00Z'); // every stay's 30 days are over
    ({ inject: supervisor } = await signedInStaff(desk, clock, ['supervisor']));
  });
  afterAll(() => desk.dispose());

  it('counts discharges, contact in time, completion, hours to contact and readmissions', async () => {
    const res = await metrics('from=2026-03-01&to=2026-03-31');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const [p1, p2] = [await planOf('FM-1'), await planOf('FM-2')];
    const hours = (p: typeof p1) =>
      Math.round(((Date.parse(p.first_contact_at!) - Date.parse(p.started_at)) / HOUR) * 10) / 10;
    const discharge = body.byProgram.find((r: { key: string }) => r.key === 'discharge-follow-up');
    expect(discharge).toMatchObject({
      discharges: 3,
      cancelled: 1,
      contact: { due: 3, within: 1, share: 1 / 3 },
      completion: { completed: 0, share: 0 },
      timeToFirstContact: {
        contacted: 2,
        medianHours: (hours(p1) + hours(p2)) / 2,
        p90Hours: hours(p2),
      },
      readmission: { indexStays: 3, readmitted: 1, rate: 1 / 3 },
    });
    expect(discharge.name.en).toBeTruthy();
    const postVisit = body.byProgram.find((r: { key: string }) => r.key === 'post-visit-follow-up');
    expect(postVisit).toMatchObject({ discharges: 1, readmission: { indexStays: 0 } });
    expect(body.totals).toMatchObject({
      discharges: 4,
      cancelled: 1,
      readmission: { indexStays: 3, readmitted: 1 },
    });
    expect(body.byTeam).toMatchObject([
      { key: null, name: null, discharges: 3, cancelled: 1 },
      { key: teamId, name: 'Transitions team', discharges: 1, contact: { within: 1 } },
    ]);
    expect(body).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      asOf: '2026-04-20T09:00:00.000Z',
    });
  });

  it('filters by program and team, and counts a day by the discharge time', async () => {
    const only = (
      await metrics('from=2026-03-01&to=2026-03-31&programCode=post-visit-follow-up')
    ).json();
    expect(only.totals.discharges).toBe(1);
    expect(only.byProgram.map((r: { key: string }) => r.key)).toEqual(['post-visit-follow-up']);
    const oneDay = (await metrics('from=2026-03-03&to=2026-03-03')).json();
    expect(oneDay.totals).toMatchObject({ discharges: 1, contact: { within: 0, due: 1 } });
    const byTeam = (await metrics(`from=2026-03-01&to=2026-03-31&teamId=${teamId}`)).json();
    expect(byTeam.totals.discharges).toBe(1);
    expect(byTeam.byTeam.map((r: { key: string }) => r.key)).toEqual([teamId]);
    const none = (await metrics('from=2026-03-01&to=2026-03-31&teamId=no-such-team')).json();
    expect(none.totals).toMatchObject({ discharges: 0, contact: { share: null } });
  });

  it('bad, reversed or too long periods are a 400 problem', async () => {
    for (const q of [
      'from=2026-02-30&to=2026-03-01',
      'from=2026-03-31&to=2026-03-01',
      'from=2025-01-01&to=2026-03-01',
      'from=2026-03-01',
      'from=1%20March&to=2026-03-31',
    ]) {
      const res = await metrics(q);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await metrics('from=2025-03-02&to=2026-03-02')).statusCode).toBe(200); // 366 days
  });

  it('agents without case.supervise are refused', async () => {
    const agent = await signedInStaff(desk, clock, ['agent']);
    const res = await agent.inject({
      method: 'GET',
      url: '/api/follow-up/metrics?from=2026-03-01&to=2026-03-31',
    });
    expect(res.statusCode).toBe(403);
  });
});
