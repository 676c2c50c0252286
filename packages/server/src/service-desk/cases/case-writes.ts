import {
  ACTIVE_CASE_STATUSES,
  DomainError,
  MAX_MESSAGE,
  messageTextProblem,
  type CaseStatus,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import { appendCaseEvent, nextMessagePosition, type CaseRow } from '../../storage/cases/case-store';
import type { Schema } from '../../storage/schema';
import { pooledRandomBytes } from '../../storage/random-pool';
import { timeOrderedId } from '../../storage/time-ordered-id';
import type { CaseActor } from './case-views';

/** What an e-mail adds to a message: where it came from, and its files (channels/email). */
export interface InboundMessageFields {
  from: string;
  fromName: string | null;
  safeHtml: string | null;
  messageId: string | null;
  inboundMailId: string;
  /** False when a valid reply token came from an address not on the case: staff see a flag. */
  senderOnFile: boolean;
  attachments: Array<{
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
    content: Buffer;
  }>;
}

export async function insertCaseMessage(
  trx: Kysely<Schema>,
  row: CaseRow,
  actor: CaseActor,
  input: {
    body: string;
    visibility: 'public' | 'internal';
    inbound?: InboundMessageFields;
    attachments?: InboundMessageFields['attachments'];
  },
  at: string,
  /** Known when the case is new (its first message); read otherwise. */
  position?: number,
): Promise<string> {
  const id = timeOrderedId();
  const mail = input.inbound;
  const files = input.attachments ?? mail?.attachments ?? [];
  await trx
    .insertInto('case_messages')
    .values({
      id,
      case_id: row.id,
      position: position ?? (await nextMessagePosition(trx, row.id)),
      at,
      author_kind: actor.kind,
      author_id: actor.id,
      author_name: actor.name,
      visibility: input.visibility,
      channel: mail ? 'email' : actor.kind === 'staff' ? 'portal' : row.channel,
      body: input.body.normalize('NFC'),
      safe_html: mail?.safeHtml ?? null,
      language: row.language,
      message_id: mail?.messageId ?? null,
      inbound_mail_id: mail?.inboundMailId ?? null,
    })
    .execute();
  for (const a of files)
    await trx
      .insertInto('case_attachments')
      .values({
        id: timeOrderedId(),
        case_id: row.id,
        message_id: id,
        filename: a.filename,
        content_type: a.contentType,
        size: a.size,
        sha256: a.sha256,
        content: a.content,
        created_at: at,
      })
      .execute();
  await appendCaseEvent(trx, {
    caseId: row.id,
    at,
    actor,
    kind: 'message',
    data: {
      messageId: id,
      visibility: input.visibility,
      ...(files.length > 0 ? { attachments: files.length } : {}),
      ...(mail ? { senderOnFile: mail.senderOnFile } : {}),
    },
  });
  return id;
}

/** Status bookkeeping: active flag, resolution and closing times, SLA pause intervals. */
export function moveStatus(next: CaseRow, to: CaseStatus, at: string): void {
  const pauses = JSON.parse(next.sla_pauses) as Array<{ from: string; to: string | null }>;
  const open = pauses.at(-1);
  if (open && open.to === null && to !== 'pending-patient') open.to = at;
  if (to === 'pending-patient' && next.status !== 'pending-patient')
    pauses.push({ from: at, to: null });
  next.sla_pauses = JSON.stringify(pauses);
  next.status = to;
  next.status_changed_at = at;
  next.is_active = ACTIVE_CASE_STATUSES.includes(to) ? 1 : 0;
  if (to === 'resolved') next.resolved_at = at;
  if (to === 'closed') next.closed_at = at;
  if (ACTIVE_CASE_STATUSES.includes(to)) {
    next.resolved_at = null;
    next.closed_at = null;
  }
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * The token in reply addresses (reply+<token>@domain) that threads e-mail back into its
 * case: 26 lower-case base32 characters, 130 random bits — unguessable, and safe in the
 * local part of an address, which mail systems may lower-case (core/mail-threading).
 */
export function newReplyToken(): string {
  const bytes = pooledRandomBytes(26);
  return [...bytes].map((b) => BASE32[b & 31]).join('');
}

/** The author of an e-mailed message: the sender as they named themselves. */
export function senderOf(mail: InboundMessageFields): CaseActor {
  return { kind: 'email', id: null, name: mail.fromName ?? mail.from };
}

/** Cases are assigned to active staff of the organization only (never a patient account). */
export async function requireActiveStaff(
  trx: Kysely<Schema>,
  organizationId: string,
  accountId: string,
): Promise<void> {
  const a = await trx
    .selectFrom('accounts')
    .select(['kind', 'organization_id', 'status'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!a || a.kind !== 'staff' || a.organization_id !== organizationId || a.status !== 'active')
    throw new DomainError('validation', 'problem.validation', 'Not a staff member.', [
      { path: 'assigneeId', messageKey: 'case.assignee.invalid', detail: 'not active staff' },
    ]);
}

/** A message's text: present, and within the length and characters a message allows. */
export function requireMessageText(body: string): void {
  const problem = messageTextProblem(body, MAX_MESSAGE);
  if (problem || body.trim() === '')
    throw new DomainError('validation', 'problem.validation', 'The message is not valid.', [
      {
        path: 'body',
        messageKey: problem ? `validation.text.${problem}` : 'validation.field.required',
        detail: problem ?? 'required',
      },
    ]);
}
