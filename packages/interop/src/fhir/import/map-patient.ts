/**
 * Patient (https://hl7.org/fhir/R4/patient.html) and RelatedPerson
 * (https://hl7.org/fhir/R4/relatedperson.html) -> the registry's patient and related people.
 */
import type { AdministrativeSex, ImportedPatient, RelatedPerson, Sourced } from '@caredesk/core';
import type { IndexedResource } from './bundle-index';
import { fullDateOrNull, isFhirDate, isFhirDateTime } from './fhir-dates';
import { uuidV5 } from './ids';
import type { ImportContext } from './import-context';
import type { JsonNode } from './json-node';
import {
  addresses,
  codedValue,
  contactPoints,
  identifiers,
  personName,
  personNames,
  preferredLanguage,
} from './map-datatypes';
import { isCaregiverRelationship, PARENT_CODES, relationshipFrom } from './relationship-codes';

/** https://hl7.org/fhir/R4/valueset-administrative-gender.html */
const GENDERS: ReadonlySet<string> = new Set<AdministrativeSex>([
  'male',
  'female',
  'other',
  'unknown',
]);

/** https://hl7.org/fhir/R4/extension-patient-genderidentity.html */
const GENDER_IDENTITY = 'http://hl7.org/fhir/StructureDefinition/patient-genderIdentity';

/** Language CareDesk writes to a patient in when the source names none. */
export const DEFAULT_LANGUAGE = 'en';

function administrativeSex(node: JsonNode): AdministrativeSex {
  const gender = node.string('gender');
  if (gender === undefined) return 'unknown';
  if (!GENDERS.has(gender)) {
    node
      .get('gender')
      .issue('code-invalid', `gender "${gender.slice(0, 32)}" is not in administrative-gender`);
    return 'unknown';
  }
  return gender as AdministrativeSex;
}

/**
 * Patient.birthDate: absent is allowed (unidentified arrivals); malformed or impossible
 * dates (2024-13-01, 2023-02-29) are rejected; partial dates are valid FHIR and map to
 * null (see fullDateOrNull).
 */
function birthDate(node: JsonNode): string | null {
  const value = node.string('birthDate');
  if (value === undefined) return null;
  if (!isFhirDate(value)) {
    node
      .get('birthDate')
      .issue(
        'invalid',
        `birthDate "${value.slice(0, 40)}" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)`,
      );
    return null;
  }
  return fullDateOrNull(value);
}

function genderIdentity(node: JsonNode): string | null {
  const ext = node.list('extension').find((e) => e.string('url') === GENDER_IDENTITY);
  if (!ext) return null;
  const concept = codedValue(ext.object('valueCodeableConcept'));
  return concept?.code ?? null;
}

/** deceased[x]: boolean or dateTime (https://hl7.org/fhir/R4/patient-definitions.html#Patient.deceased_x_). */
function deceased(node: JsonNode): { deceased: boolean; deceasedAt: string | null } {
  const at = node.string('deceasedDateTime');
  if (at !== undefined) {
    if (!isFhirDateTime(at)) {
      node.get('deceasedDateTime').issue('invalid', 'deceasedDateTime is not a FHIR dateTime');
      return { deceased: true, deceasedAt: null };
    }
    return { deceased: true, deceasedAt: at };
  }
  return { deceased: node.boolean('deceasedBoolean') ?? false, deceasedAt: null };
}

export function mapPatient(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  const patient: Sourced<ImportedPatient> = {
    id: res.id,
    names: personNames(n),
    birthDate: birthDate(n),
    administrativeSex: administrativeSex(n),
    genderIdentity: genderIdentity(n),
    identifiers: identifiers(n),
    telecom: contactPoints(n, ctx.opts),
    addresses: addresses(n),
    preferredLanguage: preferredLanguage(n) ?? DEFAULT_LANGUAGE,
    // FHIR has no outreach-channel element; the portal is the default every patient has.
    preferredChannel: 'portal',
    quietHours: null,
    ...deceased(n),
    source: ctx.source(res),
  };
  ctx.batch.patients.push(patient);
  mapContacts(ctx, res);
}

/**
 * Patient.contact -> RelatedPerson rows. A contact is someone to call (next of kin,
 * emergency contact), never a proxy: isCaregiver is false, because caregiver access needs
 * a Consent (standards §1.6), which a contact list does not express. Contacts with no name
 * and no telecom (an organisation only) give nobody to reach and are left out.
 */
function mapContacts(ctx: ImportContext, res: IndexedResource): void {
  res.node.list('contact').forEach((c, i) => {
    const nameNode = c.object('name');
    const name = nameNode ? personName(nameNode) : null;
    const names = name ? [name] : [];
    const telecom = contactPoints(c, ctx.opts);
    if (names.length === 0 && telecom.length === 0) return;
    const sourceKey = `${res.sourceKey}#contact[${i}]`;
    ctx.batch.relatedPersons.push({
      id: uuidV5(sourceKey),
      patientId: res.id,
      names,
      relationship: relationshipFrom(c.list('relationship')),
      telecom,
      preferredLanguage: null,
      isCaregiver: false,
      active: true,
      source: { entryIndex: res.entryIndex, sourceKey },
    });
  });
}

/** Age in whole years on `asOf` (both YYYY-MM-DD), for the parent-of-a-minor rule. */
function ageOn(birth: string, asOf: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.slice(0, 10).split('-').map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

/**
 * RelatedPerson -> related person. isCaregiver is true for guardians, holders of power of
 * attorney and caregivers (v3 GUARD, POWATT family), and for a parent while the patient is
 * a minor (under 18 on `asOf`; only decidable when the caller gives `asOf` and the patient
 * is in the same unit with a full birth date). Everyone else is a contact.
 */
export function mapRelatedPerson(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  const patient = ctx.ref(n, 'patient', res, ['Patient'], true);
  if (!patient) return;
  const relationship = relationshipFrom(n.list('relationship'));
  let isCaregiver = isCaregiverRelationship(relationship);
  if (!isCaregiver && PARENT_CODES.has(relationship) && ctx.opts.asOf && patient.resource) {
    const birth = patient.resource.node.string('birthDate');
    const full = birth === undefined ? null : fullDateOrNull(birth);
    if (full !== null && ageOn(full, ctx.opts.asOf) < 18) isCaregiver = true;
  }
  ctx.batch.relatedPersons.push({
    id: res.id,
    patientId: patient.id,
    names: personNames(n),
    relationship,
    telecom: contactPoints(n, ctx.opts),
    preferredLanguage: preferredLanguage(n),
    isCaregiver,
    active: n.boolean('active') ?? true,
    source: ctx.source(res),
  } satisfies Sourced<RelatedPerson>);
}
