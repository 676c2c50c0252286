import { randomUUID } from 'node:crypto';
import type { CaseMailbox, InboundMailContent, MailCase } from '../case-mailbox';

/** A case as the in-memory mailbox keeps it. */
export interface MemoryCase {
  caseId: string;
  organizationId: string;
  allowedSenders: string[];
  replyToken: string | null;
  /** Message-IDs of mail sent from and received into the case. */
  messageIds: string[];
  mails: InboundMailContent[];
  quarantined: boolean;
}

/**
 * Our own CaseMailbox port over a Map, for the mail channel's tests (the case service
 * implements the real one). Idempotent on inboundMailId, as the port requires.
 */
export class InMemoryCaseMailbox implements CaseMailbox {
  readonly cases = new Map<string, MemoryCase>();
  /** Calls that reached the port, for tests of redelivery. */
  appendCalls = 0;
  openCalls = 0;
  /** When set, every append and open rejects with it (a case store that is down). */
  failWith: Error | null = null;

  addCase(
    organizationId: string,
    c: Partial<MemoryCase> & { allowedSenders: string[] },
  ): MemoryCase {
    const stored: MemoryCase = {
      caseId: randomUUID(),
      organizationId,
      replyToken: null,
      messageIds: [],
      mails: [],
      quarantined: false,
      ...c,
    };
    this.cases.set(stored.caseId, stored);
    return stored;
  }

  /** The case holding a message, by inbound mail id. */
  caseOf(inboundMailId: string): MemoryCase | undefined {
    return [...this.cases.values()].find((c) =>
      c.mails.some((m) => m.inboundMailId === inboundMailId),
    );
  }

  private view(c: MemoryCase | undefined): MailCase | null {
    return c ? { caseId: c.caseId, allowedSenders: c.allowedSenders } : null;
  }

  findByReplyToken(organizationId: string, token: string): Promise<MailCase | null> {
    const found = [...this.cases.values()].find(
      (c) => c.organizationId === organizationId && c.replyToken === token,
    );
    return Promise.resolve(this.view(found));
  }

  findByMessageIds(organizationId: string, ids: string[]): Promise<MailCase | null> {
    for (const id of ids) {
      const found = [...this.cases.values()].find(
        (c) => c.organizationId === organizationId && c.messageIds.includes(id),
      );
      if (found) return Promise.resolve(this.view(found));
    }
    return Promise.resolve(null);
  }

  append(organizationId: string, caseId: string, mail: InboundMailContent): Promise<void> {
    this.appendCalls++;
    if (this.failWith) return Promise.reject(this.failWith);
    const c = this.cases.get(caseId);
    if (!c || c.organizationId !== organizationId) {
      return Promise.reject(new Error(`no case ${caseId}`));
    }
    if (!c.mails.some((m) => m.inboundMailId === mail.inboundMailId)) {
      c.mails.push(mail);
      if (mail.messageId) c.messageIds.push(mail.messageId);
    }
    return Promise.resolve();
  }

  open(
    organizationId: string,
    mail: InboundMailContent,
    quarantined: boolean,
  ): Promise<{ caseId: string }> {
    this.openCalls++;
    if (this.failWith) return Promise.reject(this.failWith);
    const existing = this.caseOf(mail.inboundMailId);
    if (existing) return Promise.resolve({ caseId: existing.caseId });
    const c = this.addCase(organizationId, {
      allowedSenders: quarantined ? [] : [mail.from],
      messageIds: mail.messageId ? [mail.messageId] : [],
      mails: [mail],
      quarantined,
    });
    return Promise.resolve({ caseId: c.caseId });
  }
}
