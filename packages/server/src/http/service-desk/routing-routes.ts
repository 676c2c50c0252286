import { DomainError } from '@caredesk/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RoutingService } from '../../service-desk/routing/routing-service';
import type { RoutingSetupService } from '../../service-desk/routing/routing-setup-service';
import { organizationOf } from '../access/organization';
import { withPermission } from '../access/route-policy';
import {
  agentBody,
  agentParams,
  availabilityBody,
  queueBody,
  queueParams,
} from './routing-schemas';

export interface RoutingRouteDeps {
  routing: RoutingService;
  setup: RoutingSetupService;
}

const tags = ['service-desk'];
const configure = withPermission('desk.configure');

/** The signed-in staff member: availability is theirs alone to set. */
function staffOf(req: FastifyRequest): { accountId: string; organizationId: string } {
  const p = req.access.principal;
  if (p?.kind !== 'staff')
    throw new DomainError('forbidden', 'routing.agent.staff-only', 'Only staff take cases.');
  return { accountId: p.accountId, organizationId: p.organizationId };
}

/** Queues, agents' routing profiles and the agent's own availability, under /api/desk. */
export const routingRoutes =
  (deps: RoutingRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.get('/desk/queues', { config: configure, schema: { tags } }, async (req) => ({
      items: await deps.setup.listQueues(organizationOf(req)),
    }));

    app.post(
      '/desk/queues',
      {
        config: withPermission('desk.configure', 'create', 'DeskQueue'),
        schema: { body: queueBody, tags },
      },
      async (req, reply) => {
        const queue = await deps.setup.createQueue(organizationOf(req), req.body, req.audit);
        return reply.code(201).header('Location', `/api/desk/queues/${queue.id}`).send(queue);
      },
    );

    app.put(
      '/desk/queues/:id',
      {
        config: withPermission('desk.configure', 'update', 'DeskQueue'),
        schema: { params: queueParams, body: queueBody, tags },
      },
      async (req) =>
        deps.setup.updateQueue(organizationOf(req), req.params.id, req.body, req.audit),
    );

    app.delete(
      '/desk/queues/:id',
      {
        config: withPermission('desk.configure', 'delete', 'DeskQueue'),
        schema: { params: queueParams, tags },
      },
      async (req, reply) => {
        await deps.setup.deleteQueue(organizationOf(req), req.params.id, req.audit);
        return reply.code(204).send();
      },
    );

    app.get('/desk/agents', { config: configure, schema: { tags } }, async (req) => ({
      items: await deps.setup.listAgents(organizationOf(req)),
    }));

    app.put(
      '/desk/agents/:accountId',
      {
        config: withPermission('desk.configure', 'update', 'AgentProfile'),
        schema: { params: agentParams, body: agentBody, tags },
      },
      async (req) =>
        deps.setup.updateAgent(organizationOf(req), req.params.accountId, req.body, req.audit),
    );

    app.get(
      '/desk/me/availability',
      { config: withPermission('case.work'), schema: { tags } },
      async (req) => {
        const profile = await deps.routing.profileOf(staffOf(req));
        return { availability: profile?.availability ?? 'offline' };
      },
    );

    app.put(
      '/desk/me/availability',
      {
        config: withPermission('case.work', 'update', 'AgentProfile'),
        schema: { body: availabilityBody, tags },
      },
      async (req) => {
        const profile = await deps.routing.setAvailability(
          staffOf(req),
          req.body.availability,
          req.audit,
        );
        return { availability: profile.availability };
      },
    );
    return Promise.resolve();
  };
