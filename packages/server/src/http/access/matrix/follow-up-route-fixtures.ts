import { BUILT_IN_PROGRAMS } from '@caredesk/core';
import { seedBuiltInPrograms } from '../../../storage/care-transitions/follow-up-store';
import { timeOrderedId } from '../../../storage/time-ordered-id';
import { freshCase } from './desk-route-fixtures';
import { fresh, P, type Fixture } from './fixture-support';
import type { MatrixWorld, TargetName } from './matrix-world';

const AT = '2026-01-01T00:00:00.000Z';
const discharge = BUILT_IN_PROGRAMS.find((p) => p.code === 'discharge-follow-up')!;

/** A discharge plan on a fresh case of the target, with a call, a referral and a claim task. */
async function freshPlan(w: MatrixWorld, t: TargetName) {
  const { db } = w.desk.database;
  const caseId = await freshCase(w, t);
  const { organization_id: org } = await db
    .selectFrom('cases')
    .select('organization_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  await seedBuiltInPrograms(db, org, AT);
  const planId = timeOrderedId();
  await db
    .insertInto('follow_up_plans')
    .values({
      id: planId,
      organization_id: org,
      patient_id: P(w, t),
      program_code: 'discharge-follow-up',
      program_version: 1,
      // A visit of its own: one active plan per visit and program.
      encounter_id: timeOrderedId(),
      case_id: caseId,
      origin: '{}',
      status: 'active',
      status_reason: null,
      priority: 'routine',
      started_at: AT,
      contact_due_at: null,
      first_contact_at: null,
      ended_at: null,
      version: 1,
    })
    .execute();
  const ids: Record<string, string> = {};
  for (const [stepKey, kind] of [
    ['first-call', 'call'],
    ['home-health', 'home-health'],
    ['claim-check', 'claim-check'],
  ] as const) {
    ids[stepKey] = timeOrderedId();
    await db
      .insertInto('follow_up_tasks')
      .values({
        id: ids[stepKey],
        plan_id: planId,
        organization_id: org,
        step_key: stepKey,
        occurrence: 1,
        kind,
        required: 1,
        status: 'ready',
        status_reason: null,
        is_open: 1,
        due_at: AT,
        assignee_id: null,
        unanswered_attempts: 0,
        escalated_at: null,
        referral: null,
        completed_at: null,
        updated_at: AT,
        version: 1,
      })
      .execute();
  }
  const task = (key: string) => `/api/cases/${caseId}/follow-up/tasks/${ids[key]}`;
  return { caseId, task };
}

/** A program of its own for a retire call (the built-ins stay for the other cells). */
async function freshProgram(w: MatrixWorld): Promise<string> {
  const code = `mx-${fresh()}`;
  await w.desk.database.db
    .insertInto('follow_up_programs')
    .values({
      organization_id: w.desk.organizationId,
      code,
      version: 1,
      definition: JSON.stringify({ ...discharge, code }),
      active: 1,
      created_at: AT,
      created_by: null,
    })
    .execute();
  return code;
}

/** Follow-up programs and plans (issue #6 points 4–5). */
export const FOLLOW_UP_FIXTURES: Record<string, Fixture> = {
  'GET /api/follow-up/worklist': async () => ({
    url: '/api/follow-up/worklist?scope=all&due=week',
  }),
  'GET /api/follow-up/worklist/stamp': async () => ({ url: '/api/follow-up/worklist/stamp' }),
  'GET /api/cases/:caseId/follow-up': async (w, t) => ({
    url: `/api/cases/${(await freshPlan(w, t)).caseId}/follow-up`,
  }),
  'POST /api/cases/:caseId/follow-up/tasks/:taskId/calls': async (w, t) => ({
    url: `${(await freshPlan(w, t)).task('first-call')}/calls`,
    payload: { outcome: 'no-answer', version: 1 },
  }),
  'POST /api/cases/:caseId/follow-up/tasks/:taskId/complete': async (w, t) => ({
    url: `${(await freshPlan(w, t)).task('claim-check')}/complete`,
    payload: { version: 1 },
  }),
  'POST /api/cases/:caseId/follow-up/tasks/:taskId/cancel': async (w, t) => ({
    url: `${(await freshPlan(w, t)).task('claim-check')}/cancel`,
    payload: { reason: 'not-needed', version: 1 },
  }),
  'POST /api/cases/:caseId/follow-up/tasks/:taskId/referral': async (w, t) => ({
    url: `${(await freshPlan(w, t)).task('home-health')}/referral`,
    payload: { state: 'sent', provider: 'Matrix Home Care', version: 1 },
  }),
  'GET /api/patients/:id/follow-up-plans': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/follow-up-plans`,
  }),
  // A second allowed caller gets 409 (already enrolled): allowed, and nothing twice.
  'POST /api/patients/:id/follow-up-plans': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/follow-up-plans`,
    payload: { programCode: 'medication-adherence' },
  }),
  'GET /api/follow-up/programs': async () => ({ url: '/api/follow-up/programs' }),
  'GET /api/follow-up/programs/:code': async () => ({
    url: '/api/follow-up/programs/discharge-follow-up',
  }),
  // A stale expected version: an allowed caller gets 409 and nothing is published.
  'PUT /api/follow-up/programs/:code': async () => ({
    url: '/api/follow-up/programs/discharge-follow-up',
    payload: { program: discharge, expectedVersion: 999 },
  }),
  'POST /api/follow-up/programs/preview': async () => ({
    url: '/api/follow-up/programs/preview',
    payload: { program: discharge },
  }),
  'GET /api/follow-up/metrics': async () => ({
    url: '/api/follow-up/metrics?from=2026-01-01&to=2026-01-31',
  }),
  'POST /api/follow-up/programs/:code/retire': async (w) => ({
    url: `/api/follow-up/programs/${await freshProgram(w)}/retire`,
  }),
};
