/**
 * Audit entries -> FHIR R4 AuditEvent (https://hl7.org/fhir/R4/auditevent.html), in the
 * style of IHE BALP: RESTful access as `audit-event-type#rest` with a restful-interaction
 * subtype; logins as DICOM 110114 User Authentication (110122 Login / 110123 Logout);
 * exports and disclosures as DICOM 110106 Export; security changes and break-the-glass as
 * DICOM 110113 Security Alert with the DICOM subtype that names them.
 *
 * Outcome (audit-event-outcome): success -> 0; denied -> 4 "minor failure" (the request
 * was well-formed and refused by policy, nothing broke); failed -> 8 "serious failure"
 * (the action did not complete). A failed login is never 0.
 */
import type { AuditAction, AuditEntry } from '@caredesk/core';
import type {
  AuditEvent,
  AuditEventAgent,
  AuditEventEntity,
  Bundle,
  CodeableConcept,
  Coding,
  Reference,
} from '@medplum/fhirtypes';
import { R4_RESOURCE_TYPES } from '../r4-resource-types';

const AUDIT_EVENT_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-event-type';
const RESTFUL_INTERACTION = 'http://hl7.org/fhir/restful-interaction';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';
const SOURCE_TYPE = 'http://terminology.hl7.org/CodeSystem/security-source-type';
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const SECURITY_ROLE_TYPE = 'http://terminology.hl7.org/CodeSystem/extra-security-role-type';
/** CareDesk's own code systems and extensions (local, like CAREDESK_RELATIONSHIP_SYSTEM). */
export const CAREDESK_ROLE_SYSTEM = 'urn:caredesk:codesystem:role';
export const CAREDESK_ACTOR_SYSTEM = 'urn:caredesk:actor';
export const CAREDESK_USER_AGENT_EXTENSION = 'urn:caredesk:fhir:extension:user-agent';
export const CAREDESK_AUDIT_CHAIN_SYSTEM = 'urn:caredesk:audit-chain';

type EventCode = { type: Coding; subtype?: Coding; action: AuditEvent['action'] };

const rest = (code: string, action: AuditEvent['action']): EventCode => ({
  type: { system: AUDIT_EVENT_TYPE, code: 'rest', display: 'Restful Operation' },
  subtype: { system: RESTFUL_INTERACTION, code, display: code },
  action,
});
const dcm = (
  code: string,
  display: string,
  action: AuditEvent['action'],
  sub?: [string, string],
): EventCode => ({
  type: { system: DCM, code, display },
  ...(sub ? { subtype: { system: DCM, code: sub[0], display: sub[1] } } : {}),
  action,
});

/** Type, subtype and action code (C | R | U | D | E) for each CareDesk action. */
export function auditEventCode(action: AuditAction, hasResourceType = true): EventCode {
  switch (action) {
    case 'read':
      return rest('read', 'R');
    case 'search':
      return rest(hasResourceType ? 'search-type' : 'search-system', 'E');
    case 'create':
      return rest('create', 'C');
    case 'update':
      return rest('update', 'U');
    case 'delete':
      return rest('delete', 'D');
    case 'merge':
    case 'consent-change':
      return dcm('110110', 'Patient Record', 'U');
    case 'import':
      return dcm('110107', 'Import', 'C');
    case 'export':
      return dcm('110106', 'Export', 'R');
    case 'disclose':
      return {
        ...dcm('110106', 'Export', 'R'),
        subtype: { code: 'Disclosure', display: 'HIPAA disclosure' },
      };
    case 'login':
    case 'login-failed':
      return dcm('110114', 'User Authentication', 'E', ['110122', 'Login']);
    case 'logout':
      return dcm('110114', 'User Authentication', 'E', ['110123', 'Logout']);
    case 'permission-change':
      return dcm('110113', 'Security Alert', 'U', ['110136', 'Security Roles Changed']);
    case 'mfa-change':
    case 'password-change':
    case 'account-change':
    case 'token-change':
      return dcm('110113', 'Security Alert', 'U', ['110137', 'User Security Attributes Changed']);
    case 'break-glass':
      return dcm('110113', 'Security Alert', 'E', ['110127', 'Emergency Override Started']);
  }
}

function outcomeCode(e: AuditEntry): AuditEvent['outcome'] {
  if (e.outcome === 'failed') return '8';
  if (e.outcome === 'denied' || e.action === 'login-failed') return '4';
  return '0';
}

function reference(type: string, id: string): Reference {
  // Only real R4 types make a resolvable reference; anything else is a local identifier.
  return R4_RESOURCE_TYPES.has(type)
    ? { reference: `${type}/${id}` }
    : { identifier: { system: `urn:caredesk:${type}`, value: id } };
}

const purpose = (code: string): CodeableConcept => ({ coding: [{ system: ACT_REASON, code }] });

function purposes(e: AuditEntry): CodeableConcept[] {
  const list: CodeableConcept[] = [];
  if (e.purposeOfUse) list.push(purpose(e.purposeOfUse));
  // Break-the-glass access is flagged for review (security brief G10).
  if (e.breakGlass && e.purposeOfUse !== 'BTG') list.push(purpose('BTG'));
  return list;
}

