import { findReplyToken } from '@caredesk/core';
import { readInboundMail } from '@caredesk/server/channels/email/inbound/read-inbound-mail';
import { describe, expect, it } from 'vitest';
import { smtpPortFrom } from './desk-mail';
import { encodeHeader, inboundMessage, type MailMix } from './desk-mail-messages';
import { dataSection } from './desk-smtp';

const DOMAIN = 'desk.bench.caredesk.example';
const TOKEN = 'abcdefghijklmnopqrstuvwxyz';
const NOW = new Date('2026-03-02T09:00:00.000Z');

const mix = (over: Partial<MailMix> = {}): MailMix => ({
  mailDomain: DOMAIN,
  runId: 'r1',
  seed: 42,
  replies: [
    {
      token: TOKEN,
      subject: 'Receta de mi inhalador',
      language: 'es',
      from: 'ana.ruiz4@example.org',
    },
  ],
  patients: [{ email: 'ilze.berzina7@example.org', language: 'lv' }],
  ...over,
});

describe('inbound benchmark messages', () => {
  it('mixes replies and new requests about half and half, the same for the same number', () => {
    const kinds = Array.from({ length: 400 }, (_, n) => inboundMessage(mix(), n, NOW).kind);
    const replies = kinds.filter((k) => k === 'reply').length;
    expect(replies).toBeGreaterThan(160);
    expect(replies).toBeLessThan(240);
    expect(inboundMessage(mix(), 7, NOW)).toEqual(inboundMessage(mix(), 7, NOW));
    // Every message is different bytes: the listener would answer a repeat as a duplicate.
    const digests = new Set(
      Array.from({ length: 50 }, (_, n) => inboundMessage(mix(), n, NOW).raw.toString('base64')),
    );
    expect(digests.size).toBe(50);
  });

  it("writes a reply to the case's reply address that the product reads back to its token", async () => {
    const reply = Array.from({ length: 20 }, (_, n) => inboundMessage(mix(), n, NOW)).find(
      (m) => m.kind === 'reply',
    )!;
    expect(reply.envelope).toEqual({
      from: 'ana.ruiz4@example.org',
      to: [`reply+${TOKEN}@${DOMAIN}`],
    });
    const read = await readInboundMail(reply.raw);
    expect(read.suspicion).toBeNull();
    expect(read.from).toBe('ana.ruiz4@example.org');
    expect(read.subject).toBe(`Re: Receta de mi inhalador [ref:${TOKEN}]`);
    expect(read.inReplyTo).toMatch(new RegExp(`^<${TOKEN}\\.\\d@${DOMAIN}>$`));
    expect(findReplyToken(read.recipients, read.subject, DOMAIN)).toBe(TOKEN);
    expect(findReplyToken([], read.subject, DOMAIN)).toBe(TOKEN);
    expect(read.text).toContain('\n> ');
  });

  it('writes new requests from patients on file, some from strangers, in their language', async () => {
    const fresh = Array.from({ length: 200 }, (_, n) =>
      inboundMessage(mix({ replies: [] }), n, NOW),
    );
    expect(fresh.every((m) => m.kind === 'new')).toBe(true);
    const strangers = fresh.filter((m) => m.envelope.from !== 'ilze.berzina7@example.org');
    expect(strangers.length).toBeGreaterThan(5);
    expect(strangers.length).toBeLessThan(40);
    expect(strangers[0]!.envelope.from).toMatch(/^writer\.r1\.\d+@mail\.example\.net$/);
    const patient = fresh.find((m) => m.envelope.from === 'ilze.berzina7@example.org')!;
    expect(patient.envelope.to).toEqual([`help@${DOMAIN}`]);
    const read = await readInboundMail(patient.raw);
    expect(read.suspicion).toBeNull();
    expect(read.messageId).toMatch(/^<r1\.\d+@mail\.patient\.example>$/);
    // Latvian subject and body survive the RFC 2047 header and the 8bit body.
    expect(read.subject).toMatch(/[āēīūšžņļķģč]/i);
    expect(read.text).toMatch(/[āēīūšžņļķģč]/i);
    expect(findReplyToken(read.recipients, read.subject, DOMAIN)).toBeNull();
  });

  it('sends half the messages with an HTML part, which the product sanitises', async () => {
    const messages = Array.from({ length: 40 }, (_, n) => inboundMessage(mix(), n, NOW));
    const html = messages.filter((m) => m.raw.includes('multipart/alternative'));
    expect(html.length).toBeGreaterThan(10);
    expect(html.length).toBeLessThan(30);
    const read = await readInboundMail(html[0]!.raw);
    expect(read.safeHtml).toMatch(/<p>/);
    expect(read.text.length).toBeGreaterThan(20);
  });

  it('encodes non-ASCII header text in words under the 75-character limit', () => {
    expect(encodeHeader('Question about my bill')).toBe('Question about my bill');
    const long = 'Palīdzība ar apdrošināšanas pieteikumu un rēķinu par pēdējo vizīti slimnīcā';
    const encoded = encodeHeader(long);
    const words = encoded.split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    const decoded = words
      .map((w) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(w)![1]!, 'base64'))
      .reduce((a, b) => Buffer.concat([a, b]));
    expect(decoded.toString('utf8')).toBe(long);
  });
});

describe('SMTP helpers', () => {
  it('dot-stuffs lines that start with a dot and ends the data with the dot line', () => {
    const raw = Buffer.from('Subject: x\r\n\r\n.hidden\r\nmid.dle\r\n..two\r\nend', 'utf8');
    expect(dataSection(raw).toString('utf8')).toBe(
      'Subject: x\r\n\r\n..hidden\r\nmid.dle\r\n...two\r\nend\r\n.\r\n',
    );
    const utf8 = Buffer.from('.Grüße ✓\r\n', 'utf8');
    expect(dataSection(utf8).equals(Buffer.from('..Grüße ✓\r\n.\r\n', 'utf8'))).toBe(true);
  });

  it("reads the SMTP port from the server's start-up banner", () => {
    const banner =
      '\nCareDesk is ready at http://localhost:4100  (SQLite /x, started in 900 ms)\n' +
      '  Staff console:  http://localhost:4100/console\n' +
      '  Inbound mail:   smtp://127.0.0.1:42317\n';
    expect(smtpPortFrom(banner)).toBe(42317);
    expect(smtpPortFrom('CareDesk is ready at http://localhost:4100\n')).toBeNull();
  });
});
