import {
  decide,
  displayName,
  DomainError,
  type AccessContext,
  type MacroPlaceholder,
  type PatientFacts,
  type PersonName,
} from '@caredesk/core';
import { caseBundle } from '@caredesk/interop/fhir';
import {
  listInbox,
  listPatientCases,
  loadCase,
  loadEvents,
  loadMessages,
  type CaseRow,
  type InboxFilter,
} from '../../storage/cases/case-store';
import { loadPatientFacts } from '../../storage/access/patient-facts';
import type { Database } from '../../storage/database';
import type { Page } from '../../storage/patients/patient-search';
import {
  isPatientSide,
  PATIENT_VISIBLE_EVENTS,
  toCaseView,
  toMessageView,
  type CaseEventView,
  type CaseMessageView,
  type CaseView,
} from './case-views';
import { CaseIdentity } from './case-identity';

/** The patient as the case page shows them to staff (after any verification). */
export interface CasePatient {
  id: string;
  displayName: string;
  firstName: string | null;
  language: string;
}

/** A case in the inbox, with the names staff need to pick it out. */
export interface InboxItem extends CaseView {
  patientName: string | null;
  assigneeName: string | null;
  /** A restricted record outside the reader's reach: no subject, no name. */
  restricted: boolean;
}

export interface CaseDetail {
  case: CaseView;
  /** Null for patients and caregivers, an unidentified caller, or before verification. */
  patient: CasePatient | null;
  /** What macros fill in on this case (staff only; empty for patients). */
  macroFacts: Partial<Record<MacroPlaceholder, string | null>>;
  /** A phone or walk-in caller not yet verified: show no patient details until they are. */
  needsVerification: boolean;
  /** Display names of the staff the case names (assignee), for staff only. */
  people: Record<string, string>;
  messages: CaseMessageView[];
  timeline: CaseEventView[];
}

/**
 * What a patient sees of their own case: the conversation and its progress, not who it
 * is assigned to, which queue or tags it has, or its SLA clocks (staff's working data).
 */
function forPatient(view: CaseView): CaseView {
  return {
    ...view,
    assigneeId: null,
    teamId: null,
    queueId: null,
    tags: [],
    sla: { state: 'none', firstResponseDue: null, resolutionDue: null, dueAt: null },
  };
}

/** Reads cases for the inbox, the case page, the portal and FHIR export. */
export class CaseReader {
  constructor(
    private readonly database: Database,
    private readonly fhirBase: () => string,
    private readonly portalUrl: () => string = () => '',
  ) {}

  /**
   * An inbox page, each case with its patient's name — or, for a patient this staff member
   * may not reach (a restricted record outside their care relationship), with neither the
   * name nor the subject: the case is there to be routed, not read (decide.ts).
   */
  async inbox(
    filter: InboxFilter,
    limit: number,
    cursor: string | undefined,
    ctx: AccessContext,
  ): Promise<Page<InboxItem>> {
    const page = await listInbox(this.database.db, filter, limit, cursor);
    const patientIds = [...new Set(page.items.map((r) => r.patient_id).filter((x) => x !== null))];
    // One read for the page's patients: their names, and the facts the access decision
    // needs; the care team is read only where it can change the answer (decide.ts).
    const patients = await this.inboxPatients(patientIds);
    const careTeamReach = ctx.principal?.kind === 'staff' && ctx.principal.reach === 'care-team';
    const staff = await this.staffNames(
      page.items.map((r) => r.assignee_id).filter((x): x is string => x !== null),
    );
    const items: InboxItem[] = [];
    for (const r of page.items) {
      const view = toCaseView(r);
      const assigneeName = r.assignee_id ? (staff.get(r.assignee_id) ?? null) : null;
      const known = r.patient_id ? patients.get(r.patient_id) : undefined;
      let facts = known?.facts ?? null;
      if (facts && (facts.restricted || careTeamReach))
        facts = await loadPatientFacts(this.database.db, facts.patientId);
      const reachable =
        !r.patient_id ||
        (facts !== null &&
          decide(ctx, { permission: 'case.read', patient: facts, category: 'messages' }).allow);
      items.push(
        reachable
          ? { ...view, patientName: known?.name ?? null, assigneeName, restricted: false }
          : { ...view, subject: '', patientName: null, assigneeName, restricted: true },
      );
    }
    return { items, nextCursor: page.nextCursor };
  }

