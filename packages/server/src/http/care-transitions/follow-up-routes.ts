import { DomainError } from '@caredesk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FollowUpPlans } from '../../care-transitions/follow-up/follow-up-plans';
import type { FollowUpPrograms } from '../../care-transitions/follow-up/follow-up-programs';
import {
  patientPlanJson,
  planJson,
  worklist,
} from '../../care-transitions/follow-up/follow-up-views';
import type { FollowUpWork } from '../../care-transitions/follow-up/follow-up-work';
import { isPatientSide } from '../../service-desk/cases/case-views';
import type { Database } from '../../storage/database';
import { organizationOf } from '../access/organization';
import { onCase, onPatient, withEitherPermission, withPermission } from '../access/route-policy';
import { caseIdParams } from '../cases/case-schemas';
import { idParams } from '../patients/patient-schemas';
import {
  callBody,
  cancelBody,
  completeBody,
  enrolBody,
  previewBody,
  programParams,
  programQuery,
  publishBody,
  referralBody,
  taskParams,
  worklistQuery,
} from './follow-up-schemas';

export interface FollowUpRouteDeps {
  database: Database;
  programs: FollowUpPrograms;
  plans: FollowUpPlans;
  work: FollowUpWork;
}

const HOUR = 3_600_000;
const DUE_WITHIN: Record<'overdue' | 'day' | 'week', number> = {
  overdue: 0,
  day: 24 * HOUR,
  week: 168 * HOUR,
};

/**
 * Follow-up programs and plans (issue #6 points 4–5). Staff work tasks through the plan's
 * case (policy `case`: the patient's consents, care team and break-the-glass decide, as on
 * the record); administrators and supervisors edit programs (desk.configure); patients
 * read their own plans, without staff scripts or call notes.
 */
