/**
 * Registry -> FHIR R4 Patient (https://hl7.org/fhir/R4/patient.html) and RelatedPerson
 * (https://hl7.org/fhir/R4/relatedperson.html). FHIR forbids empty strings and arrays
 * (https://hl7.org/fhir/R4/json.html), so empty values are left out, not written empty.
 */
import type {
  Address,
  ContactPoint,
  Identifier,
  Patient,
  PersonName,
  RelatedPerson,
  Relationship,
} from '@caredesk/core';
import type {
  Address as FhirAddress,
  CodeableConcept,
  ContactPoint as FhirContactPoint,
  HumanName,
  Identifier as FhirIdentifier,
  Patient as FhirPatient,
  RelatedPerson as FhirRelatedPerson,
} from '@medplum/fhirtypes';

const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const V3_ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
const V2_0131 = 'http://terminology.hl7.org/CodeSystem/v2-0131';
/** CareDesk's own code for a caregiver: v3 RoleCode has none. */
export const CAREDESK_RELATIONSHIP_SYSTEM = 'urn:caredesk:codesystem:relationship';
const BCP47 = 'urn:ietf:bcp:47';
/** https://hl7.org/fhir/R4/extension-patient-genderidentity.html */
const GENDER_IDENTITY = 'http://hl7.org/fhir/StructureDefinition/patient-genderIdentity';

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function text(value: string | undefined | null): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : value;
}

/** Drops undefined members so the JSON carries no `"x": undefined` keys. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function humanNameToFhir(name: PersonName): HumanName {
  return compact({
    use: name.use,
    family: text(name.family),
    given: nonEmpty(name.given),
    prefix: nonEmpty(name.prefix),
    suffix: nonEmpty(name.suffix),
  });
}

export function identifierToFhir(identifier: Identifier): FhirIdentifier {
  return compact({
    type: identifier.type ? { coding: [{ system: V2_0203, code: identifier.type }] } : undefined,
    system: text(identifier.system),
    value: identifier.value,
  });
}

export function contactPointToFhir(point: ContactPoint): FhirContactPoint {
  return compact({ system: point.system, value: point.value, use: point.use, rank: point.rank });
}

export function addressToFhir(address: Address): FhirAddress {
  return compact({
    use: address.use,
    line: nonEmpty(address.lines),
    city: text(address.city),
    district: text(address.district),
    state: text(address.state),
    postalCode: text(address.postalCode),
    country: text(address.country),
  });
}

function languageConcept(tag: string): CodeableConcept {
  return { coding: [{ system: BCP47, code: tag }] };
}

/** Relationship -> the code system it comes from (core's union is v3 RoleCode plus two). */
export function relationshipToFhir(relationship: Relationship): CodeableConcept {
  if (relationship === 'O') return { coding: [{ system: V2_0131, code: 'O', display: 'Other' }] };
  if (relationship === 'CAREGIVER') {
    return {
      coding: [{ system: CAREDESK_RELATIONSHIP_SYSTEM, code: 'CAREGIVER', display: 'Caregiver' }],
    };
  }
  return { coding: [{ system: V3_ROLE_CODE, code: relationship }] };
}

export interface PatientExportOptions {
  /** Related people to list as Patient.contact. */
  relatedPersons?: RelatedPerson[] | undefined;
  /** Server base (https://example.org/fhir): when given, Patient.link points there absolutely. */
  baseUrl?: string | undefined;
}

function reference(baseUrl: string | undefined, type: string, id: string): string {
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}/${type}/${id}` : `${type}/${id}`;
}

export function patientToFhir(patient: Patient, opts: PatientExportOptions = {}): FhirPatient {
  const contacts = (opts.relatedPersons ?? [])
    .filter((rp) => rp.patientId === patient.id && rp.active)
    .map((rp) =>
      compact({
        relationship: [relationshipToFhir(rp.relationship)],
        name: rp.names[0] ? humanNameToFhir(rp.names[0]) : undefined,
        telecom: nonEmpty(rp.telecom.map(contactPointToFhir)),
      }),
    );
  return compact<FhirPatient>({
    resourceType: 'Patient',
    id: patient.id,
    meta: { versionId: String(patient.version), lastUpdated: patient.updatedAt },
    extension: patient.genderIdentity
      ? [{ url: GENDER_IDENTITY, valueCodeableConcept: { text: patient.genderIdentity } }]
      : undefined,
    identifier: nonEmpty(patient.identifiers.map(identifierToFhir)),
    // A merged-away record is no longer in use; `link` says where it went (below).
    active: patient.mergedInto === null,
    name: nonEmpty(patient.names.map(humanNameToFhir)),
    telecom: nonEmpty(patient.telecom.map(contactPointToFhir)),
    gender: patient.administrativeSex,
    birthDate: patient.birthDate ?? undefined,
    // deceased[x] is a choice: the dateTime when known, else the boolean.
    deceasedDateTime: patient.deceased && patient.deceasedAt ? patient.deceasedAt : undefined,
    deceasedBoolean: patient.deceased && patient.deceasedAt ? undefined : patient.deceased,
    address: nonEmpty(patient.addresses.map(addressToFhir)),
    contact: nonEmpty(contacts),
    communication: [{ language: languageConcept(patient.preferredLanguage), preferred: true }],
    // https://hl7.org/fhir/R4/patient-definitions.html#Patient.link: replaced-by marks the
    // surviving record of a merge.
    link: patient.mergedInto
      ? [
          {
            other: { reference: reference(opts.baseUrl, 'Patient', patient.mergedInto) },
            type: 'replaced-by',
          },
        ]
      : undefined,
  });
}

export function relatedPersonToFhir(
  person: RelatedPerson,
  opts: { baseUrl?: string | undefined } = {},
): FhirRelatedPerson {
  return compact<FhirRelatedPerson>({
    resourceType: 'RelatedPerson',
    id: person.id,
    active: person.active,
    patient: { reference: reference(opts.baseUrl, 'Patient', person.patientId) },
    relationship: [relationshipToFhir(person.relationship)],
    name: nonEmpty(person.names.map(humanNameToFhir)),
    telecom: nonEmpty(person.telecom.map(contactPointToFhir)),
    communication: person.preferredLanguage
      ? [{ language: languageConcept(person.preferredLanguage), preferred: true }]
      : undefined,
  });
}
