import { randomUUID } from 'node:crypto';
import { replyAddress, subjectMarker, REPLY_TOKEN_LENGTH, type Clock } from '@caredesk/core';
import { z } from 'zod';
import type { JobHandler } from '../../../jobs';
import type { MailSender } from './mail-sender';

/** Job kind: send one e-mail. Payload: SendEmailPayload. */
export const SEND_EMAIL = 'email.send';

// One address, no display name and no line breaks: nothing a header could be smuggled in.
const address = z
  .string()
  .max(320)
  .regex(/^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+$/, 'one plain e-mail address');
const messageId = z
  .string()
  .max(998)
  .regex(/^<[^<>\s]+@[^<>\s]+>$/, 'a Message-ID <id@host>');

export const sendEmailPayload = z
  .object({
    to: address,
    subject: z.string().max(998),
    text: z.string().max(1_000_000),
    /** Our own HTML (a template), never HTML that came in by mail. */
    html: z.string().max(2_000_000).nullish(),
    /**
     * Fix it when enqueueing (newMessageId) and store it with the case message: replies
     * carry it in In-Reply-To/References, which is how they find their case. Without one
     * the job id gives a stable id.
     */
    messageId: messageId.nullish(),
    inReplyTo: messageId.nullish(),
    references: z.array(messageId).max(50).nullish(),
    /** The case's reply token: Reply-To becomes reply+<token>@mailDomain, the subject gets [ref:…]. */
    replyToken: z
      .string()
      .regex(new RegExp(`^[a-z2-7]{${REPLY_TOKEN_LENGTH}}$`))
      .nullish(),
  })
  .strict();

export type SendEmailPayload = z.input<typeof sendEmailPayload>;

/** A fresh Message-ID in CareDesk's mail domain (RFC 5322 §3.6.4). */
export function newMessageId(mailDomain: string): string {
  return `<${randomUUID()}@${mailDomain}>`;
}

export interface SendEmailDeps {
  sender: MailSender;
  /** The From header. */
  mailFrom: string;
  mailDomain: string;
  clock: Clock;
}

/**
 * The `email.send` job (issue #5 point 4: outbound through the outbox). At least once: a
 * crash after the server's 250 but before the job is marked done sends again, with the
 * same Message-ID, which mail stores and clients use to drop the duplicate. An SMTP
 * failure throws, so the runner retries with backoff and finally dead-letters the job.
 */
export function sendEmailJob(deps: SendEmailDeps): JobHandler {
  return async (payload, ctx) => {
    const p = sendEmailPayload.parse(payload);
    const id = p.messageId ?? `<job-${ctx.jobId}@${deps.mailDomain}>`;
    const marker = p.replyToken ? subjectMarker(p.replyToken) : null;
    await deps.sender.send({
      from: deps.mailFrom,
      to: p.to,
      subject: marker && !p.subject.includes(marker) ? `${p.subject} ${marker}` : p.subject,
      text: p.text,
      html: p.html ?? undefined,
      messageId: id,
      date: deps.clock.now(),
      inReplyTo: p.inReplyTo ?? undefined,
      references: p.references ?? undefined,
      replyTo: p.replyToken ? replyAddress(p.replyToken, deps.mailDomain) : undefined,
    });
  };
}
