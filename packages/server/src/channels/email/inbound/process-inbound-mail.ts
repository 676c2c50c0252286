import {
  decideThreading,
  findReplyToken,
  referencedMessageIds,
  type Clock,
  type QuarantineReason,
} from '@caredesk/core';
import type { JobHandler } from '../../../jobs';
import {
  loadInboundMail,
  recordOutcome,
  type InboundMailRow,
  type MailOutcome,
} from '../../../storage/channels/inbound-mail-store';
import type { Database } from '../../../storage/database';
import { PROCESS_INBOUND_MAIL_ATTEMPTS, type InboundMailJob } from './accept-mail';
import type { CaseMailbox, InboundMailContent } from './case-mailbox';
import { readInboundMail, type ReadMail } from './read-inbound-mail';

export interface InboundMailDeps {
  database: Database;
  clock: Clock;
  mailbox: CaseMailbox;
  /** The domain of reply addresses, `reply+<token>@mailDomain`. */
  mailDomain: string;
}

/** What a case receives of a read message. */
export function mailContent(
  row: Pick<InboundMailRow, 'id' | 'received_at'>,
  mail: ReadMail,
  senderOnFile: boolean,
): InboundMailContent {
  return {
    inboundMailId: row.id,
    from: mail.from ?? '',
    fromName: mail.fromName,
    subject: mail.subject,
    text: mail.text,
    safeHtml: mail.safeHtml,
    messageId: mail.messageId,
    receivedAt: new Date(row.received_at),
    senderOnFile,
    attachments: mail.attachments,
  };
}

function held(mail: ReadMail, reason: QuarantineReason): MailOutcome {
  return { status: 'quarantined', reason, caseId: null, ...shown(mail) };
}

function shown(mail: ReadMail): Pick<MailOutcome, 'fromAddress' | 'subject'> {
  return { fromAddress: mail.from, subject: mail.subject === '' ? null : mail.subject };
}

/**
 * Threads one stored message (issue #5 points 4 and 10): reply token first, then
 * Message-ID references, then a new case; the rules are core's `decideThreading`.
 */
export async function threadInboundMail(
  deps: InboundMailDeps,
  row: InboundMailRow,
): Promise<MailOutcome> {
  const mail = await readInboundMail(row.raw);
  const org = row.organization_id;
  const envelopeTo = JSON.parse(row.envelope_to) as string[];
  const token = findReplyToken([...envelopeTo, ...mail.recipients], mail.subject, deps.mailDomain);
  const tokenCase = token ? await deps.mailbox.findByReplyToken(org, token) : null;
  const ids = referencedMessageIds(mail.inReplyTo, mail.references);
  const referencedCase =
    tokenCase === null && ids.length > 0 ? await deps.mailbox.findByMessageIds(org, ids) : null;
  const decision = decideThreading({
    sender: mail.from,
    tokenCase,
    referencedCase,
    // A bounce comes from the null reverse-path (RFC 5321 §4.5.5).
    autoSubmitted: mail.autoSubmitted || row.envelope_from === null,
    suspicion: mail.suspicion,
  });
  switch (decision.kind) {
    case 'append':
      await deps.mailbox.append(
        org,
        decision.caseId,
        mailContent(row, mail, decision.senderOnFile),
      );
      return {
        status: 'threaded',
        // Flagged, so an admin listing threaded mail from strangers finds it.
        reason: decision.senderOnFile ? null : ('sender-not-on-case' satisfies QuarantineReason),
        caseId: decision.caseId,
        ...shown(mail),
      };
    case 'new-case': {
      const { caseId } = await deps.mailbox.open(org, mailContent(row, mail, true), false);
      return { status: 'new-case', reason: null, caseId, ...shown(mail) };
    }
    case 'quarantine': {
      if (!decision.openCase) return held(mail, decision.reason);
      const { caseId } = await deps.mailbox.open(org, mailContent(row, mail, false), true);
      return { status: 'new-case', reason: decision.reason, caseId, ...shown(mail) };
    }
  }
}

function jobPayload(payload: unknown): InboundMailJob {
  const id = (payload as Partial<InboundMailJob> | null)?.inboundMailId;
  if (typeof id !== 'string') throw new TypeError('mail.inbound.process: no inboundMailId');
  return { inboundMailId: id };
}

/**
 * The `mail.inbound.process` job. Redelivery is harmless: a message already processed is
 * left alone, and the mailbox port dedupes on the message id. When processing keeps failing
 * the last attempt quarantines the message ('processing-failed') instead of dead-lettering
 * it, so a person sees it in the quarantine rather than in a job table.
 */
export function processInboundMailJob(deps: InboundMailDeps): JobHandler {
  return async (payload, ctx) => {
    const { inboundMailId } = jobPayload(payload);
    const row = await loadInboundMail(deps.database.db, inboundMailId);
    if (!row || row.status !== 'received') return;
    let outcome: MailOutcome;
    try {
      outcome = await threadInboundMail(deps, row);
    } catch (error) {
      if (ctx.attempt < PROCESS_INBOUND_MAIL_ATTEMPTS) throw error;
      outcome = {
        status: 'quarantined',
        reason: 'processing-failed' satisfies QuarantineReason,
        caseId: null,
        fromAddress: null,
        subject: null,
      };
    }
    await recordOutcome(deps.database.db, inboundMailId, outcome, deps.clock.now());
  };
}
