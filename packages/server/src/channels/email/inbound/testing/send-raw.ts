import { createTransport } from 'nodemailer';

/** What an SMTP server answered to one message. */
export interface SmtpAnswer {
  ok: boolean;
  /** 250 on success; the reply code of the refusal otherwise (451, 552...). */
  code: number | null;
  response: string;
  rejected: string[];
}

/**
 * Sends raw message bytes over real SMTP (nodemailer's client) to a listener on
 * 127.0.0.1, exactly as given: no header is added or rewritten.
 */
export async function sendRaw(
  port: number,
  raw: Buffer | string,
  envelope: { from: string; to: string[] } = {
    from: 'patient@example.org',
    to: ['help@caredesk.localhost'],
  },
): Promise<SmtpAnswer> {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return {
      ok: true,
      code: Number(/^(\d{3})/.exec(info.response)?.[1] ?? 0),
      response: info.response,
      rejected: info.rejected.map(String),
    };
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; message?: string };
    return {
      ok: false,
      code: e.responseCode ?? null,
      response: e.response ?? e.message ?? '',
      rejected: [],
    };
  } finally {
    transport.close();
  }
}

/** A plain message; `headers` are written as given, before the standard ones. */
export function plainMessage(opts: {
  from?: string;
  to?: string;
  subject?: string;
  body?: string;
  messageId?: string;
  headers?: string[];
}): string {
  const lines = [
    ...(opts.headers ?? []),
    `From: ${opts.from ?? 'Ana Patient <ana@example.org>'}`,
    `To: ${opts.to ?? 'help@caredesk.localhost'}`,
    `Subject: ${opts.subject ?? 'Question about my refill'}`,
    `Message-ID: ${opts.messageId ?? `<${Math.random().toString(36).slice(2)}@example.org>`}`,
    'Date: Mon, 02 Mar 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    opts.body ?? 'Hello, when can I collect my inhaler?',
    '',
  ];
  return lines.join('\r\n');
}
