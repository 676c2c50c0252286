import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Nodemailer from 'nodemailer';
import { redactUrl } from '../../../storage/database';

/** One message as CareDesk sends it. Addresses are plain `local@domain` strings. */
export interface OutboundMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /** Canonical `<id@domain>`; fixed per job, so a resend after a crash is recognisable. */
  messageId: string;
  date: Date;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  replyTo?: string | undefined;
  /** Extra header fields, e.g. Auto-Submitted (RFC 3834) on notifications. */
  headers?: Record<string, string> | undefined;
}

/** Where outbound mail goes: a real SMTP server, or files for development. */
export interface MailSender {
  send(mail: OutboundMail): Promise<{ accepted: string[]; response: string }>;
  close(): void;
  /** For logs and the start-up banner; never shows a password. */
  readonly description: string;
}

function mailOptions(mail: OutboundMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html === undefined ? {} : { html: mail.html }),
    messageId: mail.messageId,
    date: mail.date,
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references?.length ? { references: mail.references } : {}),
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    ...(mail.headers ? { headers: mail.headers } : {}),
  };
}

/**
 * Real SMTP (nodemailer). The URL carries host, port, TLS (smtps://, or STARTTLS when the
 * server offers it) and credentials, e.g. smtp://user:pass@smtp.example.org:587.
 */
export function smtpSender(url: string): MailSender {
  const transport = lazyTransport((nodemailer) => nodemailer.createTransport(url));
  return {
    description: redactUrl(url),
    send: async (mail) => {
      const info = await (await transport.get()).sendMail(mailOptions(mail));
      return { accepted: info.accepted.map(String), response: info.response };
    },
    close: () => transport.close(),
  };
}

/**
 * A transport made on the first message, not at start-up: nodemailer is loaded only then
 * (it was a tenth of the server's start-up, and many servers send no mail for a while).
 */
function lazyTransport<T extends { close(): void }>(make: (nodemailer: typeof Nodemailer) => T) {
  let made: Promise<T> | null = null;
  return {
    get: () => (made ??= import('nodemailer').then((nodemailer) => make(nodemailer))),
    close: () => {
      if (made) void made.then((t) => t.close());
    },
  };
}

/**
 * Development without a mail server: each message becomes an .eml file in `dir`, named by
 * its Message-ID so that a resent job overwrites its own file instead of adding one. Any
 * mail client opens them.
 */
export function fileSender(dir: string): MailSender {
  const transport = lazyTransport((nodemailer) =>
    nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'crlf' }),
  );
  return {
    description: `files in ${dir}`,
    send: async (mail) => {
      const info = await (await transport.get()).sendMail(mailOptions(mail));
      // buffer: true makes the message a Buffer (the typings allow a stream as well).
      if (!Buffer.isBuffer(info.message)) throw new Error('expected the message as a Buffer');
      mkdirSync(dir, { recursive: true });
      const name = mail.messageId.replace(/[^A-Za-z0-9._@-]/g, '_');
      // Written whole or not at all: a reader never sees half a message.
      const temp = join(dir, `.${name}.${randomUUID()}.tmp`);
      writeFileSync(temp, info.message);
      renameSync(temp, join(dir, `${name}.eml`));
      return { accepted: [mail.to], response: `250 written to ${name}.eml` };
    },
    close: () => undefined,
  };
}

/** The sender the settings ask for: SMTP_URL, or .eml files under dataDir/outbox-mail. */
export function mailSenderFor(config: {
  smtpUrl?: string | undefined;
  dataDir: string;
}): MailSender {
  return config.smtpUrl
    ? smtpSender(config.smtpUrl)
    : fileSender(join(config.dataDir, 'outbox-mail'));
}
