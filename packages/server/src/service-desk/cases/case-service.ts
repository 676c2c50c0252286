import {
  canMove,
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
  updateCaseRow,
  type CaseRow,
} from '../../storage/cases/case-store';
import type { Database } from '../../storage/database';
import type { GroupCommit } from '../../storage/group-commit';
import type { Schema } from '../../storage/schema';
import { offerSurvey } from '../csat/csat-service';
import type { CaseDeliveryPort, CaseRoutingPort, CaseSlaPort, SlaColumns } from './case-ports';
import { insertNewCase, openFollowUpCase } from './case-opening';
import { NO_SLA } from './case-sla';
import { actorOf, isPatientSide, toCaseView, type CaseView } from './case-views';
import {
  insertCaseMessage,
  moveStatus,
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
const unknownCategory = () =>
  new DomainError('validation', 'problem.validation', 'Unknown category.', [
    { path: 'category', messageKey: 'case.category.invalid', detail: 'unknown category' },
  ]);

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
      throw unknownCategory();
    const now = this.clock.now();
    const actor = actorOf(audit.ctx);
    const write = (trx: Kysely<Schema>) =>
      insertNewCase(trx, this.options, { organizationId, c, actor, audit, now, mail });
    return this.options.writes
      ? this.options.writes.run(write)
      : this.database.db.transaction().execute(write);
  }

  /**
   * Opens a case inside the caller's transaction: a follow-up plan's case is written with
   * the HL7 message that started it, so the ACK covers both (issue #6 point 4).
   */
  async openInTransaction(
    trx: Kysely<Schema>,
    organizationId: string,
    input: NewCaseInput,
    audit: RequestAudit,
  ): Promise<CaseView> {
    const c = validateNewCase(input, this.options.defaultCountry);
    if (!(await isCaseCategory(trx, organizationId, c.category))) throw unknownCategory();
    const now = this.clock.now();
    return insertNewCase(trx, this.options, {
      organizationId,
      c,
      actor: actorOf(audit.ctx),
      audit,
      now,
    });
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
        if (effect.kind === 'follow-up-case')
          return openFollowUpCase(trx, this.options, { old: row, input, actor, audit, now });
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

  /**
   * What a follow-up plan does to its case, in the plan's transaction (issue #6 points 4–5):
   * a timeline event, a message (a public one is delivered to the patient on their
   * channel), a raised priority, a move (resolved when the plan ends). A move the case
   * cannot make (it is already closed) is left out; the rest still happens.
   */
  async recordInTransaction(
    trx: Kysely<Schema>,
    organizationId: string,
    id: string,
    change: {
      event?: { kind: string; data: Record<string, unknown> };
      message?: { body: string; visibility: 'public' | 'internal' };
      priority?: CasePriority;
      status?: CaseStatus;
    },
    audit: RequestAudit,
  ): Promise<void> {
    const now = this.clock.now();
    const at = now.toISOString();
    const actor = actorOf(audit.ctx);
    const row = await this.find(organizationId, id, trx);
    const next: CaseRow = { ...row, updated_at: at };
    const events = change.event ? [change.event] : [];
    if (change.priority && change.priority !== row.priority) {
      next.priority = change.priority;
      events.push({ kind: 'priority', data: { from: row.priority, to: change.priority } });
    }
    const to = change.status;
    if (to && to !== row.status && canMove(row.status as CaseStatus, to)) {
      moveStatus(next, to, at);
      events.push({ kind: 'status', data: { from: row.status, to } });
    }
    const messageId = change.message
      ? await insertCaseMessage(trx, next, actor, change.message, at)
      : null;
    if (change.message?.visibility === 'public') next.first_response_at ??= at;
    Object.assign(next, await this.sla(trx, next, now));
    const { id: _i, organization_id: _o, number: _n, version: _v, ...cols } = next;
    await updateCaseRow(trx, row.id, Number(row.version), cols);
    for (const e of events)
      await appendCaseEvent(trx, { caseId: row.id, at, actor, kind: e.kind, data: e.data });
    if (next.status === 'resolved' && row.status !== 'resolved') await offerSurvey(trx, next, at);
    if (messageId && change.message?.visibility === 'public' && this.options.delivery)
      await this.options.delivery.replySent(trx, next, messageId, change.message.body);
    await audit.inTransaction(trx, {
      action: 'update',
      patientId: row.patient_id,
      resourceType: 'Case',
      resourceId: row.id,
      detail: JSON.stringify({ changed: events.map((e) => e.kind) }),
    });
  }

  private async sla(trx: Kysely<Schema>, row: CaseRow, now: Date): Promise<SlaColumns> {
    if (!this.options.sla) return NO_SLA;
    return this.options.sla.evaluate(trx, row, now);
  }
}
