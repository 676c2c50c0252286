import { createHash } from 'node:crypto';
import { DomainError, type Clock } from '@caredesk/core';
import type { RequestAudit } from '../../../access/request-audit';
import {
  findInboundMail,
  listInboundMail,
  loadInboundMail,
  recordDecision,
  type InboundMailPage,
  type InboundMailSummary,
} from '../../../storage/channels/inbound-mail-store';
import type { InboundMailStatus } from '../../../storage/channels/mail-tables';
import type { Database } from '../../../storage/database';
import type { CaseMailbox, InboundAttachment } from './case-mailbox';
import { mailContent } from './process-inbound-mail';
import { readInboundMail } from './read-inbound-mail';
import { rawHeaderFields, type HeaderField } from './raw-headers';

/** The lists an admin can open: held mail, and decided or flagged mail for the record. */
export const QUARANTINE_VIEWS = ['quarantined', 'released', 'discarded', 'new-case', 'threaded'];
export type QuarantineView = 'quarantined' | 'released' | 'discarded' | 'new-case' | 'threaded';

export interface QuarantinedMailDetail {
  summary: InboundMailSummary;
  headers: HeaderField[];
  text: string;
  safeHtml: string | null;
  attachments: Array<Omit<InboundAttachment, 'content'>>;
  /** Names of program attachments that will never reach a case. */
  withheld: string[];
}

const notFound = () =>
  new DomainError('not-found', 'problem.not-found', 'No such message in the quarantine.');
const alreadyDecided = () =>
  new DomainError(
    'conflict',
    'mail.quarantine.already-decided',
    'This message is no longer in the quarantine.',
  );

/** Structural reasons: the message was never fully parsed, so its case gets the original. */
const UNREAD = new Set(['unparseable', 'too-deeply-nested', 'too-many-parts']);

/**
 * The mail quarantine for admins (permission mail.quarantine; issue #5 point 4): see what
 * was held and why, release it into a new case, or discard it. Nothing is deleted: a
 * discarded message keeps its row and raw bytes, and every decision is audited in the same
 * transaction that records it.
 */
export class MailQuarantine {
  constructor(private readonly deps: { database: Database; clock: Clock; mailbox: CaseMailbox }) {}

  list(
    organizationId: string,
    options: { view: QuarantineView; limit: number; cursor?: string },
  ): Promise<InboundMailPage> {
    const status: InboundMailStatus = options.view;
    return listInboundMail(this.deps.database.db, organizationId, {
      status,
      // Cases and threads from mail are only listed here when something was flagged.
      flaggedOnly: status === 'new-case' || status === 'threaded',
      limit: options.limit,
      cursor: options.cursor,
    });
  }

  async get(organizationId: string, id: string): Promise<QuarantinedMailDetail> {
    const row = await loadInboundMail(this.deps.database.db, id);
    if (!row || row.organization_id !== organizationId) throw notFound();
    const mail = await readInboundMail(row.raw);
    const { raw, ...summary } = row;
    return {
      summary,
      headers: rawHeaderFields(raw),
      text: mail.text,
      safeHtml: mail.safeHtml,
      attachments: mail.attachments.map(({ content: _content, ...rest }) => rest),
      withheld: mail.withheld,
    };
  }

  /**
   * Opens a new case from a held message, as an admin decided. Program attachments stay
   * out (they remain in the stored original); a message that could not be parsed reaches
   * the case as its original .eml file.
   */
  async release(
    organizationId: string,
    id: string,
    audit: RequestAudit,
    by: string,
  ): Promise<{ caseId: string }> {
    const row = await loadInboundMail(this.deps.database.db, id);
    if (!row || row.organization_id !== organizationId) throw notFound();
    if (row.status !== 'quarantined') throw alreadyDecided();
    const mail = await readInboundMail(row.raw);
    const content = mailContent(row, mail, false);
    if (row.reason !== null && UNREAD.has(row.reason)) {
      content.attachments = [...content.attachments, originalAttachment(row.raw)];
    }
    const { caseId } = await this.deps.mailbox.open(organizationId, content, false);
    await this.decide(organizationId, id, audit, { status: 'released', caseId, by });
    return { caseId };
  }

  async discard(organizationId: string, id: string, audit: RequestAudit, by: string) {
    const found = await findInboundMail(this.deps.database.db, organizationId, id);
    if (!found) throw notFound();
    if (found.status !== 'quarantined') throw alreadyDecided();
    await this.decide(organizationId, id, audit, { status: 'discarded', caseId: null, by });
  }

  private async decide(
    organizationId: string,
    id: string,
    audit: RequestAudit,
    decision: { status: 'released' | 'discarded'; caseId: string | null; by: string },
  ): Promise<void> {
    await this.deps.database.db.transaction().execute(async (trx) => {
      const now = this.deps.clock.now();
      if (!(await recordDecision(trx, organizationId, id, decision, now))) throw alreadyDecided();
      await audit.inTransaction(trx, {
        action: 'update',
        resourceType: 'InboundMail',
        resourceId: id,
        detail: JSON.stringify({ decision: decision.status, caseId: decision.caseId }),
      });
    });
  }
}

function originalAttachment(raw: Buffer): InboundAttachment {
  return {
    filename: 'original-message.eml',
    contentType: 'message/rfc822',
    size: raw.length,
    sha256: createHash('sha256').update(raw).digest('hex'),
    content: raw,
  };
}
