import type { AuditEntry } from '@caredesk/core';
import { AUDIT_ACTIONS } from '@caredesk/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FhirSchema } from '../testing/fhir-schema';
import { loadFhirSchema } from '../testing/fhir-schema';
import { auditEventBundle, auditEventToFhir } from './audit-event-to-fhir';

let schema: FhirSchema;
beforeAll(() => {
  schema = loadFhirSchema();
});

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq: 7,
  prevHash: '0'.repeat(64),
  hash: 'ab'.repeat(32),
  organizationId: 'org-1',
  occurredAt: '2025-03-01T10:15:30.123Z',
  actorKind: 'staff',
  actorId: 'staff-1',
  actorName: 'Dr Ilze Bērziņa',
  actorRoles: ['clinician', 'privacy-officer'],
  onBehalfOf: null,
  patientId: 'pat-1',
  action: 'read',
  resourceType: 'Patient',
  resourceId: 'pat-1',
  outcome: 'success',
  purposeOfUse: 'TREAT',
  sourceAddress: '2001:db8::1',
  userAgent: 'Mozilla/5.0',
  breakGlass: false,
  detail: null,
  ...over,
});

describe('audit entry -> FHIR AuditEvent', () => {
  it('every action and outcome validates against the R4 schema', () => {
    for (const action of AUDIT_ACTIONS) {
      for (const outcome of ['success', 'denied', 'failed'] as const) {
        const e = auditEventToFhir(
          entry({ action, outcome, detail: outcome === 'success' ? null : 'E42' }),
        );
        expect(schema.errors(e), `${action}/${outcome}`).toEqual([]);
        for (const ent of e.entity ?? []) expect(ent.query && ent.name).toBeFalsy(); // sev-1
      }
    }
  });

  it('maps a staff read as REST read with agent, network address, purpose and entities', () => {
    const e = auditEventToFhir(entry({ resourceType: 'Coverage', resourceId: 'cov-1' }));
    expect(e).toMatchObject({
      resourceType: 'AuditEvent',
      id: '7',
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
      subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read' }],
      action: 'R',
      recorded: '2025-03-01T10:15:30.123Z',
      outcome: '0',
      source: { observer: { display: 'CareDesk' }, site: 'org-1' },
      purposeOfEvent: [{ coding: [{ code: 'TREAT' }] }],
    });
    expect(e.agent[0]).toMatchObject({
      who: { display: 'Dr Ilze Bērziņa', identifier: { value: 'staff-1' } },
      requestor: true,
      network: { address: '2001:db8::1', type: '2' },
      role: [{ text: 'clinician' }, { text: 'privacy-officer' }],
      purposeOfUse: [{ coding: [{ code: 'TREAT' }] }],
    });
    expect(e.entity).toEqual([
      expect.objectContaining({
        what: { reference: 'Patient/pat-1' },
        type: expect.objectContaining({ code: '1' }),
        role: expect.objectContaining({ code: '1' }),
      }),
      expect.objectContaining({
        what: { reference: 'Coverage/cov-1' },
        type: expect.objectContaining({ code: '2' }),
        role: expect.objectContaining({ code: '4' }),
      }),
    ]);
  });

  it('maps logins, exports, searches, break-glass and outcomes', () => {
    const login = auditEventToFhir(
      entry({ action: 'login', patientId: null, resourceType: null, resourceId: null }),
    );
    expect(login).toMatchObject({
      type: { code: '110114' },
      subtype: [{ code: '110122' }],
      action: 'E',
    });
    expect(login.entity).toBeUndefined();
    expect(auditEventToFhir(entry({ action: 'logout' })).subtype).toMatchObject([
      { code: '110123' },
    ]);
    const failedLogin = auditEventToFhir(entry({ action: 'login-failed', outcome: 'success' }));
    expect(failedLogin.outcome).toBe('4');
    expect(auditEventToFhir(entry({ action: 'export' }))).toMatchObject({
      type: { code: '110106' },
      action: 'R',
    });
    const search = auditEventToFhir(
      entry({ action: 'search', patientId: null, resourceId: null, detail: 'name,birthdate' }),
    );
    expect(search).toMatchObject({ subtype: [{ code: 'search-type' }], action: 'E' });
    expect(search.entity).toEqual([
      expect.objectContaining({
        role: expect.objectContaining({ code: '24' }),
        detail: [{ type: 'detail', valueString: 'name,birthdate' }],
      }),
    ]);
    expect(
      auditEventToFhir(entry({ outcome: 'denied', detail: 'no care relationship' })),
    ).toMatchObject({
      outcome: '4',
      outcomeDesc: 'denied: no care relationship',
    });
    expect(auditEventToFhir(entry({ outcome: 'failed' })).outcome).toBe('8');
    const btg = auditEventToFhir(entry({ breakGlass: true, purposeOfUse: 'ETREAT' }));
    expect(btg.purposeOfEvent?.map((p) => p.coding?.[0]?.code)).toEqual(['ETREAT', 'BTG']);
    const proxy = auditEventToFhir(entry({ actorKind: 'caregiver', onBehalfOf: 'pat-1' }));
    expect(proxy.agent[1]).toEqual({ who: { reference: 'Patient/pat-1' }, requestor: false });
  });

  it('bundles as collection or searchset, with no entry array when empty', () => {
    const c = auditEventBundle([entry(), entry({ seq: 8 })]);
    expect(c.type).toBe('collection');
    expect(c.entry).toHaveLength(2);
    expect(schema.errors(c)).toEqual([]);
    const s = auditEventBundle([entry()], { type: 'searchset', timestamp: '2025-03-02T00:00:00Z' });
    expect(s).toMatchObject({
      type: 'searchset',
      total: 1,
      entry: [{ search: { mode: 'match' } }],
    });
    expect(schema.errors(s)).toEqual([]);
    const empty = auditEventBundle([]);
    expect(empty).not.toHaveProperty('entry');
    expect(schema.errors(empty)).toEqual([]);
  });
});
