import { STAFF_ROLES } from '@caredesk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { canManageRole, requestMeta, type Identity } from '../../identity';
import { accountView } from './auth-routes';
import { requireAdmin } from './auth-guard';
import {
  accessBody,
  idParams,
  inviteBody,
  listQuery,
  memberParams,
  teamBody,
  tokenBody,
} from './auth-schemas';

const tags = ['admin'];
const users = { policy: { kind: 'permission' as const, permission: 'admin.users' as const } };
const teams = { policy: { kind: 'permission' as const, permission: 'admin.teams' as const } };

/** Account, team and API-token administration, under /api/admin. */
export const adminRoutes =
  (identity: Identity): FastifyPluginAsyncZod =>
  (app) => {
    app.get('/users', { config: users, schema: { querystring: listQuery, tags } }, async (req) => {
      const auth = await requireAdmin(identity, req, 'admin.users');
      const page = await identity.accounts.list(
        auth.account.organizationId,
        req.query.limit,
        req.query.cursor,
      );
      return {
        items: page.items.map(accountView),
        nextCursor: page.nextCursor,
        // What this administrator may hand out or take away (role-rules.ts), so the console
        // offers only those; the server checks every change again.
        grantableRoles: STAFF_ROLES.filter((r) => canManageRole(auth.account.roles, r)),
      };
    });

    // The staff a team manager chooses members from: names and addresses only. A supervisor
    // holds admin.teams without admin.users, so the account list above is closed to them.
    app.get('/staff', { config: teams, schema: { querystring: listQuery, tags } }, async (req) => {
      const auth = await requireAdmin(identity, req, 'admin.teams');
      const page = await identity.accounts.list(
        auth.account.organizationId,
        req.query.limit,
        req.query.cursor,
        'staff',
      );
      return {
        items: page.items.map((a) => ({
          id: a.id,
          displayName: a.displayName,
          email: a.email,
          status: a.status,
        })),
        nextCursor: page.nextCursor,
      };
    });

    app.post(
      '/users',
      { config: users, schema: { body: inviteBody, tags } },
      async (req, reply) => {
        const auth = await requireAdmin(identity, req, 'admin.users');
        const { account, invitationLink } = await identity.accounts.invite(
          auth.account,
          req.body,
          requestMeta(req),
        );
        return reply
          .code(201)
          .header('Location', `/api/admin/users/${account.id}`)
          .send({ account: accountView(account), invitationLink });
      },
    );

    app.get('/users/:id', { config: users, schema: { params: idParams, tags } }, async (req) => {
      const auth = await requireAdmin(identity, req, 'admin.users');
      return accountView(await identity.accounts.get(auth.account.organizationId, req.params.id));
    });

    app.put(
      '/users/:id/access',
      { config: users, schema: { params: idParams, body: accessBody, tags } },
      async (req) => {
        const auth = await requireAdmin(identity, req, 'admin.users');
        return accountView(
          await identity.accounts.changeAccess(
            auth.account,
            req.params.id,
            req.body,
            requestMeta(req),
          ),
        );
      },
    );

    for (const [action, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      app.post(
        `/users/:id/${action}`,
        { config: users, schema: { params: idParams, tags } },
        async (req) => {
          const auth = await requireAdmin(identity, req, 'admin.users');
          return accountView(
            await identity.accounts.setDisabled(
              auth.account,
              req.params.id,
              disabled,
              requestMeta(req),
            ),
          );
        },
      );
    }

    app.post(
      '/users/:id/mfa-reset',
      { config: users, schema: { params: idParams, tags } },
      async (req, reply) => {
        const auth = await requireAdmin(identity, req, 'admin.users');
        await identity.accounts.resetMfa(auth.account, req.params.id, requestMeta(req));
        return reply.code(204).send();
      },
    );

    app.get('/teams', { config: teams, schema: { tags } }, async (req) => {
      const auth = await requireAdmin(identity, req, 'admin.teams');
      return { items: await identity.teams.list(auth.account.organizationId) };
    });

    app.post('/teams', { config: teams, schema: { body: teamBody, tags } }, async (req, reply) => {
      const auth = await requireAdmin(identity, req, 'admin.teams');
      return reply
        .code(201)
        .send(await identity.teams.create(auth.account, req.body.name, requestMeta(req)));
    });

    app.patch(
      '/teams/:id',
      { config: teams, schema: { params: idParams, body: teamBody, tags } },
      async (req, reply) => {
        const auth = await requireAdmin(identity, req, 'admin.teams');
        await identity.teams.rename(auth.account, req.params.id, req.body.name, requestMeta(req));
        return reply.code(204).send();
      },
    );

    app.delete(
      '/teams/:id',
      { config: teams, schema: { params: idParams, tags } },
      async (req, reply) => {
        const auth = await requireAdmin(identity, req, 'admin.teams');
        await identity.teams.remove(auth.account, req.params.id, requestMeta(req));
        return reply.code(204).send();
      },
    );

    app.put(
      '/teams/:id/members/:accountId',
      { config: teams, schema: { params: memberParams, tags } },
      async (req, reply) => {
        const auth = await requireAdmin(identity, req, 'admin.teams');
        await identity.teams.setMember(
          auth.account,
          req.params.id,
          req.params.accountId,
          true,
          requestMeta(req),
        );
        return reply.code(204).send();
      },
    );

    app.delete(
      '/teams/:id/members/:accountId',
      { config: teams, schema: { params: memberParams, tags } },
      async (req, reply) => {
        const auth = await requireAdmin(identity, req, 'admin.teams');
        await identity.teams.setMember(
          auth.account,
          req.params.id,
          req.params.accountId,
          false,
          requestMeta(req),
        );
        return reply.code(204).send();
      },
    );

    app.get('/api-tokens', { config: users, schema: { tags } }, async (req) => {
      const auth = await requireAdmin(identity, req, 'admin.users');
      return { items: await identity.tokens.list(auth.account.organizationId) };
    });

    app.post(
      '/api-tokens',
      { config: users, schema: { body: tokenBody, tags } },
      async (req, reply) => {
        const auth = await requireAdmin(identity, req, 'admin.users');
        // The token is in this response only; CareDesk keeps just a hash of it.
        return reply
          .code(201)
          .send(await identity.tokens.create(auth.account, req.body, requestMeta(req)));
      },
    );

    app.delete(
      '/api-tokens/:id',
      { config: users, schema: { params: idParams, tags } },
      async (req, reply) => {
        const auth = await requireAdmin(identity, req, 'admin.users');
        await identity.tokens.revoke(auth.account, req.params.id, requestMeta(req));
        return reply.code(204).send();
      },
    );
    return Promise.resolve();
  };
