import { randomUUID } from 'node:crypto';
import { insertBreakGlass } from '../../../storage/access/break-glass-store';
import { DESK_FIXTURES } from './desk-route-fixtures';
import { FOLLOW_UP_FIXTURES } from './follow-up-route-fixtures';
import { HL7_FIXTURES } from './hl7-route-fixtures';
import { fresh, freshAccount, freshTeam, P, type Fixture } from './fixture-support';
import type { MatrixWorld, TargetName } from './matrix-world';

export type { CellRequest, Fixture } from './fixture-support';

async function freshConsent(w: MatrixWorld, t: TargetName): Promise<string> {
  const row = {
    id: randomUUID(),
    patient_id: P(w, t),
    related_person_id: w.contacts[t],
    status: 'active',
    permit: '["profile"]',
    deny: '[]',
    period_start: '2000-01-01T00:00:00.000Z',
    period_end: null,
    granted_by: 'matrix',
    created_at: '2000-01-01T00:00:00.000Z',
    revoked_at: null,
    revoked_by: null,
  };
  await w.desk.database.db.insertInto('consents').values(row).execute();
  return row.id;
}

async function freshGrant(w: MatrixWorld): Promise<string> {
  const id = randomUUID();
  await insertBreakGlass(w.desk.database.db, {
    id,
    organizationId: w.desk.organizationId,
    accountId: 'matrix',
    patientId: w.targets.other,
    reason: 'matrix fixture grant',
    createdAt: w.clock.now().toISOString(),
    expiresAt: w.clock.now().toISOString(),
    reviewedAt: null,
    reviewedBy: null,
    reviewOutcome: null,
    reviewNote: null,
  });
  return id;
}

const patientBody = () => ({
  names: [{ given: ['Made'], family: `Matrix${fresh().replace(/\d/g, '')}` }],
});

