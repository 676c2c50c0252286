import { createHash } from 'node:crypto';
import { canonicalMessageId, type Clock } from '@caredesk/core';
import { enqueue } from '../../../jobs';
import { insertInboundMail } from '../../../storage/channels/inbound-mail-store';
import type { Database } from '../../../storage/database';

/** Job kind: parse, check and thread one stored inbound message. */
export const PROCESS_INBOUND_MAIL = 'mail.inbound.process';

export interface InboundMailJob {
  inboundMailId: string;
}

/**
 * Deliveries before processing gives up and quarantines the message ('processing-failed')
 * for a person to look at. With the runner's exponential backoff that is about 4 minutes.
 */
export const PROCESS_INBOUND_MAIL_ATTEMPTS = 8;

export interface ReceivedMail {
  organizationId: string;
  raw: Buffer;
  /** MAIL FROM; null for the null reverse-path `<>` of bounces. */
  envelopeFrom: string | null;
  envelopeTo: string[];
  remoteAddress: string | null;
}

/**
 * Keeps a received message: the raw bytes and the job that will process them commit in one
 * transaction, and only then may the listener answer 250. A failure here must reach the
 * sender as a 4xx so it retries — the message is never accepted and then lost.
 */
export async function acceptInboundMail(
  database: Database,
  clock: Clock,
  mail: ReceivedMail,
): Promise<{ id: string; duplicate: boolean }> {
  const now = clock.now();
  const sha256 = createHash('sha256').update(mail.raw).digest('hex');
  return database.db.transaction().execute(async (trx) => {
    const stored = await insertInboundMail(
      trx,
      {
        organizationId: mail.organizationId,
        envelopeFrom: mail.envelopeFrom,
        envelopeTo: mail.envelopeTo,
        remoteAddress: mail.remoteAddress,
        messageId: headerMessageId(mail.raw),
        sha256,
        raw: mail.raw,
      },
      now,
    );
    if (!stored.duplicate) {
      await enqueue(
        trx,
        {
          kind: PROCESS_INBOUND_MAIL,
          payload: { inboundMailId: stored.id } satisfies InboundMailJob,
          dedupeKey: `${PROCESS_INBOUND_MAIL}:${stored.id}`,
          maxAttempts: PROCESS_INBOUND_MAIL_ATTEMPTS,
        },
        now,
      );
    }
    return stored;
  });
}

/** How much of a message is searched for its header section. */
const MAX_HEADER_BYTES = 256 * 1024;

/**
 * The Message-ID header, read from the header section alone (RFC 5322 §2.2.3 unfolding)
 * without parsing the MIME body: accepting must stay cheap, parsing happens in the job.
 */
export function headerMessageId(raw: Buffer): string | null {
  const head = raw.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const section = (end < 0 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const line = /^message-id[ \t]*:(.*)$/im.exec(section);
  return line ? canonicalMessageId(line[1]) : null;
}