  async forPatient(patientId: string, limit: number, cursor?: string): Promise<Page<CaseView>> {
    const page = await listPatientCases(this.database.db, patientId, limit, cursor);
    return { items: page.items.map((r) => forPatient(toCaseView(r))), nextCursor: page.nextCursor };
  }

  /** The case page; the access hook has already decided the caller may read this case. */
  async detail(caseId: string, ctx: AccessContext): Promise<CaseDetail> {
    const row = await this.row(caseId);
    const patientSide = isPatientSide(ctx);
    const [messages, events, attachments] = await Promise.all([
      loadMessages(this.database.db, caseId),
      loadEvents(this.database.db, caseId),
      this.database.db
        .selectFrom('case_attachments')
        .select(['id', 'message_id', 'filename', 'content_type', 'size'])
        .where('case_id', '=', caseId)
        .execute(),
    ]);
    const files = new Map<string, CaseMessageView['attachments']>();
    for (const a of attachments) {
      const list = files.get(a.message_id) ?? [];
      list.push({
        id: a.id,
        filename: a.filename,
        contentType: a.content_type,
        size: Number(a.size),
      });
      files.set(a.message_id, list);
    }
    const timeline = events
      .filter((e) => !patientSide || PATIENT_VISIBLE_EVENTS.has(e.kind))
      .filter((e) => {
        if (!patientSide || e.kind !== 'message') return true;
        return (JSON.parse(e.data) as { visibility?: string }).visibility !== 'internal';
      })
      .map((e) => ({
        at: e.at,
        actorKind: e.actor_kind,
        actorName: patientSide && e.actor_kind === 'staff' ? null : e.actor_name,
        kind: e.kind,
        data: JSON.parse(e.data) as Record<string, unknown>,
      }));
    const view = toCaseView(row);
    const needsVerification = !patientSide && CaseIdentity.needsVerification(view);
    const patient = patientSide || needsVerification ? null : await this.patient(row);
    const people = patientSide ? {} : await this.people(row);
    const me = ctx.principal && 'accountId' in ctx.principal ? ctx.principal : null;
    return {
      case: patientSide ? forPatient(view) : view,
      needsVerification,
      patient,
      macroFacts: patientSide
        ? {}
        : {
            'patient.firstName': patient?.firstName ?? null,
            'patient.fullName': patient?.displayName ?? null,
            'case.number': view.reference,
            'case.subject': view.subject,
            'case.dueDate': view.sla.resolutionDue,
            'agent.firstName': me ? (me.displayName.split(' ')[0] ?? null) : null,
            'organization.name': await this.organizationName(row.organization_id),
            'portal.link': `${this.portalUrl()}/portal/requests/${view.id}`,
          },
      people,
      messages: messages
        .filter((m) => !patientSide || m.visibility === 'public')
        .map((m) => {
          const view = toMessageView(m, files.get(m.id) ?? []);
          // Patients hear from "the clinic", as their timeline shows it (staff names are staff's).
          return patientSide && m.author_kind === 'staff' ? { ...view, authorName: null } : view;
        }),
      timeline,
    };
  }

  async fhir(caseId: string, ctx: AccessContext): Promise<Record<string, unknown>> {
    const detail = await this.detail(caseId, ctx);
    const c = detail.case;
    return caseBundle(
      {
        id: c.id,
        reference: c.reference,
        patientId: c.patientId,
        status: c.status,
        priority: c.priority,
        category: c.category,
        subject: c.subject,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        ownerName: c.assigneeId ? (detail.people[c.assigneeId] ?? null) : null,
        resolvedAt: c.resolvedAt,
      },
      detail.messages,
      this.fhirBase(),
    );
  }

