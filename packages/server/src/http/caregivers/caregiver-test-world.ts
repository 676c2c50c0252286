import { openLink, type SealedLinkPayload } from '../../identity/outbox-links';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import {
  as,
  PASSWORD,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from '../auth/testing/auth-fixtures';

/** What the caregiver tests share: a CareDesk, its clock, and a front-desk supervisor. */
export interface CaregiverWorld {
  desk: Desk;
  clock: TestClock;
  supervisor: Inject;
}

export async function startCaregiverWorld(): Promise<CaregiverWorld> {
  const { desk, clock } = await startDesk();
  const supervisor = (await signedInStaff(desk, clock, ['supervisor'])).inject;
  return { desk, clock, supervisor };
}

/** A patient record with a signed-in portal account; returns its id and a client. */
export async function patientWithAccount(
  w: CaregiverWorld,
  given: string,
  preferredLanguage = 'en',
): Promise<{ id: string; inject: Inject }> {
  const created = await w.supervisor({
    method: 'POST',
    url: '/api/patients',
    payload: { names: [{ given: [given], family: 'Invite' }], birthDate: '1950-05-05' },
  });
  const { id } = created.json<{ id: string }>();
  const email = `${given.toLowerCase()}@patients.example`;
  await w.desk.services.identity.accounts.provision(
    {
      organizationId: w.desk.organizationId,
      kind: 'patient',
      email,
      displayName: `${given} Invite`,
      patientId: id,
      preferredLanguage,
    },
    PASSWORD,
  );
  return { id, inject: await signedIn(w, email) };
}

/** Signs in with the test password and returns a client sending that session. */
export async function signedIn(w: CaregiverWorld, email: string): Promise<Inject> {
  const s = await signIn(w.desk, w.clock, email);
  return (opts) =>
    w.desk.app.inject({
      ...opts,
      headers: { ...as(s), ...(opts.headers as Record<string, string>) },
    });
}

/** The newest outbox job of a kind, with its payload parsed. */
export async function latestJob(w: CaregiverWorld, kind: string) {
  const row = await w.desk.database.db
    .selectFrom('jobs')
    .select(['id', 'payload'])
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row
    ? { id: Number(row.id), payload: JSON.parse(row.payload) as Record<string, string> }
    : null;
}

/** The invitation link the mailer would send for the newest invitation, token only. */
export async function latestInvitationToken(w: CaregiverWorld): Promise<string> {
  const job = await latestJob(w, 'email.invitation');
  if (!job) throw new Error('no invitation in the outbox');
  const link = openLink(
    w.desk.services.identity.deps.box,
    'email.invitation',
    job.payload as unknown as SealedLinkPayload,
  );
  return new URL(link).hash.replace('#token=', '');
}

/** The invited caregiver chooses a password and signs in. */
export async function acceptAndSignIn(w: CaregiverWorld, email: string): Promise<Inject> {
  const accepted = await w.desk.app.inject({
    method: 'POST',
    url: '/api/auth/invitations/accept',
    payload: { token: await latestInvitationToken(w), password: PASSWORD },
  });
  if (accepted.statusCode !== 204 && accepted.statusCode !== 200)
    throw new Error(`accept ${accepted.statusCode}: ${accepted.body}`);
  return signedIn(w, email);
}

/** Rows in every table an invitation writes to: nothing may change when one is refused. */
export async function invitationRowCounts(desk: Desk): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'related_persons',
    'consents',
    'accounts',
    'caregiver_links',
    'jobs',
    'one_time_tokens',
  ] as const) {
    const r = await desk.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(r.n);
  }
  return counts;
}

export const invitationBody = (overrides: Record<string, unknown> = {}) => ({
  givenName: 'Liv',
  familyName: 'Helper',
  email: 'liv.helper@family.example',
  relationship: 'DAU',
  permit: ['profile'],
  until: null,
  ...overrides,
});
