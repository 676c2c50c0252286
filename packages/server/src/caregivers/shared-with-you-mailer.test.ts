import { translate } from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesk } from '../http/auth/testing/auth-fixtures';
import {
  acceptAndSignIn,
  invitationBody,
  patientWithAccount,
  type CaregiverWorld,
} from '../http/caregivers/caregiver-test-world';
import { signedInStaff } from '../testing/signed-in-client';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { SHARED_WITH_YOU } from './shared-with-you-email';

let sink: SmtpSink;
let w: CaregiverWorld;
beforeAll(async () => {
  sink = await startSmtpSink();
  const { desk, clock } = await startDesk({
    smtpUrl: `smtp://127.0.0.1:${sink.port}`,
    publicUrl: 'https://desk.riverside.example',
  });
  w = { desk, clock, supervisor: (await signedInStaff(desk, clock, ['supervisor'])).inject };
}, 60_000);
afterAll(async () => {
  await w?.desk.dispose();
  await sink?.stop();
});

describe('the "shared with you" e-mail really goes out', () => {
  it('reaches an existing caregiver over SMTP, in their language, naming no health data', async () => {
    const alma = await patientWithAccount(w, 'Alma', 'lv');
    const bruno = await patientWithAccount(w, 'Bruno');
    const invite = (who: typeof alma) =>
      who.inject({
        method: 'POST',
        url: `/api/patients/${who.id}/caregiver-invitations`,
        payload: invitationBody({ permit: ['billing'] }),
      });
    expect((await invite(alma)).statusCode).toBe(201);
    await acceptAndSignIn(w, 'liv.helper@family.example');
    const linked = await invite(bruno);
    expect(linked.json<{ caregiver: string }>().caregiver).toBe('linked');
    const job = await w.desk.database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', SHARED_WITH_YOU)
      .executeTakeFirstOrThrow();

    await w.desk.jobs.runOnce();
    // Liv also gets her own account's e-mail; this one is the job's (its Message-ID says so).
    const mail = await sink.waitFor(
      (m) =>
        m.envelope.to.includes('liv.helper@family.example') &&
        m.messageId === `<caregiver-shared.${job.id}@desk.riverside.example>`,
    );
    expect(mail.subject).toBe(
      translate('lv', 'web.caregiver-invite.email.subject', { name: 'Bruno Invite' }),
    );
    expect(mail.text).toContain('https://desk.riverside.example/portal');
    expect(mail.text).not.toMatch(/billing|norēķin/i);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.messageId).toBe(`<caregiver-shared.${job.id}@desk.riverside.example>`);
    const done = await w.desk.database.db
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(done.status).toBe('done');
  });
});
