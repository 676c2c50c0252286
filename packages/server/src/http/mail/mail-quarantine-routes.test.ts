import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryCaseMailbox } from '../../channels/email/inbound/testing/in-memory-case-mailbox';
import { htmlMail, withAttachment } from '../../channels/email/inbound/testing/hostile-mail';
import { plainMessage, sendRaw } from '../../channels/email/inbound/testing/send-raw';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import { startTestCareDesk } from '../../testing/test-caredesk';
import { TestClock, type Desk } from '../auth/testing/auth-fixtures';

interface Listed {
  items: Array<{ id: string; subject: string | null; reason: string | null; status: string }>;
  nextCursor: string | null;
}

describe('mail quarantine API (real SMTP in, real HTTP out)', () => {
  let desk: Desk;
  let clock: TestClock;
  let admin: Inject;
  let agent: Inject;
  let smtpPort: number;
  const mailbox = new InMemoryCaseMailbox();

  beforeAll(async () => {
    clock = new TestClock();
    desk = await startTestCareDesk({ inboundMailPort: 0 }, clock, { caseMailbox: mailbox });
    ({ port: smtpPort } = await desk.inboundMail.listen());
    admin = (await signedInStaff(desk, clock, ['admin'])).inject;
    agent = (await signedInStaff(desk, clock, ['agent'])).inject;
  }, 60_000);
  afterAll(async () => desk.dispose());

  async function deliver(raw: string): Promise<void> {
    expect((await sendRaw(smtpPort, raw)).code).toBe(250);
    clock.advance(1_000); // distinct received_at, so "newest first" is observable
    await desk.jobs.runOnce();
  }
  const list = async (query = '') =>
    (await admin({ method: 'GET', url: `/api/mail/quarantine${query}` })).json<Listed>();

  it('lists held mail newest first, page by page, to admins only', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
    for (const n of [1, 2, 3]) {
      await deliver(withAttachment(exe, `scan-${n}.pdf`, 'application/pdf', `Held ${n}`));
    }
    const first = await list('?limit=2');
    expect(first.items.map((i) => [i.subject, i.reason, i.status])).toEqual([
      ['Held 3', 'executable-attachment', 'quarantined'],
      ['Held 2', 'executable-attachment', 'quarantined'],
    ]);
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.subject)).toEqual(['Held 1']);
    expect(second.nextCursor).toBeNull();

    const denied = await agent({ method: 'GET', url: '/api/mail/quarantine' });
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    const badCursor = await admin({ method: 'GET', url: '/api/mail/quarantine?cursor=%27%20OR' });
    expect(badCursor.statusCode).toBe(400);
  });

  it('shows headers, the reason and a sanitised body, never raw HTML', async () => {
    const raw = htmlMail(
      '<p onclick="x()">Refill <b>please</b></p><script>alert(1)</script><img src="https://t.example/p.gif">',
      true,
      'Auto reply',
    ).replace('MIME-Version: 1.0', 'MIME-Version: 1.0\r\nAuto-Submitted: auto-replied');
    await deliver(raw);
    const [held] = (await list()).items;
    expect(held).toMatchObject({ subject: 'Auto reply', reason: 'auto-submitted' });
    const res = await admin({ method: 'GET', url: `/api/mail/quarantine/${held!.id}` });
    expect(res.statusCode).toBe(200);
    const detail = res.json<{
      headers: Array<{ name: string; value: string }>;
      safeHtml: string;
      text: string;
      reason: string;
      envelopeTo: string[];
    }>();
    expect(detail.reason).toBe('auto-submitted');
    expect(detail.safeHtml).toBe('<p>Refill <b>please</b></p>');
    expect(res.body).not.toMatch(/<script|onclick|t\.example/);
    expect(detail.text).toBe('Refill please');
    expect(detail.headers).toContainEqual({ name: 'Auto-Submitted', value: 'auto-replied' });
    expect(detail.envelopeTo).toEqual(['help@caredesk.localhost']);
    const missing = await admin({
      method: 'GET',
      url: '/api/mail/quarantine/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('releases held mail into a new case, once, and audits it', async () => {
    await deliver(plainMessage({ subject: 'Out of office', headers: ['Precedence: bulk'] }));
    const [held] = (await list()).items;
    const res = await admin({ method: 'POST', url: `/api/mail/quarantine/${held!.id}/release` });
    expect(res.statusCode).toBe(200);
    const { caseId } = res.json<{ caseId: string }>();
    expect(mailbox.cases.get(caseId)?.mails[0]).toMatchObject({
      inboundMailId: held!.id,
      subject: 'Out of office',
      senderOnFile: false,
    });
    const again = await admin({ method: 'POST', url: `/api/mail/quarantine/${held!.id}/release` });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>()).toMatchObject({ code: 'conflict' });
    expect((await list('?status=released')).items.map((i) => i.id)).toContain(held!.id);
    const entry = await desk.database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('resource_id', '=', held!.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ resource_type: 'InboundMail', outcome: 'success' });
    expect(JSON.parse(entry.detail!)).toEqual({ decision: 'released', caseId });
  });

  it('discards without deleting: the message and its bytes stay, marked and audited', async () => {
    await deliver(plainMessage({ subject: 'Spam', headers: ['Precedence: junk'] }));
    const [held] = (await list()).items;
    const res = await admin({ method: 'POST', url: `/api/mail/quarantine/${held!.id}/discard` });
    expect(res.statusCode).toBe(200);
    const row = await desk.database.db
      .selectFrom('inbound_mail')
      .selectAll()
      .where('id', '=', held!.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'discarded', reason: 'auto-submitted' });
    expect(Buffer.from(row.raw).toString()).toContain('Subject: Spam');
    expect(row.decided_by).not.toBeNull();
    expect((await list()).items.map((i) => i.id)).not.toContain(held!.id);
    expect((await list('?status=discarded')).items.map((i) => i.id)).toEqual([held!.id]);
    const byAgent = await agent({
      method: 'POST',
      url: `/api/mail/quarantine/${held!.id}/discard`,
    });
    expect(byAgent.statusCode).toBe(403);
  });

  it('lists spoofed replies that opened quarantined cases under status=new-case', async () => {
    const target = mailbox.addCase(desk.organizationId, {
      allowedSenders: ['ana@example.org'],
      messageIds: ['<out-1@caredesk.localhost>'],
    });
    await deliver(
      plainMessage({
        from: 'mallory@evil.example',
        subject: 'Re: your results',
        headers: ['In-Reply-To: <out-1@caredesk.localhost>'],
      }),
    );
    const flagged = await list('?status=new-case');
    expect(flagged.items).toMatchObject([
      { subject: 'Re: your results', reason: 'sender-not-on-case', status: 'new-case' },
    ]);
    expect(target.mails).toEqual([]);
  });
});
