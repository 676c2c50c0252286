import type { AdministrativeSex, Patient } from './patient';
import { displayName } from './search-terms';

/**
 * What a search result shows of a patient: enough for staff to tell people apart (name,
 * date of birth, sex, MRN, phone), not the whole record. Opening the record is a read of
 * its own, with its own audit entry — the HIPAA "minimum necessary" standard
 * (45 CFR 164.502(b)) applied to search.
 */
export interface PatientSummary {
  id: string;
  displayName: string;
  birthDate: string | null;
  administrativeSex: AdministrativeSex;
  preferredLanguage: string;
  deceased: boolean;
  /** Opening it needs a care relationship or break-the-glass. */
  restricted: boolean;
  mrn: string | null;
  phone: string | null;
}

/** The part of a summary taken from the record's document; the rest are table columns. */
export interface SummaryDocFields {
  displayName: string;
  mrn: string | null;
  phone: string | null;
}

export function summaryDocFields(
  p: Pick<Patient, 'names' | 'identifiers' | 'telecom'>,
): SummaryDocFields {
  const phones = p.telecom
    .filter((t) => t.system === 'phone' || t.system === 'sms')
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  return {
    displayName: displayName(p.names),
    mrn: p.identifiers.find((i) => i.type === 'MR')?.value ?? null,
    phone: phones[0]?.value ?? null,
  };
}
