import { BUILT_IN_PROGRAMS, type FollowUpProgram } from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk, TestClock } from '../../http/auth/testing/auth-fixtures';
import { signedInStaff, startWithStaff, type Inject } from '../../testing/signed-in-client';
import { adt, evn, pid, pv1 } from '../adt/testing/adt-messages';

const discharge = BUILT_IN_PROGRAMS.find((p) => p.code === 'discharge-follow-up')!;

/** Programs as versioned data an administrator edits (issue #6 point 4). */
describe('follow-up programs', () => {
  let desk: Desk;
  let admin: Inject;
  let agent: Inject;
  let clock: TestClock;
  let n = 0;
  const a03 = async (mrn: string) => {
    for (const [trigger, segments] of [
      ['A01', [evn('A01'), pid(mrn), pv1({ visit: `V-${mrn}`, admit: '202603020800' })]],
      [
        'A03',
        [
          evn('A03'),
          pid(mrn),
          pv1({ visit: `V-${mrn}`, admit: '202603020800', discharge: '202603021500' }),
        ],
      ],
    ] as const) {
      const r = await desk.hl7.inbox.receive(adt(trigger, `PR-${++n}`, ...segments), '127.0.0.1');
      expect(r.ackCode).toBe('AA');
    }
    return desk.database.db
      .selectFrom('follow_up_plans')
      .innerJoin(
        'patient_identifiers',
        'patient_identifiers.patient_id',
        'follow_up_plans.patient_id',
      )
      .select(['follow_up_plans.id', 'program_version', 'case_id'])
      .where('patient_identifiers.value', '=', mrn)
      .executeTakeFirstOrThrow();
  };
  const publish = (program: FollowUpProgram, expectedVersion: number | null) =>
    admin({
      method: 'PUT',
      url: `/api/follow-up/programs/${program.code}`,
      payload: { program, expectedVersion },
    });

  beforeAll(async () => {
    const started = await startWithStaff(['admin']);
    desk = started.desk;
    clock = started.clock;
    admin = started.staff.inject;
    agent = (await signedInStaff(desk, started.clock, ['agent'])).inject;
  });
  afterAll(() => desk.dispose());

  it('every organization starts with the four built-in programs as version 1', async () => {
    const res = await agent({ method: 'GET', url: '/api/follow-up/programs' });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((p: { code: string; activeVersion: number }) => [p.code, p.activeVersion]),
    ).toEqual([
      ['diabetes-care', 1],
      ['discharge-follow-up', 1],
      ['medication-adherence', 1],
      ['post-visit-follow-up', 1],
    ]);
  });

  it('a published version reaches new plans only; plans keep the version they started under', async () => {
    const before = await a03('PR-1');
    expect(before.program_version).toBe(1);
    const faster = {
      ...discharge,
      steps: discharge.steps.map((s) =>
        s.key === 'first-call' ? { ...s, dueBusinessDays: 1 } : s,
      ),
    };
    const res = await publish(faster, 1);
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(2);
    const after = await a03('PR-2');
    expect(after.program_version).toBe(2);
    const old = await agent({ method: 'GET', url: `/api/cases/${before.case_id}/follow-up` });
    expect(old.json().programVersion).toBe(1);
    // The new plan is scheduled by version 2's definition, not one kept from version 1.
    const firstCallDue = async (planId: string) =>
      (
        await desk.database.db
          .selectFrom('follow_up_tasks')
          .select('due_at')
          .where('plan_id', '=', planId)
          .where('step_key', '=', 'first-call')
          .executeTakeFirstOrThrow()
      ).due_at;
    expect(Date.parse(await firstCallDue(after.id))).toBeLessThan(
      Date.parse(await firstCallDue(before.id)),
    );
    const v1 = await agent({
      method: 'GET',
      url: '/api/follow-up/programs/discharge-follow-up?version=1',
    });
    expect(v1.json().definition.steps[0].dueBusinessDays).toBe(2);
  });

  it('refuses a stale edit, an invalid program and an agent', async () => {
    expect((await publish(discharge, 1)).statusCode).toBe(409);
    const broken = { ...discharge, name: { ...discharge.name, nb: '' }, caseCategory: 'no-such' };
    const res = await publish(broken, 2);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'name/nb',
      'caseCategory',
    ]);
    const denied = await agent({
      method: 'PUT',
      url: '/api/follow-up/programs/discharge-follow-up',
      payload: { program: discharge, expectedVersion: 2 },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('previews the schedule a program would give, on the organization calendar', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/follow-up/programs/preview',
      payload: { program: discharge, startAt: '2026-03-06T14:00:00Z' },
    });
    expect(res.statusCode).toBe(200);
    const tasks = res.json().tasks as Array<{ stepKey: string; dueAt: string }>;
    expect(tasks).toHaveLength(discharge.steps.length);
    expect(tasks.every((t) => t.dueAt > '2026-03-06T14:00:00Z')).toBe(true);
  });

  it('enrols a patient in diabetes care once, with every periodic occurrence scheduled', async () => {
    const patient = await agent({
      method: 'POST',
      url: '/api/patients',
      payload: { names: [{ given: ['Ilze'], family: 'Kalna' }], birthDate: '1961-02-03' },
    });
    const id = patient.json().id;
    const enrol = () =>
      agent({
        method: 'POST',
        url: `/api/patients/${id}/follow-up-plans`,
        payload: { programCode: 'diabetes-care' },
      });
    const first = await enrol();
    expect(first.statusCode).toBe(201);
    expect(
      first.json().tasks.filter((t: { stepKey: string }) => t.stepKey === 'check-in'),
    ).toHaveLength(4);
    expect((await enrol()).statusCode).toBe(409);
  });

  it('an education step sends a knowledge-base article in the patient’s language', async () => {
    const supervisor = (await signedInStaff(desk, clock, ['supervisor'])).inject;
    const created = await supervisor({
      method: 'POST',
      url: '/api/kb/articles',
      payload: {
        category: 'devices',
        audience: 'patient',
        translations: [
          { language: 'en', title: 'Checking your blood sugar', body: 'Wash your hands first.' },
          { language: 'es', title: 'Cómo medir la glucosa', body: 'Lávese las manos primero.' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const article = created.json();
    expect(
      (
        await supervisor({
          method: 'POST',
          url: `/api/kb/articles/${article.id}/publish`,
          payload: { version: article.version },
        })
      ).statusCode,
    ).toBe(200);
    const patient = await agent({
      method: 'POST',
      url: '/api/patients',
      payload: {
        names: [{ given: ['Rosa'], family: 'Vega' }],
        birthDate: '1958-07-01',
        preferredLanguage: 'es',
      },
    });
    const plan = (
      await agent({
        method: 'POST',
        url: `/api/patients/${patient.json().id}/follow-up-plans`,
        payload: { programCode: 'diabetes-care' },
      })
    ).json();
    const education = plan.tasks.find((t: { kind: string }) => t.kind === 'education');
    const url = `/api/cases/${plan.caseId}/follow-up/tasks/${education.id}/complete`;
    const unchosen = await agent({ method: 'POST', url, payload: { version: education.version } });
    expect(unchosen.statusCode).toBe(400);
    const sent = await agent({
      method: 'POST',
      url,
      payload: { version: education.version, articleId: article.id },
    });
    expect(sent.statusCode).toBe(200);
    const detail = (await agent({ method: 'GET', url: `/api/cases/${plan.caseId}` })).json();
    const toPatient = detail.messages.filter(
      (m: { visibility: string }) => m.visibility === 'public',
    );
    expect(toPatient.map((m: { body: string }) => m.body)).toEqual([
      expect.stringMatching(
        new RegExp(`^Cómo medir la glucosa\\n.*/portal/help-articles/${article.id}$`),
      ),
    ]);
  });

  it('a retired program starts no plans', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/follow-up/programs/discharge-follow-up/retire',
    });
    expect(res.statusCode).toBe(204);
    const r = await desk.hl7.inbox.receive(
      adt(
        'A01',
        `PR-${++n}`,
        evn('A01'),
        pid('PR-3'),
        pv1({ visit: 'V-PR-3', admit: '202603020800' }),
      ),
      '127.0.0.1',
    );
    expect(r.ackCode).toBe('AA');
    const d = await desk.hl7.inbox.receive(
      adt(
        'A03',
        `PR-${++n}`,
        evn('A03'),
        pid('PR-3'),
        pv1({ visit: 'V-PR-3', admit: '202603020800', discharge: '202603021500' }),
      ),
      '127.0.0.1',
    );
    expect(d.ackCode).toBe('AA');
    const plans = await desk.database.db.selectFrom('follow_up_plans').select('id').execute();
    expect(plans).toHaveLength(4); // PR-1, PR-2 and two enrolments; none for PR-3
  });
});
