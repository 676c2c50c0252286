import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adt, evn, pid, pv1 } from '../../care-transitions/adt/testing/adt-messages';
import type { Desk } from '../auth/testing/auth-fixtures';
import { startWithStaff, type Inject } from '../../testing/signed-in-client';

/**
 * Bad input to the follow-up API gets a 400 problem and changes nothing (security brief:
 * bad input gets a clear error and loses nothing).
 */
describe('follow-up routes refuse bad input', () => {
  let desk: Desk;
  let staff: Inject;
  let caseId: string;
  let taskId: string;
  const contacts = () => desk.database.db.selectFrom('follow_up_contacts').select('id').execute();

  beforeAll(async () => {
    const started = await startWithStaff(['agent', 'supervisor']);
    desk = started.desk;
    staff = started.staff.inject;
    const visit = { visit: 'V-BAD', admit: '202603020800' };
    await desk.hl7.inbox.receive(adt('A01', 'BAD-1', evn('A01'), pid('BAD-1'), pv1(visit)), null);
    await desk.hl7.inbox.receive(
      adt('A03', 'BAD-2', evn('A03'), pid('BAD-1'), pv1({ ...visit, discharge: '202603021500' })),
      null,
    );
    const plan = await desk.database.db
      .selectFrom('follow_up_plans')
      .select('case_id')
      .executeTakeFirstOrThrow();
    caseId = plan.case_id!;
    const task = await desk.database.db
      .selectFrom('follow_up_tasks')
      .select('id')
      .where('step_key', '=', 'first-call')
      .executeTakeFirstOrThrow();
    taskId = task.id;
  });
  afterAll(() => desk.dispose());

  it.each<[string, string, string, unknown]>([
    ['an unknown outcome', 'POST', 'calls', { outcome: 'maybe', version: 1 }],
    ['no version', 'POST', 'calls', { outcome: 'reached' }],
    ['a field the API does not have', 'POST', 'calls', { outcome: 'reached', version: 1, x: 1 }],
    [
      'a note over 2,000 characters',
      'POST',
      'calls',
      { outcome: 'reached', version: 1, note: 'x'.repeat(2001) },
    ],
    ['a negative version', 'POST', 'complete', { version: -1 }],
    ['an article id that is not one', 'POST', 'complete', { version: 1, articleId: "1' OR 1=1" }],
    ['an unknown reason', 'POST', 'cancel', { reason: 'bored', version: 1 }],
    ['an empty provider', 'POST', 'referral', { state: 'sent', provider: '  ', version: 1 }],
    ['an array for a body', 'POST', 'calls', [1, 2]],
  ])('%s', async (_name, method, action, payload) => {
    const res = await staff({
      method: method,
      url: `/api/cases/${caseId}/follow-up/tasks/${taskId}/${action}`,
      payload: payload as object,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await contacts()).toEqual([]);
  });

  it.each([
    '/api/follow-up/worklist?scope=team',
    '/api/follow-up/worklist?cursor=%27%3B%20DROP',
    '/api/follow-up/worklist?limit=100000',
    `/api/cases/not-a-case/follow-up`,
    '/api/follow-up/metrics?from=2026-02-30&to=2026-03-01',
  ])('GET %s', async (url) => {
    const res = await staff({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('a program of the wrong shape is refused and nothing is published', async () => {
    const res = await staff({
      method: 'PUT',
      url: '/api/follow-up/programs/discharge-follow-up',
      payload: {
        program: { code: 'discharge-follow-up', steps: 'all of them' },
        expectedVersion: 1,
      },
    });
    expect(res.statusCode).toBe(400);
    const versions = await desk.database.db
      .selectFrom('follow_up_programs')
      .select('version')
      .where('code', '=', 'discharge-follow-up')
      .execute();
    expect(versions).toEqual([{ version: 1 }]);
  });
});
