import type { Address, ContactPoint, Identifier, PersonName } from '../patients/patient';

/** One weekday's opening hours in local time, HH:MM. Day 0 = Sunday (as Date.getDay). */
export interface OpeningHours {
  day: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  opens: string;
  closes: string;
}

export interface Organization {
  id: string;
  name: string;
  identifiers: Identifier[];
  telecom: ContactPoint[];
  addresses: Address[];
  /** IANA zone its business hours are in. */
  timeZone: string;
  businessHours: OpeningHours[];
  /** Kinds: prov (provider), pay (payer), pharmacy, supplier... */
  kind: string;
  active: boolean;
}

export interface Practitioner {
  id: string;
  names: PersonName[];
  identifiers: Identifier[];
  telecom: ContactPoint[];
  /** US National Provider Identifier, when the practitioner has one. */
  npi: string | null;
  active: boolean;
}

export interface Location {
  id: string;
  organizationId: string | null;
  name: string;
  address: Address | null;
  telecom: ContactPoint[];
  status: 'active' | 'suspended' | 'inactive';
}