  /** A case's own words (subject and first public messages) and language, to search by. */
  async caseText(caseId: string): Promise<{ text: string; language: string }> {
    const row = await this.row(caseId);
    const first = await this.database.db
      .selectFrom('case_messages')
      .select('body')
      .where('case_id', '=', caseId)
      .where('visibility', '=', 'public')
      .orderBy('position')
      .limit(3)
      .execute();
    return {
      text: [row.subject, ...first.map((m) => m.body)].join('\n'),
      language: row.language,
    };
  }

  /** A file of a message the caller may see (patients: public messages only). */
  async attachment(caseId: string, attachmentId: string, ctx: AccessContext) {
    const a = await this.database.db
      .selectFrom('case_attachments')
      .innerJoin('case_messages', 'case_messages.id', 'case_attachments.message_id')
      .select([
        'case_attachments.filename as filename',
        'case_attachments.content_type as contentType',
        'case_attachments.content as content',
        'case_messages.visibility as visibility',
      ])
      .where('case_attachments.id', '=', attachmentId)
      .where('case_attachments.case_id', '=', caseId)
      .executeTakeFirst();
    if (!a || (isPatientSide(ctx) && a.visibility !== 'public'))
      throw new DomainError('not-found', 'problem.not-found', 'No such file.');
    return { filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) };
  }

  private async row(caseId: string): Promise<CaseRow> {
    const row = await loadCase(this.database.db, caseId);
    if (!row) throw new DomainError('not-found', 'problem.not-found', 'No such case.');
    return row;
  }

  private async patient(row: CaseRow): Promise<CasePatient | null> {
    if (!row.patient_id) return null;
    const p = await this.database.db
      .selectFrom('patients')
      .select(['id', 'data', 'preferred_language'])
      .where('id', '=', row.patient_id)
      .executeTakeFirst();
    if (!p) return null;
    const names = (JSON.parse(p.data) as { names?: PersonName[] }).names ?? [];
    return {
      id: p.id,
      displayName: displayName(names),
      firstName: names[0]?.given[0] ?? null,
      language: p.preferred_language,
    };
  }

  /**
   * The page's patients: their names and the facts the access decision needs. Read from the
   * search summary (the covering index patients_by_id_summary answers it without the
   * records); a record from before migration 0007 not yet back-filled uses its document.
   */
  private async inboxPatients(
    ids: string[],
  ): Promise<Map<string, { name: string; facts: PatientFacts }>> {
    const patients = new Map<string, { name: string; facts: PatientFacts }>();
    if (ids.length === 0) return patients;
    const rows = await this.database.db
      .selectFrom('patients')
      .select(['id', 'organization_id', 'restricted', 'summary'])
      .where('id', 'in', ids)
      .execute();
    const missing = rows.filter((r) => r.summary === null).map((r) => r.id);
    const documents = new Map<string, string>();
    if (missing.length > 0) {
      const docs = await this.database.db
        .selectFrom('patients')
        .select(['id', 'data'])
        .where('id', 'in', missing)
        .execute();
      for (const d of docs) documents.set(d.id, d.data);
    }
    for (const r of rows) {
      const data = documents.get(r.id);
      const name = r.summary
        ? (JSON.parse(r.summary) as { displayName: string }).displayName
        : displayName((JSON.parse(data ?? '{}') as { names?: PersonName[] }).names ?? []);
      patients.set(r.id, {
        name,
        facts: {
          patientId: r.id,
          organizationId: r.organization_id,
          restricted: Number(r.restricted) === 1,
          careTeam: [],
        },
      });
    }
    return patients;
  }

  private async organizationName(id: string): Promise<string | null> {
    const o = await this.database.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirst();
    return o?.name ?? null;
  }

  private async staffNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.db
      .selectFrom('accounts')
      .select(['id', 'display_name'])
      .where('id', 'in', [...new Set(ids)])
      .where('kind', '=', 'staff')
      .execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** Display names of the staff the case names (assignee, creator), for the case page. */
  private async people(row: CaseRow): Promise<Record<string, string>> {
    const ids = [row.assignee_id, row.created_by].filter((x): x is string => !!x);
    return Object.fromEntries(await this.staffNames(ids));
  }
}
