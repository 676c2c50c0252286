import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueue, getJob } from '../../../jobs';
import { testClock, testRunner, type TestClock } from '../../../jobs/job-test-support';
import { createTestDatabase, type TestDatabase } from '../../../storage/testing/test-database';
import { startSmtpSink, type SmtpSink } from '../../../testing/smtp-sink';
import { PROCESS_INBOUND_MAIL } from '../inbound/accept-mail';
import { processInboundMailJob } from '../inbound/process-inbound-mail';
import { InboundMailListener } from '../inbound/smtp-listener';
import { InMemoryCaseMailbox } from '../inbound/testing/in-memory-case-mailbox';
import { sendRaw } from '../inbound/testing/send-raw';
import { fileSender, smtpSender, type MailSender } from './mail-sender';
import { newMessageId, SEND_EMAIL, sendEmailJob, type SendEmailPayload } from './send-email-job';

const DOMAIN = 'mail.riverside.example';
const FROM = 'Riverside Clinic <no-reply@mail.riverside.example>';
const TOKEN = 'abcdefghijklmnopqrstuvwxyz';

describe('outbound e-mail over real SMTP (email.send)', () => {
  let sink: SmtpSink;
  let t: TestDatabase;
  let clock: TestClock;
  let sender: MailSender;
  beforeAll(async () => {
    sink = await startSmtpSink();
    sender = smtpSender(`smtp://127.0.0.1:${sink.port}`);
  });
  afterAll(async () => {
    sender.close();
    await sink.stop();
  });
  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
    clock = testClock('2026-03-02T09:00:00.000Z');
  });
  afterEach(async () => t.dispose());

  const handlers = (s: MailSender = sender) => ({
    [SEND_EMAIL]: sendEmailJob({ sender: s, mailFrom: FROM, mailDomain: DOMAIN, clock }),
  });
  const send = (payload: SendEmailPayload) =>
    enqueue(t.database.db, { kind: SEND_EMAIL, payload }, clock.now());

  it('sends a case reply that finds its way back: Reply-To token, subject tag, thread headers', async () => {
    const messageId = newMessageId(DOMAIN);
    await send({
      to: 'ana@example.org',
      subject: 'Your refill',
      text: 'It is ready — paldies!',
      html: '<p>It is ready — <b>paldies</b>!</p>',
      messageId,
      inReplyTo: '<ana-1@example.org>',
      references: ['<ana-0@example.org>', '<ana-1@example.org>'],
      replyToken: TOKEN,
    });
    expect((await testRunner(t.database, clock, handlers()).runOnce()).done).toBe(1);
    const mail = await sink.waitFor((m) => m.messageId === messageId);
    expect(mail.envelope).toEqual({
      from: 'no-reply@mail.riverside.example',
      to: ['ana@example.org'],
    });
    expect(mail.from?.value).toEqual([
      { name: 'Riverside Clinic', address: 'no-reply@mail.riverside.example' },
    ]);
    expect(mail.subject).toBe(`Your refill [ref:${TOKEN}]`);
    expect(mail.replyTo?.value[0]?.address).toBe(`reply+${TOKEN}@${DOMAIN}`);
    expect(mail.inReplyTo).toBe('<ana-1@example.org>');
    expect(mail.references).toEqual(['<ana-0@example.org>', '<ana-1@example.org>']);
    expect(mail.text?.trim()).toBe('It is ready — paldies!');
    expect(mail.html).toContain('<b>paldies</b>');
    expect(mail.date?.toISOString()).toBe('2026-03-02T09:00:00.000Z');

    // The patient answers from their mail client; the reply threads into the case.
    const mailbox = new InMemoryCaseMailbox();
    const theCase = mailbox.addCase('org', {
      allowedSenders: ['ana@example.org'],
      replyToken: TOKEN,
    });
    const listener = new InboundMailListener({
      database: t.database,
      clock,
      organizationId: 'org',
      host: '127.0.0.1',
      port: 0,
      maxBytes: 1024 * 1024,
      serverName: DOMAIN,
    });
    const { port } = await listener.listen();
    try {
      const reply = [
        'From: ana@example.org',
        `To: ${mail.replyTo?.text}`,
        `Subject: Re: ${mail.subject}`,
        `In-Reply-To: ${messageId}`,
        '',
        'Thank you, I will come on Monday.',
      ].join('\r\n');
      expect(
        (await sendRaw(port, reply, { from: 'ana@example.org', to: [`reply+${TOKEN}@${DOMAIN}`] }))
          .code,
      ).toBe(250);
      const runner = testRunner(t.database, clock, {
        [PROCESS_INBOUND_MAIL]: processInboundMailJob({
          database: t.database,
          clock,
          mailbox,
          mailDomain: DOMAIN,
        }),
      });
      expect((await runner.runOnce()).done).toBe(1);
      expect(theCase.mails.map((m) => m.text)).toEqual(['Thank you, I will come on Monday.']);
    } finally {
      await listener.close();
    }
  });

  it('retries when the mail server says 451, and sends once', async () => {
    const flaky = await startSmtpSink({ rejectFirst: 1 });
    const flakySender = smtpSender(`smtp://127.0.0.1:${flaky.port}`);
    try {
      const id = await send({ to: 'bo@example.org', subject: 'Retry me', text: 'x' });
      const runner = testRunner(t.database, clock, handlers(flakySender));
      expect((await runner.runOnce()).retried).toBe(1);
      expect((await getJob(t.database.db, id))?.lastError).toMatch(/451/);
      expect(await flaky.messages()).toEqual([]);
      clock.advance(1_000);
      expect((await runner.runOnce()).done).toBe(1);
      const [only, ...more] = await flaky.messages();
      expect(more).toEqual([]);
      // No Message-ID in the payload: the job id makes one, the same on every attempt.
      expect(only?.messageId).toBe(`<job-${id}@${DOMAIN}>`);
    } finally {
      flakySender.close();
      await flaky.stop();
    }
  });

  it('resends with the same Message-ID when a worker died after the 250', async () => {
    const handler = handlers()[SEND_EMAIL];
    const payload = { to: 'cai@example.org', subject: 'Twice', text: 'x' };
    const ctx = { jobId: 4242, kind: SEND_EMAIL, dedupeKey: null };
    await handler(payload, { ...ctx, attempt: 1 });
    await handler(payload, { ...ctx, attempt: 2 });
    const copies = (await sink.messages()).filter((m) => m.subject === 'Twice');
    expect(copies.map((m) => m.messageId)).toEqual([
      `<job-4242@${DOMAIN}>`,
      `<job-4242@${DOMAIN}>`,
    ]);
  });

  it('refuses a payload that could inject headers, and sends nothing', async () => {
    const before = (await sink.messages()).length;
    for (const bad of [
      { to: 'a@example.org\r\nBcc: everyone@example.org', subject: 's', text: 't' },
      { to: 'Ana <a@example.org>', subject: 's', text: 't' },
      { to: 'a@example.org', subject: 's', text: 't', messageId: '<x@y>\r\nBcc: z@z' },
      { to: 'a@example.org', subject: 's', text: 't', replyToken: 'UPPER' },
    ]) {
      await send(bad);
    }
    const summary = await testRunner(t.database, clock, handlers()).runOnce();
    expect(summary).toMatchObject({ claimed: 4, retried: 4, done: 0 });
    expect((await sink.messages()).length).toBe(before);
  });

  it('writes .eml files when no SMTP server is configured, one per Message-ID', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-outbox-mail-'));
    try {
      const files = fileSender(dir);
      const mail = {
        from: FROM,
        to: 'dev@example.org',
        subject: 'Development copy',
        text: 'Hello',
        messageId: '<dev-1@mail.riverside.example>',
        date: clock.now(),
      };
      await files.send(mail);
      await files.send(mail);
      const written = readdirSync(dir);
      expect(written).toEqual(['_dev-1@mail.riverside.example_.eml']);
      const eml = readFileSync(join(dir, written[0]!), 'utf8');
      expect(eml).toContain('Subject: Development copy');
      expect(eml).toContain('Message-ID: <dev-1@mail.riverside.example>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
