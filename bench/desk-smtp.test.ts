import { InboundMailListener } from '@caredesk/server/channels/email/inbound/smtp-listener';
import {
  createTestDatabase,
  type TestDatabase,
} from '@caredesk/server/storage/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundMessage, type MailMix } from './desk-mail-messages';
import { SmtpClient } from './desk-smtp';

const mix: MailMix = {
  mailDomain: 'desk.bench.caredesk.example',
  runId: 'smtp',
  seed: 1,
  replies: [
    {
      token: 'abcdefghijklmnopqrstuvwxyz',
      subject: 'Refill',
      language: 'en',
      from: 'a@example.org',
    },
  ],
  patients: [{ email: 'kari.dahl3@example.org', language: 'nb' }],
};

// The benchmark's client against the product's listener, over real TCP on 127.0.0.1.
describe('the benchmark SMTP client against the inbound listener', () => {
  let t: TestDatabase;
  let listener: InboundMailListener;
  let port: number;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    listener = new InboundMailListener({
      database: t.database,
      clock: { now: () => new Date() },
      organizationId: 'org-bench',
      host: '127.0.0.1',
      port: 0,
      maxBytes: 64 * 1024,
      serverName: 'caredesk.localhost',
    });
    ({ port } = await listener.listen());
  });
  afterAll(async () => {
    await listener.close();
    await t.dispose();
  });

  it('delivers messages back to back on a few connections, stored byte for byte', async () => {
    const sent = new Map<string, Buffer>();
    await Promise.all(
      [0, 1, 2].map(async (c) => {
        const client = await SmtpClient.open('127.0.0.1', port, 'mx.patient.example', 10_000);
        for (let i = 0; i < 5; i++) {
          const m = inboundMessage(mix, c * 100 + i, new Date());
          const reply = await client.send(m.envelope, m.raw);
          expect(reply.code).toBe(250);
          expect(reply.ms).toBeGreaterThan(0);
          const id = /queued as (\S+)/.exec(reply.text)![1]!;
          sent.set(id, m.raw);
        }
        await client.quit();
      }),
    );
    const rows = await t.database.db
      .selectFrom('inbound_mail')
      .select(['id', 'raw', 'envelope_to', 'status'])
      .execute();
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      expect(Buffer.from(row.raw).equals(sent.get(row.id)!)).toBe(true);
      expect(row.status).toBe('received');
    }
  });

  it('keeps a leading dot and reports a refusal without losing the connection', async () => {
    const client = await SmtpClient.open('127.0.0.1', port, 'mx.patient.example', 10_000);
    try {
      const dotted = Buffer.from(
        'From: a@example.org\r\nTo: help@x.example\r\nSubject: dots\r\nMessage-ID: <dot@x>\r\n\r\n.one\r\n..two\r\n',
      );
      expect(
        (await client.send({ from: 'a@example.org', to: ['help@x.example'] }, dotted)).code,
      ).toBe(250);
      const row = await t.database.db
        .selectFrom('inbound_mail')
        .select('raw')
        .where('message_id', '=', '<dot@x>')
        .executeTakeFirstOrThrow();
      expect(Buffer.from(row.raw).equals(dotted)).toBe(true);
      const big = Buffer.from(`Subject: big\r\n\r\n${'x'.repeat(70 * 1024)}\r\n`);
      expect((await client.send({ from: 'a@example.org', to: ['help@x.example'] }, big)).code).toBe(
        552,
      );
      const again = inboundMessage(mix, 999, new Date());
      expect((await client.send(again.envelope, again.raw)).code).toBe(250);
    } finally {
      await client.quit();
    }
  });
});
