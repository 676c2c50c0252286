import {
  chooseDelivery,
  deliveryContacts,
  translate,
  type Clock,
  type Patient,
} from '@caredesk/core';
import { enqueue } from '../../jobs';
import {
  newMessageId,
  SEND_EMAIL,
  type SendEmailPayload,
} from '../../channels/email/outbound/send-email-job';
import { SEND_SMS } from '../../channels/sms/send-sms-job';
import type { CaseDeliveryPort } from './case-ports';
import { caseReference } from './case-views';

export interface CaseDeliveryDeps {
  clock: Clock;
  mailDomain: string;
  baseUrl: string;
  /** The organization's time zone, for quiet hours when the patient has none. */
  timeZone: () => string;
}

/**
 * Sends a staff member's public reply to the patient (issue #5 §4), through the outbox in
 * the reply's own transaction: by e-mail with the case's reply token, so the answer threads
 * back; by SMS only as a notice with the portal link (a text message is not a safe place
 * for health details); or not at all when the portal is their channel. Quiet hours delay
 * the job, never drop it. An unidentified e-mail sender is answered at the address they
 * wrote from; other unidentified callers are not written to.
 */
export function caseDelivery(deps: CaseDeliveryDeps): CaseDeliveryPort {
  return {
    async replySent(trx, row, messageId, body) {
      const now = deps.clock.now();
      const link = `${deps.baseUrl}/portal/requests/${row.id}`;
      const reference = caseReference(Number(row.number));
      let delivery: { channel: 'email' | 'sms' | 'portal'; to: string | null; notBefore: Date };
      if (row.patient_id) {
        const p = await trx
          .selectFrom('patients')
          .select('data')
          .where('id', '=', row.patient_id)
          .executeTakeFirst();
        if (!p) return;
        const patient = JSON.parse(p.data) as Patient;
        delivery = chooseDelivery(
          {
            preferredChannel: patient.preferredChannel,
            ...deliveryContacts(patient.telecom),
            quietHours: patient.quietHours,
            timeZone: deps.timeZone(),
          },
          now,
        );
      } else {
        const caller = row.caller ? (JSON.parse(row.caller) as { email?: string | null }) : null;
        if (row.channel !== 'email' || !caller?.email) return;
        delivery = { channel: 'email', to: caller.email, notBefore: now };
      }
      if (!delivery.to || delivery.channel === 'portal') return;
      const language = row.language;
      if (delivery.channel === 'sms') {
        await enqueue(
          trx,
          {
            kind: SEND_SMS,
            payload: {
              to: delivery.to,
              text: translate(language, 'case.notice.sms', { reference, link }),
            },
            dedupeKey: `case-reply-sms:${messageId}`,
            runAt: delivery.notBefore,
          },
          now,
        );
        return;
      }
      const lastInbound = await trx
        .selectFrom('case_messages')
        .select('message_id')
        .where('case_id', '=', row.id)
        .where('message_id', 'is not', null)
        .orderBy('position', 'desc')
        .executeTakeFirst();
      const ownId = newMessageId(deps.mailDomain);
      // Stored on the message: the patient's reply names it in In-Reply-To, which finds the case.
      await trx
        .updateTable('case_messages')
        .set({ message_id: ownId })
        .where('id', '=', messageId)
        .execute();
      const payload: SendEmailPayload = {
        to: delivery.to,
        subject: translate(language, 'case.notice.email-subject', {
          reference,
          subject: row.subject,
        }),
        text: `${body}\n\n${translate(language, 'case.notice.email-footer', { link })}`,
        messageId: ownId,
        inReplyTo: lastInbound?.message_id ?? null,
        replyToken: row.reply_token,
      };
      await enqueue(
        trx,
        {
          kind: SEND_EMAIL,
          payload,
          dedupeKey: `case-reply-email:${messageId}`,
          runAt: delivery.notBefore,
        },
        now,
      );
    },
  };
}
