import {
  consentInForce,
  deliveryContacts,
  type Clock,
  type ContactPoint,
  type MailCase,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import { systemAudit } from '../../access/request-audit';
import type { AuditSink } from '../../audit/audit-sink';
import type { CaseMailbox, InboundMailContent } from '../../channels/email/inbound/case-mailbox';
import { consentsOfPatient } from '../../storage/access/consent-store';
import type { CaseRow } from '../../storage/cases/case-store';
import type { Database } from '../../storage/database';
import type { Schema } from '../../storage/schema';
import type { CaseService } from './case-service';
import type { InboundMessageFields } from './case-writes';

// The same current addresses replies go to (core/service-desk/delivery), lower-cased.
const emailsOf = (telecom: ContactPoint[] | undefined): string[] =>
  deliveryContacts(telecom ?? []).emails.map((e) => e.toLowerCase());

/** Tags a case opened from mail that looked like someone else's reply: check the sender first. */
export const QUARANTINED_SENDER_TAG = 'check-sender';

function fields(mail: InboundMailContent): InboundMessageFields {
  return {
    from: mail.from,
    fromName: mail.fromName,
    safeHtml: mail.safeHtml,
    messageId: mail.messageId,
    inboundMailId: mail.inboundMailId,
    senderOnFile: mail.senderOnFile,
    attachments: mail.attachments,
  };
}

/**
 * Cases as the mail channel sees them (channels/email CaseMailbox): who may write into a
 * case, appending replies and opening cases from new mail. Processing is at least once,
 * so both writes first look for the inbound message they were given and do nothing twice.
 */
export class CaseMailboxService implements CaseMailbox {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly cases: CaseService,
    private readonly audit: AuditSink,
  ) {}

  async findByReplyToken(organizationId: string, token: string): Promise<MailCase | null> {
    const row = await this.database.db
      .selectFrom('cases')
      .selectAll()
      .where('reply_token', '=', token)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    return row ? this.mailCase(this.database.db, row) : null;
  }

  async findByMessageIds(organizationId: string, ids: string[]): Promise<MailCase | null> {
    if (ids.length === 0) return null;
    const rows = await this.database.db
      .selectFrom('case_messages')
      .innerJoin('cases', 'cases.id', 'case_messages.case_id')
      .selectAll('cases')
      .select('case_messages.message_id as matched')
      .where('case_messages.message_id', 'in', ids.slice(0, 100))
      .where('cases.organization_id', '=', organizationId)
      .execute();
    // Most specific first: In-Reply-To, then References newest first.
    for (const id of ids) {
      const row = rows.find((r) => r.matched === id);
      if (row) return this.mailCase(this.database.db, row);
    }
    return null;
  }

  async append(organizationId: string, caseId: string, mail: InboundMailContent): Promise<void> {
    if (await this.caseOf(mail.inboundMailId)) return;
    await this.cases.reply(
      organizationId,
      caseId,
      { body: mail.text || mail.subject, visibility: 'public', inbound: fields(mail) },
      this.system(organizationId),
    );
  }

  async open(
    organizationId: string,
    mail: InboundMailContent,
    quarantined: boolean,
  ): Promise<{ caseId: string }> {
    const existing = await this.caseOf(mail.inboundMailId);
    if (existing) return { caseId: existing };
    // A sender whose address belongs to exactly one patient is that patient; anyone else
    // (or a sender flagged by the mail checks) is an unidentified caller until staff say.
    const patientId = quarantined ? null : await this.patientByEmail(organizationId, mail.from);
    const created = await this.cases.create(
      organizationId,
      {
        ...(patientId
          ? { patientId }
          : { caller: { name: (mail.fromName ?? '').slice(0, 200), email: mail.from } }),
        channel: 'email',
        category: 'general',
        subject: mail.subject.trim().slice(0, 200) || '(no subject)',
        tags: quarantined ? [QUARANTINED_SENDER_TAG] : [],
      },
      this.system(organizationId),
      { body: mail.text || mail.subject || '(empty message)', inbound: fields(mail) },
    );
    return { caseId: created.id };
  }

  private system(organizationId: string) {
    return systemAudit(this.audit, {
      name: 'inbound e-mail',
      organizationId,
      now: this.clock.now(),
    });
  }

  private async caseOf(inboundMailId: string): Promise<string | null> {
    const m = await this.database.db
      .selectFrom('case_messages')
      .select('case_id')
      .where('inbound_mail_id', '=', inboundMailId)
      .executeTakeFirst();
    return m?.case_id ?? null;
  }

  private async patientByEmail(organizationId: string, email: string): Promise<string | null> {
    const owners = await this.database.db
      .selectFrom('patient_search_terms')
      .select('patient_id')
      .distinct()
      .where('organization_id', '=', organizationId)
      .where('kind', '=', 'email')
      // Stored terms are cut at 64 characters (core/patients/search-terms).
      .where('term', '=', email.toLowerCase().slice(0, 64))
      .limit(3)
      .execute();
    if (owners.length === 0) return null;
    const live = await this.database.db
      .selectFrom('patients')
      .select('id')
      .where(
        'id',
        'in',
        owners.map((o) => o.patient_id),
      )
      .where('merged_into', 'is', null)
      .execute();
    return live.length === 1 ? live[0]!.id : null;
  }

  /** Who may write into a case: its patient, its caller, and caregivers with consent in force. */
  private async mailCase(db: Kysely<Schema>, row: CaseRow): Promise<MailCase> {
    const allowed = new Set<string>();
    const caller = row.caller ? (JSON.parse(row.caller) as { email?: string | null }) : null;
    if (caller?.email) allowed.add(caller.email.toLowerCase());
    if (row.patient_id) {
      const p = await db
        .selectFrom('patients')
        .select('data')
        .where('id', '=', row.patient_id)
        .executeTakeFirst();
      if (p)
        emailsOf((JSON.parse(p.data) as { telecom?: ContactPoint[] }).telecom).forEach((e) =>
          allowed.add(e),
        );
      const now = this.clock.now().toISOString();
      const consented = new Set(
        (await consentsOfPatient(db, row.patient_id))
          .filter((c) => consentInForce(c, now) && c.permit.includes('messages'))
          .map((c) => c.relatedPersonId),
      );
      if (consented.size > 0) {
        const rps = await db
          .selectFrom('related_persons')
          .select(['id', 'data'])
          .where('id', 'in', [...consented])
          .execute();
        for (const rp of rps)
          emailsOf((JSON.parse(rp.data) as { telecom?: ContactPoint[] }).telecom).forEach((e) =>
            allowed.add(e),
          );
      }
    }
    return { caseId: row.id, allowedSenders: [...allowed] };
  }
}