function requestor(e: AuditEntry): AuditEventAgent {
  const human = e.actorKind !== 'api-token' && e.actorKind !== 'system';
  const who: AuditEventAgent['who'] = {
    ...(e.actorId
      ? { identifier: { system: `${CAREDESK_ACTOR_SYSTEM}:${e.actorKind}`, value: e.actorId } }
      : {}),
    display: e.actorName ?? e.actorKind,
  };
  const agent: AuditEventAgent = {
    type: {
      coding: [
        human
          ? { system: SECURITY_ROLE_TYPE, code: 'humanuser', display: 'human user' }
          : { system: DCM, code: '110150', display: 'Application' },
      ],
    },
    who,
    requestor: true,
  };
  if (e.actorName) agent.name = e.actorName;
  if (e.actorRoles.length > 0) {
    agent.role = e.actorRoles.map((r) => ({
      coding: [{ system: CAREDESK_ROLE_SYSTEM, code: r }],
      text: r,
    }));
  }
  // type 2 = IP address (network-type).
  if (e.sourceAddress) agent.network = { address: e.sourceAddress, type: '2' };
  const pou = purposes(e);
  if (pou.length > 0) agent.purposeOfUse = pou;
  if (e.userAgent) {
    agent.extension = [{ url: CAREDESK_USER_AGENT_EXTENSION, valueString: e.userAgent }];
  }
  return agent;
}

function entities(e: AuditEntry): AuditEventEntity[] {
  const list: AuditEventEntity[] = [];
  if (e.patientId) {
    list.push({
      what: { reference: `Patient/${e.patientId}` },
      type: { system: ENTITY_TYPE, code: '1', display: 'Person' },
      role: { system: OBJECT_ROLE, code: '1', display: 'Patient' },
    });
  }
  const samePatient = e.resourceType === 'Patient' && e.resourceId === e.patientId;
  if (e.resourceType && e.resourceId && !samePatient) {
    list.push({
      what: reference(e.resourceType, e.resourceId),
      type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
      role: { system: OBJECT_ROLE, code: '4', display: 'Domain Resource' },
    });
  } else if (e.action === 'search' && e.resourceType) {
    // A query entity carries a description, never both `query` and `name` (sev-1).
    list.push({
      type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
      role: { system: OBJECT_ROLE, code: '24', display: 'Query' },
      description: `${e.resourceType} search`,
    });
  }
  if (e.detail) {
    const first = list[0];
    const detail = { type: 'detail', valueString: e.detail };
    if (first) first.detail = [detail];
    else {
      list.push({
        type: { system: ENTITY_TYPE, code: '4', display: 'Other' },
        description: e.detail,
        detail: [detail],
      });
    }
  }
  return list;
}

export interface AuditEventOptions {
  /** `source.observer.display` (default "CareDesk"). */
  observer?: string | undefined;
}

/** One audit entry as an R4 AuditEvent; its id is the entry's seq in the chain. */
export function auditEventToFhir(e: AuditEntry, opts: AuditEventOptions = {}): AuditEvent {
  const code = auditEventCode(e.action, e.resourceType !== null);
  const event: AuditEvent = {
    resourceType: 'AuditEvent',
    id: String(e.seq),
    // The chain position and hash, so an exported event can be matched to the trail.
    meta: {
      tag: [{ system: CAREDESK_AUDIT_CHAIN_SYSTEM, code: e.hash, display: `seq ${e.seq}` }],
    },
    type: code.type,
    ...(code.subtype ? { subtype: [code.subtype] } : {}),
    action: code.action,
    recorded: e.occurredAt,
    outcome: outcomeCode(e),
    agent: [requestor(e)],
    source: {
      ...(e.organizationId ? { site: e.organizationId } : {}),
      observer: { display: opts.observer ?? 'CareDesk' },
      type: [{ system: SOURCE_TYPE, code: '4', display: 'Application Server' }],
    },
  };
  if (e.outcome !== 'success' || e.action === 'login-failed') {
    event.outcomeDesc = e.detail ? `${e.outcome}: ${e.detail}` : e.outcome;
  }
  const pou = purposes(e);
  if (pou.length > 0) event.purposeOfEvent = pou;
  // A caregiver acting for a patient: the patient is a second, non-requesting agent.
  if (e.onBehalfOf) {
    event.agent.push({ who: { reference: `Patient/${e.onBehalfOf}` }, requestor: false });
  }
  const list = entities(e);
  if (list.length > 0) event.entity = list;
  return event;
}

export interface AuditBundleOptions extends AuditEventOptions {
  type?: 'collection' | 'searchset';
  /** Bundle.timestamp (ISO instant), when the export was made. */
  timestamp?: string | undefined;
}

/** A Bundle of AuditEvents; an empty one has no `entry` (FHIR JSON forbids empty arrays). */
export function auditEventBundle(
  entries: readonly AuditEntry[],
  opts: AuditBundleOptions = {},
): Bundle<AuditEvent> {
  const type = opts.type ?? 'collection';
  const bundle: Bundle<AuditEvent> = { resourceType: 'Bundle', type };
  if (opts.timestamp) bundle.timestamp = opts.timestamp;
  if (type === 'searchset') bundle.total = entries.length;
  if (entries.length > 0) {
    bundle.entry = entries.map((e) => ({
      resource: auditEventToFhir(e, opts),
      ...(type === 'searchset' ? { search: { mode: 'match' as const } } : {}),
    }));
  }
  return bundle;
}