export const followUpRoutes =
  (deps: FollowUpRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.get(
      '/follow-up/worklist',
      {
        schema: { querystring: worklistQuery, tags: ['follow-up'] },
        config: withPermission('case.work', 'search', 'Task'),
      },
      async (req) => {
        const q = req.query;
        const now = Date.parse(req.access.now);
        const page = await worklist(
          deps.database.db,
          {
            organizationId: organizationOf(req),
            ...(q.scope === 'mine' && req.access.principal?.kind === 'staff'
              ? { assigneeId: req.access.principal.accountId }
              : {}),
            ...(q.due !== 'all'
              ? { dueBefore: new Date(now + DUE_WITHIN[q.due]).toISOString() }
              : {}),
            ...(q.kind ? { kind: q.kind } : {}),
          },
          q.limit,
          q.cursor,
          req.access,
        );
        req.audit.detail = JSON.stringify({
          scope: q.scope,
          due: q.due,
          results: page.items.length,
        });
        return page;
      },
    );

    // Whether the worklist changed, for a page left open: no patient data, so not audited,
    // and cheap enough to ask twice a second (an index on updated_at answers it).
    app.get(
      '/follow-up/worklist/stamp',
      { schema: { tags: ['follow-up'] }, config: withPermission('case.work') },
      async (req) => {
        const row = await deps.database.db
          .selectFrom('follow_up_tasks')
          .select((eb) => eb.fn.max('updated_at').as('latest'))
          .where('organization_id', '=', organizationOf(req))
          .executeTakeFirst();
        // A new task is written with updated_at = now, so the newest change covers inserts too.
        return { stamp: row?.latest ?? '' };
      },
    );

    app.get(
      '/cases/:caseId/follow-up',
      {
        schema: { params: caseIdParams, tags: ['follow-up'] },
        config: onCase('case.read', 'read', 'CarePlan'),
      },
      async (req) => {
        const plan = await deps.work.plan(organizationOf(req), req.params.caseId);
        return isPatientSide(req.access) ? patientPlanJson(plan) : plan;
      },
    );

    app.post(
      '/cases/:caseId/follow-up/tasks/:taskId/calls',
      {
        schema: { params: taskParams, body: callBody, tags: ['follow-up'] },
        config: onCase('case.work', 'create', 'Communication'),
      },
      async (req, reply) => {
        const { caseId, taskId } = req.params;
        const plan = await deps.work.recordCall(
          organizationOf(req),
          caseId,
          taskId,
          req.body,
          req.audit,
        );
        return reply.code(201).send(plan);
      },
    );

    app.post(
      '/cases/:caseId/follow-up/tasks/:taskId/complete',
      {
        schema: { params: taskParams, body: completeBody, tags: ['follow-up'] },
        config: onCase('case.work', 'update', 'Task'),
      },
      async (req) =>
        deps.work.complete(
          organizationOf(req),
          req.params.caseId,
          req.params.taskId,
          req.body,
          req.audit,
        ),
    );

    app.post(
      '/cases/:caseId/follow-up/tasks/:taskId/cancel',
      {
        schema: { params: taskParams, body: cancelBody, tags: ['follow-up'] },
        config: onCase('case.work', 'update', 'Task'),
      },
      async (req) =>
        deps.work.cancel(
          organizationOf(req),
          req.params.caseId,
          req.params.taskId,
          req.body,
          req.audit,
        ),
    );

    app.post(
      '/cases/:caseId/follow-up/tasks/:taskId/referral',
      {
        schema: { params: taskParams, body: referralBody, tags: ['follow-up'] },
        config: onCase('case.work', 'update', 'Task'),
      },
      async (req) =>
        deps.work.referral(
          organizationOf(req),
          req.params.caseId,
          req.params.taskId,
          req.body,
          req.audit,
        ),
    );

    app.get(
      '/patients/:id/follow-up-plans',
      {
        schema: { params: idParams, tags: ['follow-up'] },
        config: onPatient('case.read', 'messages', 'search', 'CarePlan'),
      },
      async (req) => {
        const { db } = deps.database;
        const rows = await db
          .selectFrom('follow_up_plans')
          .selectAll()
          .where('organization_id', '=', organizationOf(req))
          .where('patient_id', '=', req.params.id)
          .orderBy('started_at', 'desc')
          .limit(50)
          .execute();
        const plans = await Promise.all(rows.map((r) => planJson(db, r)));
        req.audit.detail = JSON.stringify({ results: plans.length });
        return { items: isPatientSide(req.access) ? plans.map(patientPlanJson) : plans };
      },
    );

    app.post(
      '/patients/:id/follow-up-plans',
      {
        schema: { params: idParams, body: enrolBody, tags: ['follow-up'] },
        config: onPatient('case.work', 'care-plans', 'create', 'CarePlan'),
      },
      async (req, reply) => {
        const plan = await deps.plans.enrol(
          organizationOf(req),
          req.params.id,
          req.body.programCode,
          req.audit,
        );
        return reply.code(201).send(await planJson(deps.database.db, plan));
      },
    );

    app.get(
      '/follow-up/programs',
      {
        schema: { tags: ['follow-up'] },
        config: withEitherPermission('case.work', 'desk.configure'),
      },
      async (req) => ({ items: await deps.programs.list(organizationOf(req)) }),
    );

    app.get(
      '/follow-up/programs/:code',
      {
        schema: { params: programParams, querystring: programQuery, tags: ['follow-up'] },
        config: withEitherPermission('case.work', 'desk.configure'),
      },
      async (req) => deps.programs.get(organizationOf(req), req.params.code, req.query.version),
    );

    app.put(
      '/follow-up/programs/:code',
      {
        schema: { params: programParams, body: publishBody, tags: ['follow-up'] },
        config: withPermission('desk.configure', 'update', 'PlanDefinition'),
      },
      async (req, reply) => {
        const { program, expectedVersion } = req.body;
        if (program.code !== req.params.code)
          throw new DomainError('validation', 'problem.validation', 'Codes differ.', [
            {
              path: 'program/code',
              messageKey: 'validation.field.invalid',
              detail: 'not the code in the address',
            },
          ]);
        const stored = await deps.programs.publish(
          organizationOf(req),
          program,
          expectedVersion,
          req.audit,
        );
        return reply.code(expectedVersion === null ? 201 : 200).send(stored);
      },
    );

    app.post(
      '/follow-up/programs/preview',
      {
        schema: { body: previewBody, tags: ['follow-up'] },
        config: withPermission('desk.configure'),
      },
      async (req) => {
        const startAt = req.body.startAt ? new Date(req.body.startAt) : new Date(req.access.now);
        return {
          tasks: await deps.programs.preview(organizationOf(req), req.body.program, startAt),
        };
      },
    );

    app.post(
      '/follow-up/programs/:code/retire',
      {
        schema: { params: programParams, tags: ['follow-up'] },
        config: withPermission('desk.configure', 'update', 'PlanDefinition'),
      },
      async (req, reply) => {
        await deps.programs.retire(organizationOf(req), req.params.code, req.audit);
        return reply.code(204).send();
      },
    );
    return Promise.resolve();
  };
