import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testClock, testRunner, type TestClock } from '../../../jobs/job-test-support';
import { loadInboundMail } from '../../../storage/channels/inbound-mail-store';
import { createTestDatabase, type TestDatabase } from '../../../storage/testing/test-database';
import {
  acceptInboundMail,
  PROCESS_INBOUND_MAIL,
  PROCESS_INBOUND_MAIL_ATTEMPTS,
} from './accept-mail';
import { processInboundMailJob, threadInboundMail } from './process-inbound-mail';
import { withAttachment } from './testing/hostile-mail';
import { InMemoryCaseMailbox, type MemoryCase } from './testing/in-memory-case-mailbox';
import { plainMessage } from './testing/send-raw';

const ORG = 'org-1';
const DOMAIN = 'caredesk.localhost';
const TOKEN = 'abcdefghijklmnopqrstuvwxyz';

describe('processing inbound mail into cases', () => {
  let t: TestDatabase;
  let clock: TestClock;
  let mailbox: InMemoryCaseMailbox;
  let anaCase: MemoryCase;
  let boCase: MemoryCase;

  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
    clock = testClock('2026-03-02T09:00:00.000Z');
    mailbox = new InMemoryCaseMailbox();
    anaCase = mailbox.addCase(ORG, {
      allowedSenders: ['ana@example.org', 'daughter@example.org'],
      replyToken: TOKEN,
      messageIds: ['<out-ana-1@caredesk.localhost>'],
    });
    boCase = mailbox.addCase(ORG, {
      allowedSenders: ['bo@example.org'],
      messageIds: ['<out-bo-1@caredesk.localhost>'],
    });
  });
  afterEach(async () => t.dispose());

  const deps = () => ({ database: t.database, clock, mailbox, mailDomain: DOMAIN });
  const runner = () =>
    testRunner(t.database, clock, { [PROCESS_INBOUND_MAIL]: processInboundMailJob(deps()) });

  async function deliver(
    raw: string,
    envelopeTo = ['help@caredesk.localhost'],
    from: string | null = 'sender@example.org',
  ) {
    const { id } = await acceptInboundMail(t.database, clock, {
      organizationId: ORG,
      raw: Buffer.from(raw, 'utf8'),
      envelopeFrom: from,
      envelopeTo,
      remoteAddress: '127.0.0.1',
    });
    expect((await runner().runOnce()).done).toBe(1);
    return (await loadInboundMail(t.database.db, id))!;
  }

  it('opens a case for a new request, with the sanitised content', async () => {
    const row = await deliver(
      plainMessage({ from: 'Cai <cai@example.org>', subject: 'New inhaler', body: 'Hi' }),
    );
    expect(row).toMatchObject({
      status: 'new-case',
      reason: null,
      from_address: 'cai@example.org',
      subject: 'New inhaler',
      processed_at: '2026-03-02T09:00:00.000Z',
    });
    const opened = mailbox.cases.get(row.case_id!)!;
    expect(opened.quarantined).toBe(false);
    expect(opened.mails).toMatchObject([
      {
        inboundMailId: row.id,
        from: 'cai@example.org',
        fromName: 'Cai',
        subject: 'New inhaler',
        text: 'Hi',
        senderOnFile: true,
        receivedAt: new Date('2026-03-02T09:00:00.000Z'),
      },
    ]);
  });

  it('threads a reply to the reply address into its case', async () => {
    const row = await deliver(plainMessage({ from: 'ana@example.org', subject: 'Re: refill' }), [
      `reply+${TOKEN}@${DOMAIN}`,
    ]);
    expect(row).toMatchObject({ status: 'threaded', case_id: anaCase.caseId, reason: null });
    expect(anaCase.mails.map((m) => m.senderOnFile)).toEqual([true]);
  });

  it('threads a token in the subject from an unknown address, flagged', async () => {
    const row = await deliver(
      plainMessage({ from: 'ana.work@corp.example', subject: `Re: refill [ref:${TOKEN}]` }),
    );
    expect(row).toMatchObject({
      status: 'threaded',
      case_id: anaCase.caseId,
      reason: 'sender-not-on-case',
    });
    expect(anaCase.mails.map((m) => m.senderOnFile)).toEqual([false]);
  });

  it('threads by In-Reply-To when a consented caregiver answers without the token', async () => {
    const row = await deliver(
      plainMessage({
        from: 'daughter@example.org',
        headers: ['In-Reply-To: <out-ana-1@caredesk.localhost>'],
      }),
    );
    expect(row).toMatchObject({ status: 'threaded', case_id: anaCase.caseId });
  });

  it('never appends a spoofed reply to someone else’s case: a new quarantined case instead', async () => {
    const row = await deliver(
      plainMessage({
        from: 'Bo <bo@example.org>',
        subject: 'Re: your refill',
        headers: [
          'In-Reply-To: <out-ana-1@caredesk.localhost>',
          'References: <out-ana-1@caredesk.localhost>',
        ],
      }),
    );
    expect(anaCase.mails).toEqual([]);
    expect(boCase.mails).toEqual([]);
    expect(row).toMatchObject({ status: 'new-case', reason: 'sender-not-on-case' });
    const opened = mailbox.cases.get(row.case_id!)!;
    expect(opened.quarantined).toBe(true);
    expect(opened.mails[0]).toMatchObject({ from: 'bo@example.org', senderOnFile: false });
  });

  it('holds an executable without opening a case', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
    const row = await deliver(withAttachment(exe, 'results.pdf', 'application/pdf', 'Results'));
    expect(row).toMatchObject({
      status: 'quarantined',
      reason: 'executable-attachment',
      case_id: null,
      subject: 'Results',
      from_address: 'ana@example.org',
    });
    expect(mailbox.openCalls + mailbox.appendCalls).toBe(0);
  });

  it('holds auto-replies and bounces, which would otherwise loop', async () => {
    const auto = await deliver(
      plainMessage({ from: 'ana@example.org', headers: ['Auto-Submitted: auto-replied'] }),
      [`reply+${TOKEN}@${DOMAIN}`],
    );
    expect(auto).toMatchObject({ status: 'quarantined', reason: 'auto-submitted' });
    const bounce = await deliver(
      plainMessage({ from: 'mailer-daemon@example.org' }),
      undefined,
      null,
    );
    expect(bounce).toMatchObject({ status: 'quarantined', reason: 'auto-submitted' });
    expect(anaCase.mails).toEqual([]);
  });

  it('is safe to redeliver: a crash after the case write adds nothing twice', async () => {
    const { id } = await acceptInboundMail(t.database, clock, {
      organizationId: ORG,
      raw: Buffer.from(plainMessage({ from: 'ana@example.org' })),
      envelopeFrom: 'ana@example.org',
      envelopeTo: [`reply+${TOKEN}@${DOMAIN}`],
      remoteAddress: null,
    });
    // First delivery appended, then the worker died before recording the outcome.
    await threadInboundMail(deps(), (await loadInboundMail(t.database.db, id))!);
    expect((await runner().runOnce()).done).toBe(1);
    expect(mailbox.appendCalls).toBe(2);
    expect(anaCase.mails).toHaveLength(1);
    // A third, late delivery of a processed message does nothing at all.
    await processInboundMailJob(deps())(
      { inboundMailId: id },
      {
        jobId: 1,
        attempt: 3,
        kind: PROCESS_INBOUND_MAIL,
        dedupeKey: null,
      },
    );
    expect(mailbox.appendCalls).toBe(2);
  });

  it('retries while the case store is down, then holds the message for a person', async () => {
    mailbox.failWith = new Error('case store unavailable');
    const { id } = await acceptInboundMail(t.database, clock, {
      organizationId: ORG,
      raw: Buffer.from(plainMessage({ from: 'new@example.org' })),
      envelopeFrom: 'new@example.org',
      envelopeTo: ['help@caredesk.localhost'],
      remoteAddress: null,
    });
    const r = runner();
    for (let attempt = 1; attempt < PROCESS_INBOUND_MAIL_ATTEMPTS; attempt++) {
      expect((await r.runOnce()).retried).toBe(1);
      expect((await loadInboundMail(t.database.db, id))?.status).toBe('received');
      clock.advance(3_600_000);
    }
    expect((await r.runOnce()).done).toBe(1);
    expect(await loadInboundMail(t.database.db, id)).toMatchObject({
      status: 'quarantined',
      reason: 'processing-failed',
      case_id: null,
    });
    expect(mailbox.openCalls).toBe(PROCESS_INBOUND_MAIL_ATTEMPTS);
  });
});