/** One entry per route in the route table; a route missing here fails the matrix. */
export const FIXTURES: Record<string, Fixture> = {
  'GET /': async () => ({ url: '/' }),
  'GET /assets/home.css': async () => ({ url: '/assets/home.css' }),
  'GET /static/*': async () => ({ url: '/static/no-such-file.js' }),
  'GET /portal': async () => ({ url: '/portal' }),
  'GET /portal/*': async () => ({ url: '/portal/sign-in' }),
  'GET /console': async () => ({ url: '/console' }),
  'GET /console/*': async () => ({ url: '/console/sign-in' }),
  'GET /forgot-password': async () => ({ url: '/forgot-password' }),
  'GET /reset-password': async () => ({ url: '/reset-password' }),
  'GET /accept-invitation': async () => ({ url: '/accept-invitation' }),
  'GET /api/health': async () => ({ url: '/api/health' }),
  'GET /openapi.json': async () => ({ url: '/openapi.json' }),
  'GET /fhir/R4/metadata': async () => ({ url: '/fhir/R4/metadata' }),
  'GET /api/patients': async () => ({ url: '/api/patients?q=matrix' }),
  'POST /api/patients': async () => ({ url: '/api/patients', payload: patientBody() }),
  'GET /api/patients/:id': async (w, t) => ({ url: `/api/patients/${P(w, t)}` }),
  'PUT /api/patients/:id': async (w, t) => {
    const row = await w.desk.database.db
      .selectFrom('patients')
      .select('version')
      .where('id', '=', P(w, t))
      .executeTakeFirstOrThrow();
    return {
      url: `/api/patients/${P(w, t)}`,
      payload: {
        names: [{ given: ['Edited'], family: 'Matrix' }],
        birthDate: '1960-01-01',
        version: Number(row.version),
      },
    };
  },
  'PUT /api/patients/:id/contact-preferences': async (w, t) => {
    const row = await w.desk.database.db
      .selectFrom('patients')
      .select('version')
      .where('id', '=', P(w, t))
      .executeTakeFirstOrThrow();
    return {
      url: `/api/patients/${P(w, t)}/contact-preferences`,
      payload: {
        telecom: [{ system: 'phone', value: '+1 (555) 010-2030', use: 'mobile' }],
        preferredLanguage: 'lv',
        preferredChannel: 'sms',
        quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/Riga' },
        version: Number(row.version),
      },
    };
  },
  // Merging a patient into itself is refused by the service (400) once access is allowed,
  // so the matrix never destroys its own targets.
  'POST /api/patients/:id/merge': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/merge`,
    payload: { into: P(w, t) },
  }),
  'GET /api/patients/:id/related-persons': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/related-persons`,
  }),
  'POST /api/patients/:id/related-persons': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/related-persons`,
    payload: { names: [{ given: ['Neighbour'], family: 'Matrix' }], relationship: 'NBOR' },
  }),
  'GET /api/patients/:id/coverages': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/coverages`,
  }),
  'POST /api/patients/:id/coverages': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/coverages`,
    payload: { payerName: 'Matrix Mutual' },
  }),
  'GET /api/patients/:id/care-team': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/care-team`,
  }),
  'POST /api/patients/:id/care-team': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/care-team`,
    payload: { practitionerId: w.practitionerId, role: 'nurse' },
  }),
  'GET /api/patients/:id/encounters': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/encounters`,
  }),
  'GET /api/patients/:id/conditions': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/conditions`,
  }),
  'GET /api/patients/:id/medications': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/medications`,
  }),
  'GET /api/patients/:id/care-plans': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/care-plans`,
  }),
  'GET /api/duplicates': async () => ({ url: '/api/duplicates' }),
  // A pair that is not an open duplicate review: allowed callers get 404 from the service,
  // which the matrix accepts for this route only (see ALLOWED_NOT_FOUND).
  'POST /api/duplicates/dismiss': async (w) => ({
    url: '/api/duplicates/dismiss',
    payload: { patientId: w.targets.own, candidateId: w.targets.other },
  }),
  'GET /api/patients/:id/consents': async (w, t) => ({ url: `/api/patients/${P(w, t)}/consents` }),
  'GET /api/patients/:id/consents/:consentId/fhir': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/consents/${await freshConsent(w, t)}/fhir`,
  }),
  'POST /api/patients/:id/consents': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/consents`,
    payload: { relatedPersonId: w.contacts[t], permit: ['appointments'] },
  }),
  'POST /api/patients/:id/consents/:consentId/revoke': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/consents/${await freshConsent(w, t)}/revoke`,
  }),
  'POST /api/patients/:id/caregiver-invitations': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/caregiver-invitations`,
    payload: {
      givenName: 'Helper',
      familyName: 'Matrix',
      email: `helper-${fresh()}@matrix.example`,
      relationship: 'FRND',
      permit: ['profile'],
    },
  }),
  'GET /api/people-i-help': async () => ({ url: '/api/people-i-help' }),
  'PUT /api/patients/:id/restricted': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/restricted`,
    payload: { restricted: false },
  }),
  'POST /api/patients/:id/break-glass': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/break-glass`,
    payload: { reason: 'Matrix: urgent care needed now' },
  }),
  'GET /api/break-glass/reviews': async () => ({ url: '/api/break-glass/reviews' }),
  'POST /api/break-glass/:grantId/review': async (w) => ({
    url: `/api/break-glass/${await freshGrant(w)}/review`,
    payload: { outcome: 'appropriate' },
  }),
  'GET /api/audit': async () => ({ url: '/api/audit?limit=5' }),
  'GET /api/audit/export': async () => ({ url: '/api/audit/export?from=2999-01-01T00:00:00Z' }),
  'GET /api/patients/:id/access-log': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/access-log`,
  }),
  'GET /fhir/R4/Patient/:id': async (w, t) => ({ url: `/fhir/R4/Patient/${P(w, t)}` }),
  'GET /fhir/R4/Patient': async () => ({ url: '/fhir/R4/Patient?name=matrix' }),
  'POST /fhir/R4': async () => ({
    url: '/fhir/R4',
    payload: {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: `urn:uuid:${randomUUID()}`,
          resource: { resourceType: 'Patient', name: [{ family: 'Imported', given: ['Matrix'] }] },
          request: { method: 'POST', url: 'Patient' },
        },
      ],
    },
  }),
  // Sign-in routes: wrong credentials, unknown tokens — the point is that none of them
  // opens anything to anyone, and none answers 5xx.
  'POST /api/auth/login': async () => ({
    url: '/api/auth/login',
    payload: { email: 'nobody@matrix.example', password: 'not-the-password-1' },
  }),
  'POST /api/auth/mfa/verify': async () => ({
    url: '/api/auth/mfa/verify',
    payload: { code: '000000' },
  }),
  'POST /api/auth/logout': async () => ({ url: '/api/auth/logout' }),
  'GET /api/auth/me': async () => ({ url: '/api/auth/me' }),
  'PUT /api/auth/me/language': async () => ({
    url: '/api/auth/me/language',
    payload: { language: 'lv' },
  }),
  'POST /api/auth/mfa/setup': async () => ({ url: '/api/auth/mfa/setup' }),
  'POST /api/auth/mfa/enable': async () => ({
    url: '/api/auth/mfa/enable',
    payload: { code: '000000' },
  }),
  'POST /api/auth/mfa/disable': async () => ({
    url: '/api/auth/mfa/disable',
    payload: { password: 'not-the-password-1', code: '000000' },
  }),
  'POST /api/auth/password/change': async () => ({
    url: '/api/auth/password/change',
    payload: { currentPassword: 'not-the-password-1', newPassword: 'another-long-passphrase-9' },
  }),
  'POST /api/auth/password/reset-request': async () => ({
    url: '/api/auth/password/reset-request',
    payload: { email: 'nobody@matrix.example' },
  }),
  'POST /api/auth/password/reset': async () => ({
    url: '/api/auth/password/reset',
    payload: { token: 'A'.repeat(43), password: 'another-long-passphrase-9' },
  }),
  'POST /api/auth/invitations/accept': async () => ({
    url: '/api/auth/invitations/accept',
    payload: { token: 'A'.repeat(43), password: 'another-long-passphrase-9' },
  }),
  'GET /api/admin/users': async () => ({ url: '/api/admin/users' }),
  'POST /api/admin/users': async () => ({
    url: '/api/admin/users',
    payload: {
      kind: 'staff',
      email: `invite-${fresh()}@matrix.example`,
      displayName: 'Invitee',
      roles: ['agent'],
    },
  }),
  'GET /api/admin/users/:id': async (w) => ({ url: `/api/admin/users/${await freshAccount(w)}` }),
  'PUT /api/admin/users/:id/access': async (w) => ({
    url: `/api/admin/users/${await freshAccount(w)}/access`,
    payload: { roles: ['agent', 'billing'] },
  }),
  'POST /api/admin/users/:id/disable': async (w) => ({
    url: `/api/admin/users/${await freshAccount(w)}/disable`,
  }),
  'POST /api/admin/users/:id/enable': async (w) => ({
    url: `/api/admin/users/${await freshAccount(w)}/enable`,
  }),
  'POST /api/admin/users/:id/mfa-reset': async (w) => ({
    url: `/api/admin/users/${await freshAccount(w)}/mfa-reset`,
  }),
  'GET /api/admin/staff': async () => ({ url: '/api/admin/staff' }),
  'GET /api/admin/teams': async () => ({ url: '/api/admin/teams' }),
  'POST /api/admin/teams': async () => ({
    url: '/api/admin/teams',
    payload: { name: `Team ${fresh()}` },
  }),
  'PATCH /api/admin/teams/:id': async (w) => ({
    url: `/api/admin/teams/${await freshTeam(w)}`,
    payload: { name: `Renamed ${fresh()}` },
  }),
  'DELETE /api/admin/teams/:id': async (w) => ({ url: `/api/admin/teams/${await freshTeam(w)}` }),
  'PUT /api/admin/teams/:id/members/:accountId': async (w) => ({
    url: `/api/admin/teams/${await freshTeam(w)}/members/${await freshAccount(w)}`,
  }),
  'DELETE /api/admin/teams/:id/members/:accountId': async (w) => ({
    url: `/api/admin/teams/${await freshTeam(w)}/members/${await freshAccount(w)}`,
  }),
  'GET /api/admin/api-tokens': async () => ({ url: '/api/admin/api-tokens' }),
  'POST /api/admin/api-tokens': async () => ({
    url: '/api/admin/api-tokens',
    payload: { name: 'Matrix', scopes: ['patient.read'] },
  }),
  'DELETE /api/admin/api-tokens/:id': async () => ({
    url: `/api/admin/api-tokens/${randomUUID()}`,
  }),
  // The service desk's routes (issue #5), in their own file.
  ...DESK_FIXTURES,
  ...HL7_FIXTURES,
  ...FOLLOW_UP_FIXTURES,
};

