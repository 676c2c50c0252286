import { randomUUID } from 'node:crypto';
import type { CaseStatus } from '@caredesk/core';
import type { Rng } from '@caredesk/server/demo/random';
import type { CaseRow } from '@caredesk/server/storage/cases/case-store';
import type {
  CaseEventsTable,
  CaseMessagesTable,
} from '@caredesk/server/storage/cases/case-tables';
import type { Insertable } from 'kysely';
import { isoInstant as iso } from './desk-iso';
import { internalNote, patientFollowUp, staffReply, type DeskLanguage } from './desk-text';

export type CaseMessageInsert = Insertable<CaseMessagesTable>;
export type CaseEventInsert = Insertable<CaseEventsTable>;

/** The staff member who writes on a seeded case (its assignee, or whoever took the call). */
export interface Writer {
  accountId: string;
  displayName: string;
}

type Actor = { kind: string; id: string | null; name: string | null };

/**
 * 2–4 messages: the patient's request (or the agent's call note), then answers and
 * follow-ups. A case nobody answered yet has the request and a second patient message
 * or an internal note, and no public staff reply.
 */
export function caseMessages(
  r: Rng,
  row: CaseRow,
  c: {
    byStaff: boolean;
    writer: Writer;
    createdMs: number;
    firstResponseMs: number | null;
    lastMs: number;
    ask: string;
  },
): CaseMessageInsert[] {
  const language = row.language as DeskLanguage;
  const count = row.status === 'new' ? 2 : 2 + r.int(0, 2);
  const out: CaseMessageInsert[] = [];
  const staff = (n: number, internal: boolean, at: number): CaseMessageInsert => ({
    id: randomUUID(),
    case_id: row.id,
    position: n,
    at: iso(at),
    author_kind: 'staff',
    author_id: c.writer.accountId,
    author_name: c.writer.displayName,
    visibility: internal ? 'internal' : 'public',
    channel: internal ? row.channel : 'portal',
    body: internal ? internalNote(r.int(0, 9)) : staffReply(language, r.int(0, 9)),
    safe_html: null,
    language,
    message_id: null,
    inbound_mail_id: null,
  });
  const patient = (n: number, body: string, at: number): CaseMessageInsert => {
    const id = randomUUID();
    return {
      id,
      case_id: row.id,
      position: n,
      at: iso(at),
      author_kind: 'patient',
      author_id: null,
      author_name: null,
      visibility: 'public',
      channel: row.channel,
      body,
      safe_html: null,
      language,
      // Inbound e-mail keeps its Message-ID for threading (RFC 5322 §3.6.4).
      message_id: row.channel === 'email' ? `<${id}@mail.patient.example>` : null,
      inbound_mail_id: null,
    };
  };
  if (c.byStaff) out.push({ ...staff(1, true, c.createdMs), body: c.ask });
  else out.push(patient(1, c.ask, c.createdMs));
  const start = c.firstResponseMs ?? c.createdMs;
  for (let n = 2; n <= count; n++) {
    const at = start + ((c.lastMs - start) * (n - 2)) / Math.max(1, count - 1);
    if (row.status === 'new') {
      out.push(c.byStaff ? staff(n, true, at) : patient(n, patientFollowUp(language, n), at));
    } else if (n % 2 === 0) {
      // The first answer is public (it is the first response); later ones may be notes.
      out.push(staff(n, n > 2 && r.chance(0.2), at));
    } else {
      out.push(patient(n, patientFollowUp(language, r.int(0, 9)), at));
    }
  }
  return out;
}

/** 2–5 timeline entries: created, routed, then each status move. */
export function caseEvents(
  row: CaseRow,
  t: {
    createdMs: number;
    firstResponseMs: number | null;
    pendingMs: number | null;
    resolvedMs: number | null;
    closedMs: number | null;
    writer: Writer;
    byStaff: boolean;
    reason: string;
  },
): CaseEventInsert[] {
  const staffActor: Actor = { kind: 'staff', id: t.writer.accountId, name: t.writer.displayName };
  const system: Actor = { kind: 'system', id: null, name: null };
  const event = (
    at: number,
    actor: Actor,
    kind: string,
    data: Record<string, unknown>,
  ): CaseEventInsert => ({
    case_id: row.id,
    at: iso(at),
    actor_kind: actor.kind,
    actor_id: actor.id,
    actor_name: actor.name,
    kind,
    data: JSON.stringify(data),
  });
  const out = [
    event(
      t.createdMs,
      t.byStaff ? staffActor : { kind: 'patient', id: null, name: null },
      'created',
      {
        channel: row.channel,
        category: row.category,
        priority: row.priority,
      },
    ),
  ];
  if (row.queue_id)
    out.push(
      event(t.createdMs, system, 'routed', {
        queueId: row.queue_id,
        assigneeId: row.assignee_id,
        reason: t.reason,
      }),
    );
  let from: CaseStatus = 'new';
  const move = (at: number | null, to: CaseStatus, actor = staffActor) => {
    if (at === null) return;
    out.push(event(at, actor, 'status', { from, to }));
    from = to;
  };
  move(t.firstResponseMs, 'open');
  if (row.status === 'pending-patient' || row.status === 'pending-third-party')
    move(t.pendingMs, row.status);
  move(t.resolvedMs, 'resolved');
  move(t.closedMs, 'closed', system);
  return out;
}
