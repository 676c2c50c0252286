import { permissionsOf } from '@caredesk/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  checkOrigin,
  clearedSessionCookie,
  isSecureRequest,
  requestMeta,
  sessionCookie,
  type Account,
  type Identity,
} from '../../identity';
import { requireSession } from './auth-guard';
import {
  changePasswordBody,
  codeBody,
  disableBody,
  languageBody,
  loginBody,
  resetRequestBody,
  tokenPasswordBody,
  verifyBody,
} from './auth-schemas';

/** The account as the API shows it: no hash, secret or internal flag beyond mfaEnabled. */
export function accountView(a: Account) {
  return {
    id: a.id,
    kind: a.kind,
    email: a.email,
    displayName: a.displayName,
    preferredLanguage: a.preferredLanguage,
    roles: a.roles,
    reach: a.reach,
    practitionerId: a.practitionerId,
    patientId: a.patientId,
    status: a.status,
    mfaEnabled: a.mfaEnabled,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

const tags = ['auth'];
const publicPolicy = { policy: { kind: 'public' as const } };
const signedIn = { policy: { kind: 'authenticated' as const } };
const mfaStep = { policy: { kind: 'authenticated' as const, allowMfaPending: true } };

/** Sign-in, second factor, sign-out and the account's own password and MFA, under /api/auth. */
export const authRoutes =
  (identity: Identity): FastifyPluginAsyncZod =>
  (app) => {
    const publicUrl = identity.deps.settings.publicUrl;
    const setSession = (req: FastifyRequest, reply: FastifyReply, value: string) =>
      reply.header('set-cookie', sessionCookie(value, isSecureRequest(req, publicUrl)));

    app.post(
      '/login',
      { config: publicPolicy, schema: { body: loginBody, tags } },
      async (req, reply) => {
        // No session yet, so no CSRF token: the Origin check stops login CSRF.
        checkOrigin(req, publicUrl);
        const { account, session } = await identity.login.login(
          req.body.email,
          req.body.password,
          requestMeta(req),
        );
        setSession(req, reply, session.cookieValue);
        return {
          mfaRequired: session.state !== 'active',
          mfaEnrolmentRequired: session.state === 'mfa-enrolment',
          csrfToken: session.csrfToken,
          ...(session.state === 'active' ? { account: accountView(account) } : {}),
        };
      },
    );

    app.post(
      '/mfa/verify',
      { config: mfaStep, schema: { body: verifyBody, tags } },
      async (req, reply) => {
        const auth = await requireSession(identity, req, ['mfa-pending']);
        const { account, session } = await identity.login.verifyMfa(
          { idHash: auth.sessionId, accountId: auth.account.id, state: auth.sessionState },
          req.body,
          requestMeta(req),
        );
        setSession(req, reply, session.cookieValue);
        return { csrfToken: session.csrfToken, account: accountView(account) };
      },
    );

    app.post('/logout', { config: mfaStep, schema: { tags } }, async (req, reply) => {
      const auth = await requireSession(identity, req, ['active', 'mfa-pending', 'mfa-enrolment']);
      await identity.login.logout({ idHash: auth.sessionId }, auth.account, requestMeta(req));
      return reply
        .header('set-cookie', clearedSessionCookie(isSecureRequest(req, publicUrl)))
        .code(204)
        .send();
    });

    app.get('/me', { config: signedIn, schema: { tags } }, async (req) => {
      const auth = await requireSession(identity, req);
      const { staffIdleMinutes, patientIdleMinutes } = identity.deps.settings;
      return {
        account: accountView(auth.account),
        csrfToken: auth.csrfToken,
        permissions: [...permissionsOf(auth.account.roles)].sort(),
        // The web app warns before this inactivity limit signs the person out.
        idleSeconds: (auth.account.kind === 'staff' ? staffIdleMinutes : patientIdleMinutes) * 60,
      };
    });

    app.put(
      '/me/language',
      { config: signedIn, schema: { body: languageBody, tags } },
      async (req) => {
        const auth = await requireSession(identity, req);
        const account = await identity.language.set(
          auth.account,
          req.body.language,
          requestMeta(req),
        );
        return { account: accountView(account) };
      },
    );

    // Enrolment: also reachable from the enrolment-only session staff get at first sign-in.
    app.post('/mfa/setup', { config: mfaStep, schema: { tags } }, async (req) => {
      const auth = await requireSession(identity, req, ['active', 'mfa-enrolment']);
      return identity.mfa.setup(auth.account);
    });

    app.post(
      '/mfa/enable',
      { config: mfaStep, schema: { body: codeBody, tags } },
      async (req, reply) => {
        const auth = await requireSession(identity, req, ['active', 'mfa-enrolment']);
        const { recoveryCodes, session } = await identity.mfa.enable(
          auth.account,
          { idHash: auth.sessionId, state: auth.sessionState },
          req.body.code,
          requestMeta(req),
        );
        if (session) setSession(req, reply, session.cookieValue);
        return { recoveryCodes, csrfToken: session?.csrfToken ?? auth.csrfToken };
      },
    );

    app.post(
      '/mfa/disable',
      { config: signedIn, schema: { body: disableBody, tags } },
      async (req, reply) => {
        const auth = await requireSession(identity, req);
        await identity.mfa.disable(
          auth.account,
          req.body.password,
          req.body.code,
          requestMeta(req),
        );
        return reply.code(204).send();
      },
    );

    app.post(
      '/password/change',
      { config: signedIn, schema: { body: changePasswordBody, tags } },
      async (req, reply) => {
        const auth = await requireSession(identity, req);
        await identity.passwords.change(
          auth.account,
          auth.sessionId,
          req.body.currentPassword,
          req.body.newPassword,
          requestMeta(req),
        );
        return reply.code(204).send();
      },
    );

    app.post(
      '/password/reset-request',
      { config: publicPolicy, schema: { body: resetRequestBody, tags } },
      async (req, reply) => {
        checkOrigin(req, publicUrl);
        await identity.passwords.requestReset(req.body.email, requestMeta(req));
        // The same answer whether or not the address has an account (no enumeration).
        return reply.code(202).send({ accepted: true });
      },
    );

    app.post(
      '/password/reset',
      { config: publicPolicy, schema: { body: tokenPasswordBody, tags } },
      async (req, reply) => {
        checkOrigin(req, publicUrl);
        await identity.passwords.reset(req.body.token, req.body.password, requestMeta(req));
        return reply
          .header('set-cookie', clearedSessionCookie(isSecureRequest(req, publicUrl)))
          .code(204)
          .send();
      },
    );

    app.post(
      '/invitations/accept',
      { config: publicPolicy, schema: { body: tokenPasswordBody, tags } },
      async (req, reply) => {
        checkOrigin(req, publicUrl);
        await identity.passwords.acceptInvitation(
          req.body.token,
          req.body.password,
          requestMeta(req),
        );
        return reply.code(204).send();
      },
    );
    return Promise.resolve();
  };
