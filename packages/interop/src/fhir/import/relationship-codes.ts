/**
 * Relationship codes -> core Relationship (v3 RoleCode subset).
 * Sources: v3 RoleCode (https://terminology.hl7.org/CodeSystem-v3-RoleCode.html) and
 * v2 table 0131 contact role (https://terminology.hl7.org/CodeSystem-v2-0131.html), which
 * Patient.contact.relationship is bound to (https://hl7.org/fhir/R4/valueset-patient-contactrelationship.html).
 */
import type { Relationship } from '@caredesk/core';
import type { JsonNode } from './json-node';

const V3_ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
const V2_0131 = 'http://terminology.hl7.org/CodeSystem/v2-0131';

/** Core keeps the generic code of each family; specific v3 codes fold into it. */
const V3_TO_CORE: Record<string, Relationship> = {
  SPS: 'SPS',
  HUSB: 'HUSB',
  WIFE: 'WIFE',
  DOMPART: 'DOMPART',
  MTH: 'MTH',
  NMTH: 'MTH',
  STPMTH: 'MTH',
  ADOPTMTH: 'MTH',
  FMRSPS: 'O',
  FTH: 'FTH',
  NFTH: 'FTH',
  STPFTH: 'FTH',
  ADOPTFTH: 'FTH',
  PRN: 'PRN',
  NPRN: 'PRN',
  STPPRN: 'PRN',
  ADOPTP: 'PRN',
  FTHFOST: 'PRN',
  MTHFOST: 'PRN',
  CHILD: 'CHILD',
  NCHILD: 'CHILD',
  STPCHLD: 'CHILD',
  CHLDADOPT: 'CHILD',
  CHLDFOST: 'CHILD',
  DAU: 'DAU',
  DAUC: 'DAU',
  DAUADOPT: 'DAU',
  STPDAU: 'DAU',
  DAUFOST: 'DAU',
  SON: 'SON',
  SONC: 'SON',
  SONADOPT: 'SON',
  STPSON: 'SON',
  SONFOST: 'SON',
  SIB: 'SIB',
  BRO: 'SIB',
  SIS: 'SIB',
  NSIB: 'SIB',
  HSIB: 'SIB',
  STPSIB: 'SIB',
  NBRO: 'SIB',
  NSIS: 'SIB',
  HBRO: 'SIB',
  HSIS: 'SIB',
  STPBRO: 'SIB',
  STPSIS: 'SIB',
  GRPRN: 'GRPRN',
  GRMTH: 'GRPRN',
  GRFTH: 'GRPRN',
  MGRMTH: 'GRPRN',
  MGRFTH: 'GRPRN',
  PGRMTH: 'GRPRN',
  PGRFTH: 'GRPRN',
  GRNDCHILD: 'GRNDCHILD',
  GRNDDAU: 'GRNDCHILD',
  GRNDSON: 'GRNDCHILD',
  FRND: 'FRND',
  NBOR: 'NBOR',
  GUARD: 'GUARD',
  POWATT: 'POWATT',
  HPOWATT: 'POWATT',
  DPOWATT: 'POWATT',
  SPOWATT: 'POWATT',
  FAMMEMB: 'FAMMEMB',
  EXT: 'FAMMEMB',
  AUNT: 'FAMMEMB',
  UNCLE: 'FAMMEMB',
  COUSN: 'FAMMEMB',
  NIECE: 'FAMMEMB',
  NEPHEW: 'FAMMEMB',
  NIENEPH: 'FAMMEMB',
  INLAW: 'FAMMEMB',
  ONESELF: 'ONESELF',
  SIGOTHR: 'O',
  ROOM: 'O',
};

/**
 * v2 0131 contact roles describe why to call the person, not who they are: N (next of
 * kin) is family -> FAMMEMB; C (emergency contact), E (employer), F/S (agencies),
 * I (insurance), O (other), U (unknown) -> O.
 */
const V2_TO_CORE: Record<string, Relationship> = {
  N: 'FAMMEMB',
  C: 'O',
  E: 'O',
  F: 'O',
  I: 'O',
  O: 'O',
  S: 'O',
  U: 'O',
};

/** v3 codes that make the person a caregiver or legal proxy in their own right. */
const CAREGIVER_CODES: ReadonlySet<Relationship> = new Set<Relationship>([
  'GUARD',
  'POWATT',
  'CAREGIVER',
]);

export const PARENT_CODES: ReadonlySet<Relationship> = new Set<Relationship>(['MTH', 'FTH', 'PRN']);

export function isCaregiverRelationship(r: Relationship): boolean {
  return CAREGIVER_CODES.has(r);
}

/**
 * The relationship a list of CodeableConcepts expresses. A v3 RoleCode wins over a v2 role
 * (RelatedPerson "benedicte" says both N and WIFE: WIFE is more specific). Codes in other
 * systems (e.g. SNOMED) and unmapped codes give `O`.
 */
export function relationshipFrom(concepts: JsonNode[]): Relationship {
  let fromV2: Relationship | undefined;
  for (const concept of concepts) {
    for (const coding of concept.list('coding')) {
      const code = coding.string('code');
      if (code === undefined) continue;
      const system = coding.string('system');
      if ((system === V3_ROLE_CODE || system === undefined) && V3_TO_CORE[code]) {
        return V3_TO_CORE[code];
      }
      if ((system === V2_0131 || system === undefined) && V2_TO_CORE[code]) {
        fromV2 ??= V2_TO_CORE[code];
      }
    }
  }
  return fromV2 ?? 'O';
}
