/**
 * The patient registry's model. CareDesk keeps its own relational model; FHIR R4
 * (Patient, RelatedPerson, Coverage, CareTeam) is the interop edge in @caredesk/interop.
 */

/** https://hl7.org/fhir/R4/valueset-name-use.html */
export type NameUse = 'official' | 'usual' | 'nickname' | 'maiden' | 'old' | 'anonymous' | 'temp';

export interface PersonName {
  use: NameUse;
  given: string[];
  family: string;
  prefix: string[];
  suffix: string[];
}

/** https://hl7.org/fhir/R4/valueset-administrative-gender.html */
export type AdministrativeSex = 'male' | 'female' | 'other' | 'unknown';

export interface Identifier {
  /** Namespace URI, e.g. the clinic's MRN system. */
  system: string;
  value: string;
  /** v2 table 0203 type code: MR (medical record), SS, DL, PPN, MB (member)... */
  type?: string | undefined;
}

export type ContactSystem = 'phone' | 'email' | 'sms';
export type ContactUse = 'home' | 'work' | 'mobile' | 'temp' | 'old';

export interface ContactPoint {
  system: ContactSystem;
  /** E.164 for phones (+4712345678), lower-cased address for e-mail. */
  value: string;
  use?: ContactUse | undefined;
  /** 1 = most preferred. */
  rank?: number | undefined;
}

export interface Address {
  use?: 'home' | 'work' | 'temp' | 'old' | 'billing' | undefined;
  lines: string[];
  city: string;
  district?: string | undefined;
  state?: string | undefined;
  postalCode?: string | undefined;
  /** ISO 3166-1 alpha-2. */
  country?: string | undefined;
}

export type PreferredChannel = 'portal' | 'email' | 'sms' | 'phone' | 'letter';

/** Local wall-clock times in the patient's zone during which no outreach is sent. */
export interface QuietHours {
  /** HH:MM, 24-hour. */
  start: string;
  end: string;
  /** IANA zone, e.g. Europe/Riga. */
  timeZone: string;
}

export interface Patient {
  id: string;
  organizationId: string;
  names: PersonName[];
  /** YYYY-MM-DD; null when unknown (unidentified ED arrivals). */
  birthDate: string | null;
  administrativeSex: AdministrativeSex;
  /** Free text or a code the patient chose; separate from administrative sex. */
  genderIdentity: string | null;
  identifiers: Identifier[];
  telecom: ContactPoint[];
  addresses: Address[];
  /** BCP-47; en/es/lv/nb are first-class. */
  preferredLanguage: string;
  preferredChannel: PreferredChannel;
  quietHours: QuietHours | null;
  deceased: boolean;
  /** ISO instant or date, when known. */
  deceasedAt: string | null;
  /** Set when this record was merged into another: reads redirect there. */
  mergedInto: string | null;
  /** Optimistic-concurrency version, incremented on every change. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a caller supplies to create or replace a patient. */
export type PatientInput = Omit<
  Patient,
  'id' | 'organizationId' | 'mergedInto' | 'version' | 'createdAt' | 'updatedAt'
>;

/** https://terminology.hl7.org/CodeSystem-v3-RoleCode.html (family member and guardian codes). */
export const RELATIONSHIPS = [
  'SPS',
  'HUSB',
  'WIFE',
  'DOMPART',
  'MTH',
  'FTH',
  'PRN',
  'CHILD',
  'DAU',
  'SON',
  'SIB',
  'GRPRN',
  'GRNDCHILD',
  'FRND',
  'NBOR',
  'GUARD',
  'POWATT',
  'CAREGIVER',
  'FAMMEMB',
  'ONESELF',
  'O',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface RelatedPerson {
  id: string;
  patientId: string;
  names: PersonName[];
  relationship: Relationship;
  telecom: ContactPoint[];
  preferredLanguage: string | null;
  /** True when this person is the patient's caregiver or proxy (not only a contact). */
  isCaregiver: boolean;
  active: boolean;
}

/** https://hl7.org/fhir/R4/valueset-subscriber-relationship.html */
export type SubscriberRelationship =
  'self' | 'spouse' | 'child' | 'parent' | 'common' | 'other' | 'injured';

export interface Coverage {
  id: string;
  patientId: string;
  status: 'active' | 'cancelled' | 'draft' | 'entered-in-error';
  payerName: string;
  /** Payer id as on X12 NM1*PR (PI qualifier), when known. */
  payerId: string | null;
  planName: string | null;
  memberId: string | null;
  groupNumber: string | null;
  subscriberName: string | null;
  subscriberId: string | null;
  relationship: SubscriberRelationship;
  periodStart: string | null;
  periodEnd: string | null;
  /** Coordination of benefits order: 1 primary, 2 secondary... */
  order: number;
}

export interface CareTeamMember {
  id: string;
  patientId: string;
  practitionerId: string;
  /** e.g. primary-care, care-coordinator, nurse, specialist. */
  role: string;
  periodStart: string | null;
  periodEnd: string | null;
}
