import {
  catalogLanguage,
  cleanTags,
  DomainError,
  patientReplyEffect,
  requireMove,
  validateNewCase,
  type CasePriority,
  type CaseStatus,
  type Clock,
  type FieldIssue,
  type NewCaseInput,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { RequestAudit } from '../../access/request-audit';
import {
  appendCaseEvent,
  isCaseCategory,
  loadCase,
  nextCaseNumber,
  updateCaseRow,
  type CaseRow,
} from '../../storage/cases/case-store';
import type { Database } from '../../storage/database';
import type { GroupCommit } from '../../storage/group-commit';
import type { Schema } from '../../storage/schema';
import { timeOrderedId } from '../../storage/time-ordered-id';
import { offerSurvey } from '../csat/csat-service';
import type { CaseDeliveryPort, CaseRoutingPort, CaseSlaPort, SlaColumns } from './case-ports';
import { NO_SLA } from './case-sla';
import { actorOf, isPatientSide, toCaseView, type CaseView } from './case-views';
import {
  insertCaseMessage,
  moveStatus,
  newReplyToken,
  requireActiveStaff,
  requireMessageText,
  senderOf,
  type InboundMessageFields,
} from './case-writes';

export interface CaseServiceOptions {
  defaultCountry: string;
  /** A patient's reply this many days after resolution still reopens the case (issue #5 §1). */
  reopenDays: number;
  sla?: CaseSlaPort;
  routing?: CaseRoutingPort;
  delivery?: CaseDeliveryPort;
  /** New cases share commits on SQLite (storage/group-commit); else one transaction each. */
  writes?: GroupCommit;
}

export interface CasePatch {
  version: number;
  status?: CaseStatus;
  priority?: CasePriority;
  category?: string;
  tags?: string[];
  assigneeId?: string | null;
  teamId?: string | null;
}

export interface ReplyInput {
  body: string;
  visibility: 'public' | 'internal';
  /** Set when the message arrived by e-mail: it speaks for the patient's side. */
  inbound?: InboundMessageFields;
  /** Files checked by checkUploads (service-desk/cases/case-attachments). */
  attachments?: InboundMessageFields['attachments'];
  /** A staff reply may also move the case (e.g. reply and wait on the patient). */
  status?: CaseStatus;
}

const notFound = () => new DomainError('not-found', 'problem.not-found', 'No such case.');

/** The service desk's cases: opening, working, answering and closing them (issue #5 §1). */
export class CaseService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly options: CaseServiceOptions,
  ) {}

  /**
   * Opens a case. `mail`, for a case opened by an e-mail, is its first message: written in
   * the same transaction, so a crash can never leave the case without the message that
   * opened it (and a redelivered mail job then open it again).
   */
  async create(
    organizationId: string,
    input: NewCaseInput,
    audit: RequestAudit,
    mail?: { body: string; inbound: InboundMessageFields },
  ): Promise<CaseView> {
    const c = validateNewCase(input, this.options.defaultCountry);
    if (mail) requireMessageText(mail.body);
    if (!(await isCaseCategory(this.database.db, organizationId, c.category)))
      throw new DomainError('validation', 'problem.validation', 'Unknown category.', [
        { path: 'category', messageKey: 'case.category.invalid', detail: 'unknown category' },
      ]);
    const now = this.clock.now();
    const at = now.toISOString();
    const actor = actorOf(audit.ctx);
    const write = async (trx: Kysely<Schema>) => {
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
      const routed = await this.route(trx, row);
      Object.assign(row, await this.sla(trx, row, now));
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
    };
    return this.options.writes
      ? this.options.writes.run(write)
      : this.database.db.transaction().execute(write);
  }

  /** A case the caller's organization holds, or not-found (never another organization's). */
  async find(
    organizationId: string,
    id: string,
    db: Kysely<Schema> = this.database.db,
  ): Promise<CaseRow> {
    // Inside a transaction, read through it: SQLite has one connection, held by the transaction.
    const row = await loadCase(db, id);
    if (!row || row.organization_id !== organizationId) throw notFound();
    return row;
  }

  async update(organizationId: string, id: string, patch: CasePatch, audit: RequestAudit) {
    const now = this.clock.now();
    const at = now.toISOString();
    const actor = actorOf(audit.ctx);
    const issues: FieldIssue[] = [];
    const tags = patch.tags ? cleanTags(issues, 'tags', patch.tags) : undefined;
    if (patch.category && !(await isCaseCategory(this.database.db, organizationId, patch.category)))
      issues.push({ path: 'category', messageKey: 'case.category.invalid', detail: 'unknown' });
    if (issues.length)
      throw new DomainError('validation', 'problem.validation', 'Invalid change.', issues);
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.find(organizationId, id, trx);
      if (Number(row.version) !== patch.version)
        throw new DomainError('conflict', 'case.version-conflict', 'The case changed; reload it.');
      if (patch.assigneeId) await requireActiveStaff(trx, organizationId, patch.assigneeId);
      const next: CaseRow = { ...row };
      const changes: Array<{ kind: string; data: Record<string, unknown> }> = [];
      const change = <K extends keyof CaseRow>(
        kind: string,
        key: K,
        value: CaseRow[K] | undefined,
      ) => {
        if (value === undefined || next[key] === value) return;
        changes.push({ kind, data: { from: next[key], to: value } });
        next[key] = value;
      };
      if (patch.status && patch.status !== row.status) {
        requireMove(row.status as CaseStatus, patch.status);
        moveStatus(next, patch.status, at);
        changes.push({ kind: 'status', data: { from: row.status, to: patch.status } });
      }
      change('priority', 'priority', patch.priority);
      change('category', 'category', patch.category);
      if (patch.assigneeId !== undefined) change('assigned', 'assignee_id', patch.assigneeId);
      if (patch.teamId !== undefined) change('team', 'team_id', patch.teamId);
      if (tags) change('tags', 'tags', JSON.stringify(tags));
      if (changes.length === 0) return toCaseView(row);
      next.updated_at = at;
      Object.assign(next, await this.sla(trx, next, now));
      const { id: _i, organization_id: _o, number: _n, version: _v, ...cols } = next;
      await updateCaseRow(trx, row.id, Number(row.version), cols);
      for (const ch of changes)
        await appendCaseEvent(trx, { caseId: row.id, at, actor, kind: ch.kind, data: ch.data });
      if (next.status === 'resolved' && row.status !== 'resolved') await offerSurvey(trx, next, at);
      await audit.inTransaction(trx, {
        action: 'update',
        patientId: row.patient_id,
        resourceType: 'Case',
        resourceId: row.id,
        detail: JSON.stringify({ changed: changes.map((c) => c.kind) }),
      });
      return toCaseView({ ...next, version: Number(row.version) + 1 });
    });
  }

  /**
   * A message on the case. Staff answer publicly or leave internal notes; a patient's (or an
   * e-mail sender's) message may reopen the case or, long after it closed, open a new one.
   */
  async reply(organizationId: string, id: string, input: ReplyInput, audit: RequestAudit) {
    requireMessageText(input.body);
    const fromPatient = isPatientSide(audit.ctx) || input.inbound !== undefined;
    if (fromPatient && (input.visibility === 'internal' || input.status))
      throw new DomainError(
        'forbidden',
        'problem.forbidden',
        'Patients send public messages only.',
      );
    const now = this.clock.now();
    const at = now.toISOString();
    const actor = input.inbound ? senderOf(input.inbound) : actorOf(audit.ctx);
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.find(organizationId, id, trx);
      const next: CaseRow = { ...row, updated_at: at };
      const events: Array<{ kind: string; data: Record<string, unknown> }> = [];
      if (fromPatient) {
        const effect = patientReplyEffect(
          row.status as CaseStatus,
          row.resolved_at,
          now,
          this.options.reopenDays,
        );
        if (effect.kind === 'follow-up-case') return this.followUp(trx, row, input, audit);
        if (effect.kind === 'reopen') {
          moveStatus(next, effect.to, at);
          events.push({ kind: 'reopened', data: { from: row.status, to: effect.to } });
        }
      } else if (input.visibility === 'public') {
        next.first_response_at ??= at;
        const to = input.status ?? (row.status === 'new' ? 'open' : undefined);
        if (to && to !== row.status) {
          requireMove(row.status as CaseStatus, to);
          moveStatus(next, to, at);
          events.push({ kind: 'status', data: { from: row.status, to } });
        }
      }
      const messageId = await insertCaseMessage(trx, next, actor, input, at);
      Object.assign(next, await this.sla(trx, next, now));
      const { id: _i, organization_id: _o, number: _n, version: _v, ...cols } = next;
      await updateCaseRow(trx, row.id, Number(row.version), cols);
      for (const e of events)
        await appendCaseEvent(trx, { caseId: row.id, at, actor, kind: e.kind, data: e.data });
      if (next.status === 'resolved' && row.status !== 'resolved') await offerSurvey(trx, next, at);
      if (!fromPatient && input.visibility === 'public' && this.options.delivery)
        await this.options.delivery.replySent(trx, next, messageId, input.body);
      await audit.inTransaction(trx, {
        action: 'update',
        patientId: row.patient_id,
        resourceType: 'Communication',
        resourceId: messageId,
        detail: JSON.stringify({ caseId: row.id, visibility: input.visibility }),
      });
      return { case: toCaseView({ ...next, version: Number(row.version) + 1 }), messageId };
    });
  }

  /** A new case for a patient writing long after their case was closed, linked back to it. */
  private async followUp(
    trx: Kysely<Schema>,
    old: CaseRow,
    input: ReplyInput,
    audit: RequestAudit,
  ) {
    const now = this.clock.now();
    const at = now.toISOString();
    const actor = input.inbound ? senderOf(input.inbound) : actorOf(audit.ctx);
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
    await this.route(trx, row);
    Object.assign(row, await this.sla(trx, row, now));
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

  /** Places a new case in a queue and, when someone eligible is free, with an agent. */
  private async route(trx: Kysely<Schema>, row: CaseRow): Promise<string | null> {
    if (!this.options.routing) return null;
    const r = await this.options.routing.route(trx, row);
    row.queue_id = r.queueId;
    row.team_id = r.teamId;
    row.assignee_id = r.assigneeId;
    return r.reason;
  }

  private async sla(trx: Kysely<Schema>, row: CaseRow, now: Date): Promise<SlaColumns> {
    if (!this.options.sla) return NO_SLA;
    return this.options.sla.evaluate(trx, row, now);
  }
}
