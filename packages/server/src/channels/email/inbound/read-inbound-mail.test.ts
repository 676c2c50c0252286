import { describe, expect, it } from 'vitest';
import { readInboundMail } from './read-inbound-mail';
import { sanitizeMailHtml } from './sanitize-mail-html';
import {
  charsetMail,
  htmlMail,
  malformedMessages,
  manyParts,
  nestedMultipart,
  withAttachment,
} from './testing/hostile-mail';
import { plainMessage } from './testing/send-raw';

const read = (raw: string | Buffer) =>
  readInboundMail(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw);

describe('reading an inbound message', () => {
  it('gives the sender, subject, text, ids and recipients a case needs', async () => {
    const mail = await read(
      plainMessage({
        from: '"Ana Bērziņa" <Ana@Example.ORG>',
        to: 'Help <reply+abcdefghijklmnopqrstuvwxyz@caredesk.localhost>',
        subject: 'Re: refill [ref:abcdefghijklmnopqrstuvwxyz]',
        messageId: '<reply-1@example.org>',
        headers: [
          'In-Reply-To: <out-1@caredesk.localhost>',
          'Delivered-To: help@riverside.example',
        ],
        body: 'Paldies!',
      }),
    );
    expect(mail).toMatchObject({
      suspicion: null,
      from: 'ana@example.org',
      fromName: 'Ana Bērziņa',
      subject: 'Re: refill [ref:abcdefghijklmnopqrstuvwxyz]',
      text: 'Paldies!',
      safeHtml: null,
      messageId: '<reply-1@example.org>',
      inReplyTo: '<out-1@caredesk.localhost>',
      autoSubmitted: false,
      attachments: [],
    });
    expect(mail.recipients).toEqual([
      'help@riverside.example',
      'reply+abcdefghijklmnopqrstuvwxyz@caredesk.localhost',
    ]);
  });

  it('keeps only text formatting of HTML: no script, handler, style, image, link or form', async () => {
    const mail = await read(
      htmlMail(
        [
          '<p style="color:red" onclick="steal()">Hello <b>doctor</b></p>',
          '<script>alert(1)</script><style>p{display:none}</style>',
          '<img src="https://tracker.example/pixel.gif" onerror="alert(2)">',
          '<a href="javascript:alert(3)">click</a> <a href="https://phish.example">here</a>',
          '<form action="https://evil.example"><input name="ssn"><button>Send</button></form>',
          '<iframe src="https://evil.example">frame text</iframe><svg onload="x()"><text>s</text></svg>',
          '<table><tr><td colspan="2" onmouseover="x()">cell</td></tr></table>',
        ].join(''),
      ),
    );
    expect(mail.safeHtml).toBe(
      '<p>Hello <b>doctor</b></p>click here' +
        'Send<table><tr><td colspan="2">cell</td></tr></table>',
    );
    expect(mail.text).toBe('Plain version.');
  });

  it('makes plain text from an HTML-only message', async () => {
    const mail = await read(
      htmlMail(
        '<p>Only <i>HTML</i> here &amp; there</p><ul><li>one</li><li>two &#x2713;</li></ul>',
        true,
      ),
    );
    expect(mail.text).toBe('Only HTML here & there\none\ntwo ✓');
    expect(mail.safeHtml).toBe(
      '<p>Only <i>HTML</i> here &amp; there</p><ul><li>one</li><li>two ✓</li></ul>',
    );
  });

  it('decodes legacy charsets and survives unknown or lying ones', async () => {
    const latvian = await read(
      charsetMail('windows-1257', Buffer.from('m\xeen\xe7 z\xe2\xf0u recepte', 'latin1')),
    );
    expect(latvian.text).toBe('mīnē zāšu recepte');
    const unknown = await read(charsetMail('x-no-such-charset', Buffer.from('caf\xe9', 'latin1')));
    expect(unknown.suspicion).toBeNull();
    expect(unknown.text).toMatch(/^caf/);
    const lying = await read(charsetMail('utf-8', Buffer.from('Gr\xfc\xdfe', 'latin1')));
    expect(lying.suspicion).toBeNull();
    expect(lying.text).toMatch(/^Gr/);
  });

  it('quarantines multiparts nested too deep or too many, without parsing them', async () => {
    expect((await read(nestedMultipart(10))).suspicion).toBeNull();
    expect((await read(nestedMultipart(60))).suspicion).toBe('too-deeply-nested');
    expect((await read(manyParts(50))).suspicion).toBeNull();
    expect((await read(manyParts(1000))).suspicion).toBe('too-many-parts');
  });

  it('quarantines a program however it is named, and neutralises HTML and SVG files', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const disguised = await read(withAttachment(exe, 'lab-results.pdf'));
    expect(disguised.suspicion).toBe('executable-attachment');
    expect(disguised.attachments).toEqual([]);
    expect(disguised.withheld).toEqual(['lab-results.pdf']);
    const script = await read(withAttachment(Buffer.from('echo hi'), 'run.bat', 'text/plain'));
    expect(script.suspicion).toBe('executable-attachment');

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const picture = await read(withAttachment(svg, 'chart.png', 'image/png'));
    expect(picture.suspicion).toBeNull();
    expect(picture.attachments).toMatchObject([
      { filename: 'chart.png', contentType: 'text/plain', size: svg.length },
    ]);
    const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\n', 'latin1');
    const real = await read(withAttachment(pdf, '../../etc/passwd\u202egpj.pdf', 'image/jpeg'));
    expect(real.attachments).toMatchObject([
      { filename: 'passwdgpj.pdf', contentType: 'application/pdf', size: pdf.length },
    ]);
    expect(real.attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('recognises auto-replies and bounce reports', async () => {
    const auto = await read(plainMessage({ headers: ['Auto-Submitted: auto-replied'] }));
    expect(auto.autoSubmitted).toBe(true);
    const human = await read(plainMessage({ headers: ['Auto-Submitted: no'] }));
    expect(human.autoSubmitted).toBe(false);
    const bulk = await read(plainMessage({ headers: ['Precedence: bulk'] }));
    expect(bulk.autoSubmitted).toBe(true);
  });

  it.each(Object.entries(malformedMessages()))('never throws on %s', async (_name, raw) => {
    const mail = await readInboundMail(raw);
    expect(typeof mail.text).toBe('string');
    expect(mail.safeHtml ?? '').not.toMatch(/<script|onerror|javascript:/i);
  });

  it('returns null for HTML too large to sanitise, leaving the text', async () => {
    expect(await sanitizeMailHtml(`<p>${'a'.repeat(3 * 1024 * 1024)}</p>`)).toBeNull();
  });
});