/** Routes whose allowed calls may legitimately answer 404 with these fixtures. */
export const ALLOWED_NOT_FOUND = new Set([
  'POST /api/duplicates/dismiss',
  'DELETE /api/admin/api-tokens/:id',
  'DELETE /api/admin/teams/:id/members/:accountId',
]);

/** Routes that end or change the caller's own session: run last for each caller. */
export const SESSION_ENDING = new Set(['POST /api/auth/logout', 'POST /api/auth/password/change']);

/** Sign-in steps that answer a wrong code with 401 by design (the fixture sends one). */
export const CREDENTIAL_CHECKS = new Set(['POST /api/auth/mfa/verify']);

/** Routes about the caller's own session and account: an integration token has neither. */
export const SESSION_ONLY = (route: string) =>
  route.startsWith('POST /api/auth/') ||
  route.startsWith('GET /api/auth/me') ||
  route.startsWith('PUT /api/auth/me');

/**
 * Routes whose fixture object (a patient, team or account) lives in the home
 * organization: staff of another organization must not find it (404).
 */
export const HOME_ORGANIZATION_OBJECTS = new Set([
  'POST /api/patients/:id/break-glass',
  'GET /api/admin/users/:id',
  'PUT /api/admin/users/:id/access',
  'POST /api/admin/users/:id/disable',
  'POST /api/admin/users/:id/enable',
  'POST /api/admin/users/:id/mfa-reset',
  'PATCH /api/admin/teams/:id',
  'DELETE /api/admin/teams/:id',
  'PUT /api/admin/teams/:id/members/:accountId',
  'DELETE /api/admin/teams/:id/members/:accountId',
  'POST /api/break-glass/:grantId/review',
  'POST /api/duplicates/dismiss',
  'PUT /api/desk/queues/:id',
  'DELETE /api/desk/queues/:id',
  'PUT /api/desk/agents/:accountId',
  'POST /api/desk/macros/:id/preview',
  'PUT /api/desk/macros/:id',
  'DELETE /api/desk/macros/:id',
  'DELETE /api/desk/sla-policies/:id',
  'PUT /api/desk/calendars/:teamId',
  'GET /api/mail/quarantine/:id',
  'POST /api/mail/quarantine/:id/release',
  'POST /api/mail/quarantine/:id/discard',
  'GET /api/kb/articles/:id',
  'PUT /api/kb/articles/:id',
  'POST /api/kb/articles/:id/publish',
  'POST /api/kb/articles/:id/archive',
  'POST /api/follow-up/programs/:code/retire',
]);
