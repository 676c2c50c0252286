import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SlaConfiguration } from '../../service-desk/sla/sla-configuration';
import { organizationOf } from '../access/organization';
import { withEitherPermission, withPermission } from '../access/route-policy';
import { calendarBody, calendarParams, policyParams, slaPolicyBody } from './sla-schemas';

export interface SlaRouteDeps {
  sla: SlaConfiguration;
}

const tags = ['service-desk'];

/**
 * SLA configuration under /api/desk (issue #5 §2). Everyone who works cases may read the
 * targets and calendars their clocks run on (case.read); changing them is a supervisor's
 * or an administrator's job (desk.configure), audited as an update or delete of the
 * configuration. Those who change them read them too: an admin holds no case.read, and
 * the follow-up program preview names the calendar's time zone (issue #6 point 7).
 */
export const slaRoutes =
  (deps: SlaRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.get(
      '/desk/sla-policies',
      { schema: { tags }, config: withEitherPermission('case.read', 'desk.configure') },
      async (req) => ({ items: await deps.sla.policies(organizationOf(req)) }),
    );

    app.put(
      '/desk/sla-policies',
      {
        schema: { body: slaPolicyBody, tags },
        config: withPermission('desk.configure', 'update', 'SlaPolicy'),
      },
      async (req, reply) => {
        const { policy, created } = await deps.sla.replacePolicy(
          organizationOf(req),
          req.body,
          req.audit,
        );
        return reply.code(created ? 201 : 200).send(policy);
      },
    );

    app.delete(
      '/desk/sla-policies/:id',
      {
        schema: { params: policyParams, tags },
        config: withPermission('desk.configure', 'delete', 'SlaPolicy'),
      },
      async (req, reply) => {
        await deps.sla.deletePolicy(organizationOf(req), req.params.id, req.audit);
        return reply.code(204).send();
      },
    );

    app.get(
      '/desk/calendars',
      { schema: { tags }, config: withEitherPermission('case.read', 'desk.configure') },
      async (req) => deps.sla.calendars(organizationOf(req)),
    );

    app.put(
      '/desk/calendars/:teamId',
      {
        schema: { params: calendarParams, body: calendarBody, tags },
        config: withPermission('desk.configure', 'update', 'BusinessCalendar'),
      },
      async (req) => {
        const { teamId } = req.params;
        const calendar = await deps.sla.saveCalendar(
          organizationOf(req),
          teamId === 'default' ? null : teamId,
          req.body,
          req.audit,
        );
        return { calendar };
      },
    );
    return Promise.resolve();
  };
