import { randomUUID } from 'node:crypto';
import { STAFF_ROLES, type Consent, type DataCategory } from '@caredesk/core';
import type { FastifyRequest } from 'fastify';
import { AccessService } from '../../../access/access-service';
import { insertConsent } from '../../../storage/access/consent-store';
import {
  addOrganization,
  patient as patientFixture,
} from '../../../storage/contract/registry-fixtures';
import { PatientRepository } from '../../../storage/patients/patient-repository';
import { issueTokenWith } from '../../../testing/api-token';
import { signedInStaff, type Inject } from '../../../testing/signed-in-client';
import {
  as,
  PASSWORD,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from '../../auth/testing/auth-fixtures';

/** One caller of the matrix: how to send a request as them, and their headers for the oracle. */
export interface Party {
  name: string;
  inject: Inject;
  /** Headers identifying them (cookie or bearer), to rebuild their access context. */
  headers: Record<string, string>;
}

export type TargetName = 'own' | 'other' | 'foreign';

export interface MatrixWorld {
  desk: Desk;
  clock: TestClock;
  parties: Party[];
  targets: Record<TargetName, string>;
  /** A related person of each target that no caregiver account speaks for (consent fixtures). */
  contacts: Record<TargetName, string>;
  practitionerId: string;
  access: AccessService;
}

const NAME = (given: string) => [
  { use: 'official' as const, given: [given], family: 'Matrix', prefix: [], suffix: [] },
];

async function consent(
  desk: Desk,
  patientId: string,
  relatedPersonId: string,
  permit: DataCategory[],
  extra: Partial<Consent> = {},
): Promise<void> {
  await insertConsent(desk.database.db, {
    id: randomUUID(),
    patientId,
    relatedPersonId,
    status: 'active',
    permit,
    deny: [],
    periodStart: '2000-01-01T00:00:00.000Z',
    periodEnd: null,
    grantedBy: 'matrix',
    createdAt: '2000-01-01T00:00:00.000Z',
    revokedAt: null,
    ...extra,
  });
}

/**
 * The world the authorization matrix runs in: a patient with a patient account and four
 * caregivers (consent in scope, out of scope, revoked, expired), a second patient of the
 * same organization, a patient of another organization, staff in every role, staff of the
 * other organization, an integration token, and nobody (anonymous).
 */
export async function buildMatrixWorld(): Promise<MatrixWorld> {
  const { desk, clock } = await startDesk();
  const repo = new PatientRepository(desk.database);
  const create = async (organizationId: string, given: string) => {
    const p = patientFixture(organizationId, { names: NAME(given), birthDate: '1960-01-01' });
    await desk.database.db.transaction().execute((trx) => repo.create(trx, p));
    return p.id;
  };
  const otherOrg = await addOrganization(desk.database, 'Matrix Other Clinic');
  const targets = {
    own: await create(desk.organizationId, 'Own'),
    other: await create(desk.organizationId, 'Other'),
    foreign: await create(otherOrg, 'Foreign'),
  };
  const relatedPerson = async (patientId: string, given: string) => {
    const id = randomUUID();
    const rp = {
      id,
      patientId,
      names: NAME(given),
      relationship: 'DAU',
      telecom: [],
      preferredLanguage: null,
      isCaregiver: true,
      active: true,
    };
    await desk.database.db
      .insertInto('related_persons')
      .values({
        id,
        patient_id: patientId,
        is_caregiver: 1,
        data: JSON.stringify(rp),
        source_key: null,
        content_hash: id,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    return id;
  };
  const contacts = {
    own: await relatedPerson(targets.own, 'Contact'),
    other: await relatedPerson(targets.other, 'Contact'),
    foreign: await relatedPerson(targets.foreign, 'Contact'),
  };
  const practitionerId = randomUUID();
  await desk.database.db
    .insertInto('practitioners')
    .values({
      id: practitionerId,
      npi: null,
      data: JSON.stringify({
        id: practitionerId,
        names: NAME('Doc'),
        identifiers: [],
        telecom: [],
        npi: null,
        active: true,
      }),
      source_key: null,
      content_hash: 'x',
      created_at: 'x',
      updated_at: 'x',
    })
    .execute();

  const parties: Party[] = [{ name: 'anonymous', inject: (o) => desk.app.inject(o), headers: {} }];
  const account = async (name: string, input: Record<string, unknown>) => {
    const email = `${name}@matrix.example`;
    await desk.services.identity.accounts.provision(
      { organizationId: desk.organizationId, displayName: name, email, ...input } as never,
      PASSWORD,
    );
    const s = await signIn(desk, clock, email);
    const headers = as(s);
    parties.push({
      name,
      headers,
      inject: (o) =>
        desk.app.inject({
          ...o,
          headers: { ...headers, ...(o.headers as Record<string, string>) },
        }),
    });
  };
  for (const role of STAFF_ROLES) {
    const staff = await signedInStaff(desk, clock, [role]);
    parties.push({ name: `staff:${role}`, inject: staff.inject, headers: staff.headers });
  }
  // Staff of the other organization, with every clinical and front-desk right.
  await desk.services.identity.accounts.provision(
    {
      organizationId: otherOrg,
      kind: 'staff',
      email: 'other-org@matrix.example',
      displayName: 'Other org',
      roles: ['supervisor', 'nurse'],
    },
    PASSWORD,
  );
  const otherStaff = await signIn(desk, clock, 'other-org@matrix.example');
  const otherHeaders = as(otherStaff);
  parties.push({
    name: 'staff:other-organization',
    headers: otherHeaders,
    inject: (o) =>
      desk.app.inject({
        ...o,
        headers: { ...otherHeaders, ...(o.headers as Record<string, string>) },
      }),
  });

  await account('patient-own', { kind: 'patient', patientId: targets.own });
  const inScope = await relatedPerson(targets.own, 'InScope');
  const outOfScope = await relatedPerson(targets.own, 'OutOfScope');
  const revoked = await relatedPerson(targets.own, 'Revoked');
  const expired = await relatedPerson(targets.own, 'Expired');
  await consent(desk, targets.own, inScope, ['profile', 'billing', 'care-plans'], {
    deny: ['care-plans'],
  });
  await consent(desk, targets.own, outOfScope, ['messages']);
  await consent(desk, targets.own, revoked, ['profile', 'billing'], {
    status: 'inactive',
    revokedAt: '2026-01-01T00:00:00.000Z',
  });
  await consent(desk, targets.own, expired, ['profile', 'billing'], {
    periodEnd: '2026-01-01T00:00:00.000Z',
  });
  await account('caregiver-in-scope', { kind: 'caregiver', relatedPersonIds: [inScope] });
  await account('caregiver-out-of-scope', { kind: 'caregiver', relatedPersonIds: [outOfScope] });
  await account('caregiver-revoked', { kind: 'caregiver', relatedPersonIds: [revoked] });
  await account('caregiver-expired', { kind: 'caregiver', relatedPersonIds: [expired] });

  const token = await issueTokenWith(
    desk.services.identity,
    desk.organizationId,
    ['patient.search', 'patient.read', 'billing.read'],
    ['supervisor'],
  );
  const bearer = { authorization: `Bearer ${token}` };
  parties.push({
    name: 'api-token',
    headers: bearer,
    inject: (o) =>
      desk.app.inject({ ...o, headers: { ...bearer, ...(o.headers as Record<string, string>) } }),
  });

  return {
    desk,
    clock,
    parties,
    targets,
    contacts,
    practitionerId,
    access: new AccessService(desk.database),
  };
}

/** The party's access context as the server would build it now (the oracle's input). */
export async function contextOf(world: MatrixWorld, party: Party) {
  const auth = await world.desk.services.identity.authenticate({
    headers: party.headers,
    ip: '127.0.0.1',
  } as unknown as FastifyRequest);
  const principal = auth && auth.mfaSatisfied ? auth.principal : null;
  return world.access.context(principal, {
    requestId: 'oracle',
    sourceAddress: '127.0.0.1',
    userAgent: null,
    now: world.clock.now(),
  });
}
