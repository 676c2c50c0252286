import { catalogLanguage, DomainError, type NewCase } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { RequestAudit } from '../../access/request-audit';
import { appendCaseEvent, nextCaseNumber, type CaseRow } from '../../storage/cases/case-store';
import type { Schema } from '../../storage/schema';
import { timeOrderedId } from '../../storage/time-ordered-id';
import type { CaseRoutingPort, CaseSlaPort, SlaColumns } from './case-ports';
import type { ReplyInput } from './case-service';
import { NO_SLA } from './case-sla';
import { toCaseView, type CaseActor, type CaseView } from './case-views';
import {
  insertCaseMessage,
  newReplyToken,
  senderOf,
  type InboundMessageFields,
} from './case-writes';

/** Where a new case goes and which clocks it runs (both optional: tests may leave them out). */
export interface CasePlacementPorts {
  routing?: CaseRoutingPort;
  sla?: CaseSlaPort;
}

const notFound = () => new DomainError('not-found', 'problem.not-found', 'No such case.');

/** Places a new case in a queue and, when someone eligible is free, with an agent. */
async function route(
  trx: Kysely<Schema>,
  ports: CasePlacementPorts,
  row: CaseRow,
): Promise<string | null> {
  if (!ports.routing) return null;
  const r = await ports.routing.route(trx, row);
  row.queue_id = r.queueId;
  row.team_id = r.teamId;
  row.assignee_id = r.assigneeId;
  return r.reason;
}

async function sla(
  trx: Kysely<Schema>,
  ports: CasePlacementPorts,
  row: CaseRow,
  now: Date,
): Promise<SlaColumns> {
  return ports.sla ? ports.sla.evaluate(trx, row, now) : NO_SLA;
}

/**
 * Writes a validated new case, routed and with its SLA clocks, its opening message and the
 * audit entry, in the caller's transaction. `mail`, for a case opened by an e-mail, is its
 * first message: a crash can never leave the case without the message that opened it.
 */
export async function insertNewCase(
  trx: Kysely<Schema>,
  ports: CasePlacementPorts,
  args: {
    organizationId: string;
    c: NewCase;
    actor: CaseActor;
    audit: RequestAudit;
    now: Date;
    mail?: { body: string; inbound: InboundMessageFields } | undefined;
  },
): Promise<CaseView> {
  const { organizationId, c, actor, audit, now, mail } = args;
  const at = now.toISOString();
  let language = c.language;
  if (c.patientId) {
    const p = await trx
      .selectFrom('patients')
      .select(['organization_id', 'preferred_language', 'merged_into'])
      .where('id', '=', c.patientId)
      .executeTakeFirst();
    if (!p || p.organization_id !== organizationId || p.merged_into) throw notFound();
    language ??= catalogLanguage(p.preferred_language);
  }
  const row: CaseRow = {
    id: timeOrderedId(),
    organization_id: organizationId,
    number: await nextCaseNumber(trx, organizationId),
    patient_id: c.patientId,
    caller: c.caller ? JSON.stringify(c.caller) : null,
    channel: c.channel,
    category: c.category,
    priority: c.priority,
    status: 'new',
    is_active: 1,
    subject: c.subject,
    language: language ?? 'en',
    assignee_id: null,
    team_id: null,
    queue_id: null,
    tags: JSON.stringify(c.tags),
    links: JSON.stringify(c.links),
    // The token in reply addresses that threads e-mail back into this case: unguessable.
    reply_token: newReplyToken(),
    created_by: actor.id,
    created_at: at,
    updated_at: at,
    status_changed_at: at,
    first_response_at: null,
    resolved_at: null,
    closed_at: null,
    verified_at: null,
    ...NO_SLA,
    sla_pauses: '[]',
    version: 1,
  };
  const routed = await route(trx, ports, row);
  Object.assign(row, await sla(trx, ports, row, now));
  await trx.insertInto('cases').values(row).execute();
  await appendCaseEvent(trx, {
    caseId: row.id,
    at,
    actor,
    kind: 'created',
    data: { channel: row.channel, category: row.category, priority: row.priority },
  });
  if (routed)
    await appendCaseEvent(trx, {
      caseId: row.id,
      at,
      actor: { kind: 'system', id: null, name: null },
      kind: 'routed',
      data: { queueId: row.queue_id, assigneeId: row.assignee_id, reason: routed },
    });
  if (c.message)
    await insertCaseMessage(trx, row, actor, { body: c.message, visibility: 'public' }, at, 1);
  await audit.inTransaction(trx, {
    action: 'create',
    patientId: row.patient_id,
    resourceType: 'Case',
    resourceId: row.id,
    detail: JSON.stringify({ channel: row.channel, category: row.category }),
  });
  if (mail) {
    const inbound = { body: mail.body, visibility: 'public', inbound: mail.inbound } as const;
    const messageId = await insertCaseMessage(
      trx,
      row,
      senderOf(mail.inbound),
      inbound,
      at,
      c.message ? 2 : 1,
    );
    await audit.inTransaction(trx, {
      action: 'update',
      patientId: row.patient_id,
      resourceType: 'Communication',
      resourceId: messageId,
      detail: JSON.stringify({ caseId: row.id, visibility: 'public' }),
    });
  }
  return toCaseView(row);
}

/** A new case for a patient writing long after their case was closed, linked back to it. */
export async function openFollowUpCase(
  trx: Kysely<Schema>,
  ports: CasePlacementPorts,
  args: { old: CaseRow; input: ReplyInput; actor: CaseActor; audit: RequestAudit; now: Date },
) {
  const { old, input, actor, audit, now } = args;
  const at = now.toISOString();
  const row: CaseRow = {
    ...old,
    id: timeOrderedId(),
    number: await nextCaseNumber(trx, old.organization_id),
    status: 'new',
    is_active: 1,
    assignee_id: null,
    links: JSON.stringify([{ type: 'case', id: old.id }]),
    reply_token: newReplyToken(),
    created_by: actor.id,
    created_at: at,
    updated_at: at,
    status_changed_at: at,
    first_response_at: null,
    resolved_at: null,
    closed_at: null,
    ...NO_SLA,
    sla_pauses: '[]',
    version: 1,
  };
  await route(trx, ports, row);
  Object.assign(row, await sla(trx, ports, row, now));
  await trx.insertInto('cases').values(row).execute();
  await appendCaseEvent(trx, {
    caseId: row.id,
    at,
    actor,
    kind: 'created',
    data: { followUpOf: old.id, channel: row.channel, category: row.category },
  });
  const messageId = await insertCaseMessage(
    trx,
    row,
    actor,
    {
      body: input.body,
      visibility: 'public',
      ...(input.inbound ? { inbound: input.inbound } : {}),
    },
    at,
  );
  await audit.inTransaction(trx, {
    action: 'create',
    patientId: row.patient_id,
    resourceType: 'Case',
    resourceId: row.id,
    detail: JSON.stringify({ followUpOf: old.id }),
  });
  return { case: toCaseView(row), messageId };
}
