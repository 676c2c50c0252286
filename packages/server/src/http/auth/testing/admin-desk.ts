import { loadAuditKey } from '../../../audit/audit-key';
import { loadConfig } from '../../../config/config';
import { openLink, type SealedLinkPayload } from '../../../identity/outbox-links';
import { SecretBox } from '../../../identity/secret-box';
import { provisionStaff, signIn, startDesk, type Desk, type TestClock } from './auth-fixtures';

const ADMIN_EMAIL = 'ada.admin@clinic.example';

/** A desk with one signed-up admin, MFA off and a public URL for the links it mails. */
export async function startAdminDesk() {
  const { desk, clock } = await startDesk({
    staffMfaRequired: false,
    loginRateLimitPerMinute: 1000,
    publicUrl: 'https://care.clinic.example',
  });
  const adminId = (await provisionStaff(desk, ADMIN_EMAIL, ['admin'], 'Ada Admin')).id;
  return { desk, clock, adminId };
}

/** Tests move the clock past the idle timeout: sign the admin in afresh for each. */
export const signInAdmin = (desk: Desk, clock: TestClock) => signIn(desk, clock, ADMIN_EMAIL);

export const postTo =
  (desk: Desk) =>
  (url: string, payload: object, headers: Record<string, string> = {}) =>
    desk.app.inject({ method: 'POST', url, payload, headers });

/** The outbox jobs of one kind, oldest first. */
export const jobsOf = (desk: Desk, kind: string) =>
  desk.database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).orderBy('id').execute();

export const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');

/** What the mailer will do: open the sealed link with the installation's key. */
export const mailerBox = (desk: Desk) =>
  new SecretBox(loadAuditKey(loadConfig({}, { dataDir: desk.dataDir, logLevel: 'silent' })));

export const linkIn = (desk: Desk, kind: string, payload: string) =>
  openLink(mailerBox(desk), kind, JSON.parse(payload) as SealedLinkPayload);
