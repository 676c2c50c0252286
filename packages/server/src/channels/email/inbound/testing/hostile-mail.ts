/**
 * Messages for the bad-input tests (issue #5 points 4 and 10; security brief §2): each is
 * what a broken mailer or an attacker really sends, built as raw bytes.
 */

const CRLF = '\r\n';

function head(subject: string, extra: string[] = []): string[] {
  return [
    'From: Ana Patient <ana@example.org>',
    'To: help@caredesk.localhost',
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2)}@example.org>`,
    'Date: Mon, 02 Mar 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    ...extra,
  ];
}

/** Multiparts nested `depth` levels deep, a text part at the bottom. */
export function nestedMultipart(depth: number): string {
  const lines = head(`nested ${depth}`, ['Content-Type: multipart/mixed; boundary="b0"', '']);
  for (let i = 1; i < depth; i++) {
    lines.push(`--b${i - 1}`, `Content-Type: multipart/mixed; boundary="b${i}"`, '');
  }
  lines.push(`--b${depth - 1}`, 'Content-Type: text/plain', '', 'bottom');
  for (let i = depth - 1; i >= 0; i--) lines.push(`--b${i}--`);
  return lines.join(CRLF) + CRLF;
}

/** One multipart with `parts` text parts. */
export function manyParts(parts: number): string {
  const lines = head(`${parts} parts`, ['Content-Type: multipart/mixed; boundary="p"', '']);
  for (let i = 0; i < parts; i++) lines.push('--p', 'Content-Type: text/plain', '', `part ${i}`);
  lines.push('--p--');
  return lines.join(CRLF) + CRLF;
}

/** A text body plus one base64 attachment. */
export function withAttachment(
  content: Buffer,
  filename: string,
  declaredType = 'application/pdf',
  subject = 'attachment',
): string {
  const b64 = content.toString('base64').replace(/.{76}/g, `$&${CRLF}`);
  return (
    [
      ...head(subject, ['Content-Type: multipart/mixed; boundary="a"', '']),
      '--a',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please see the attached file.',
      '--a',
      `Content-Type: ${declaredType}; name="${filename}"`,
      `Content-Disposition: attachment; filename="${filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      b64,
      '--a--',
    ].join(CRLF) + CRLF
  );
}

/** An HTML body, with a plain alternative unless `htmlOnly`. */
export function htmlMail(html: string, htmlOnly = false, subject = 'html'): string {
  const alt = htmlOnly
    ? []
    : ['--h', 'Content-Type: text/plain; charset=utf-8', '', 'Plain version.'];
  return (
    [
      ...head(subject, ['Content-Type: multipart/alternative; boundary="h"', '']),
      ...alt,
      '--h',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '--h--',
    ].join(CRLF) + CRLF
  );
}

/** A body in `charset`, the bytes given (so a lying label can be tested). */
export function charsetMail(charset: string, body: Buffer, subject = 'charset'): Buffer {
  const header = [
    ...head(subject, [
      `Content-Type: text/plain; charset=${charset}`,
      'Content-Transfer-Encoding: 8bit',
    ]),
    '',
    '',
  ].join(CRLF);
  return Buffer.concat([Buffer.from(header, 'latin1'), body, Buffer.from(CRLF)]);
}

/** The MIME horrors of the bad-input suite, by name. */
export function malformedMessages(): Record<string, Buffer> {
  const latin1 = (s: string) => Buffer.from(s, 'latin1');
  return {
    'no header separator': latin1('this is not a message at all, just words'),
    'binary garbage': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    'boundary never closed': latin1(
      [
        ...head('unclosed', ['Content-Type: multipart/mixed; boundary="never"', '']),
        '--never',
        'Content-Type: text/plain',
        '',
        'the closing boundary never comes',
      ].join(CRLF),
    ),
    'boundary missing from the header': latin1(
      [...head('no boundary', ['Content-Type: multipart/mixed', '']), '--x', '', 'body'].join(CRLF),
    ),
    'bad base64': latin1(
      [
        ...head('bad base64', [
          'Content-Type: text/plain',
          'Content-Transfer-Encoding: base64',
          '',
        ]),
        '!!!! not base64 at all ####',
      ].join(CRLF),
    ),
    'bad quoted-printable': latin1(
      [
        ...head('bad qp', [
          'Content-Type: text/plain',
          'Content-Transfer-Encoding: quoted-printable',
          '',
        ]),
        '=ZZ=4=\r\n=',
      ].join(CRLF),
    ),
    'unknown charset': charsetMail('x-no-such-charset', latin1('caf\xe9'), 'unknown charset'),
    'charset label lies (UTF-8 label, Latin-1 bytes)': charsetMail(
      'utf-8',
      latin1('Gr\xfc\xdfe aus R\xeega'),
      'lying charset',
    ),
    'windows-1257 Latvian': charsetMail(
      'windows-1257',
      latin1('Labdien, m\xeen\xe7 z\xe2\xf0u recepte'),
      'windows-1257',
    ),
    '8-bit headers': Buffer.concat([
      Buffer.from('From: J\xfcrgen <j@example.org>\r\n', 'latin1'),
      Buffer.from('To: help@caredesk.localhost\r\nSubject: Sveiki, ārst — ünïcödé ✓\r\n', 'utf8'),
      Buffer.from('Subject: second subject \xff\xfe\r\n\r\nbody\r\n', 'latin1'),
    ]),
    'encoded-word with an unknown charset': latin1(
      [
        'From: =?x-unknown?B?QW5h?= <ana@example.org>',
        'To: help@caredesk.localhost',
        'Subject: =?utf-8?Q?broken=ZZ?= =?koi8-r?B?9MXT1A==?=',
        '',
        'body',
      ].join(CRLF),
    ),
    'header line of 64 KB': latin1(
      [...head('long header', [`X-Long: ${'a'.repeat(64 * 1024)}`, '']), 'body'].join(CRLF),
    ),
    'NUL bytes and bidi overrides': Buffer.from(
      [
        ...head('nul', ['Content-Type: text/plain; charset=utf-8', '']),
        'a\u0000b\u202ecod.exe',
      ].join(CRLF),
      'utf8',
    ),
    'script in every text field': Buffer.from(
      htmlMail(
        '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a>',
        true,
        '<script>alert("subject")</script>',
      ).replace('Ana Patient', '"<img src=x onerror=alert(4)>"'),
      'utf8',
    ),
  };
}
