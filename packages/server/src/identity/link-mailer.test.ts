import { translate } from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenOf } from '../http/auth/testing/admin-desk';
import {
  as,
  provisionStaff,
  signIn,
  startDesk,
  type Desk,
} from '../http/auth/testing/auth-fixtures';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';

let sink: SmtpSink;
let desk: Desk;
let clock: Awaited<ReturnType<typeof startDesk>>['clock'];
beforeAll(async () => {
  sink = await startSmtpSink();
  ({ desk, clock } = await startDesk({
    smtpUrl: `smtp://127.0.0.1:${sink.port}`,
    publicUrl: 'https://care.clinic.example',
    staffMfaRequired: false,
    loginRateLimitPerMinute: 1000,
  }));
  await provisionStaff(desk, 'admin@clinic.example', ['admin'], 'Ada Admin');
}, 60_000);
afterAll(async () => {
  await desk?.dispose();
  await sink?.stop();
});

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  desk.app.inject({ method: 'POST', url, payload, headers });

/** The one link in a mail's text. */
const linkOf = (text: string) => /https:\/\/\S+/.exec(text)?.[0] ?? '';

describe('e-mails with a one-time link really go out', () => {
  it('sends a reset link over SMTP, in the account language, that sets the password once', async () => {
    const rita = await provisionStaff(desk, 'rita@clinic.example', ['agent'], 'Rita Reset');
    await desk.database.db
      .updateTable('accounts')
      .set({ preferred_language: 'es' })
      .where('id', '=', rita.id)
      .execute();
    expect(
      (await post('/api/auth/password/reset-request', { email: 'rita@clinic.example' })).statusCode,
    ).toBe(202);
    await desk.jobs.runOnce();
    const mail = await sink.waitFor((m) => m.envelope.to.includes('rita@clinic.example'));
    expect(mail.subject).toBe(translate('es', 'email.password-reset.subject'));
    expect(mail.text).toContain('Hola, Rita Reset');
    expect(mail.text).toContain('1 hora');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    const link = linkOf(mail.text ?? '');
    expect(link).toMatch(/^https:\/\/care\.clinic\.example\/reset-password#token=/);
    const reset = (password: string) =>
      post('/api/auth/password/reset', { token: tokenOf(link), password });
    expect((await reset('a brand new passphrase 2026')).statusCode).toBe(204);
    expect((await reset('another new passphrase 2026')).statusCode).toBe(400);
  });

  it('sends an invitation the invited person can accept, and nothing to a disabled account', async () => {
    const admin = await signIn(desk, clock, 'admin@clinic.example');
    const res = await post(
      '/api/admin/users',
      { email: 'nina@clinic.example', displayName: 'Nina Nurse', roles: ['nurse'] },
      as(admin),
    );
    expect(res.statusCode).toBe(201);
    await desk.jobs.runOnce();
    const mail = await sink.waitFor((m) => m.envelope.to.includes('nina@clinic.example'));
    expect(mail.subject).toBe('Your CareDesk account is ready');
    expect(mail.text).toContain('for 7 days');
    const link = linkOf(mail.text ?? '');
    expect(link).toBe(res.json<{ invitationLink: string }>().invitationLink);
    const accepted = await post('/api/auth/invitations/accept', {
      token: tokenOf(link),
      password: 'quiet orchard lanterns 2026',
    });
    expect(accepted.statusCode).toBeLessThan(300);

    const before = (await sink.messages()).length;
    const again = await post(
      '/api/admin/users',
      { email: 'otto@clinic.example', displayName: 'Otto Off', roles: ['agent'] },
      as(admin),
    );
    await desk.database.db
      .updateTable('accounts')
      .set({ status: 'disabled' })
      .where('id', '=', again.json<{ account: { id: string } }>().account.id)
      .execute();
    await desk.jobs.runOnce();
    const job = await desk.database.db
      .selectFrom('jobs')
      .select('status')
      .where('kind', '=', 'email.invitation')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    expect((await sink.messages()).length).toBe(before);
  });
});
