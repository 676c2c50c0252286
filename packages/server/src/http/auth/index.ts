import type { FastifyPluginAsync } from 'fastify';
import { RetryLaterError, type Identity } from '../../identity';
import { adminRoutes } from './admin-routes';
import { authRoutes } from './auth-routes';

export { requireAdmin, requireSession } from './auth-guard';

/** Registers /api/auth and /api/admin. A refusal that says when to retry carries Retry-After. */
export const identityRoutes =
  (identity: Identity): FastifyPluginAsync =>
  async (app) => {
    app.addHook('onError', async (_req, reply, error) => {
      if (error instanceof RetryLaterError)
        reply.header('Retry-After', String(error.retryAfterSeconds));
    });
    await app.register(authRoutes(identity), { prefix: '/api/auth' });
    await app.register(adminRoutes(identity), { prefix: '/api/admin' });
  };
