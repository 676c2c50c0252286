import type { ImportBatch, Organization } from '@caredesk/core';

/** The four first-class languages of CareDesk. */
export type DemoLanguage = 'en' | 'es' | 'lv' | 'nb';

// Roles are the access model's (core/access/roles.ts); the demo has one of each.
export { STAFF_ROLES, type StaffRole } from '@caredesk/core';
import type { StaffRole } from '@caredesk/core';

export interface DemoStaffMember {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  preferredLanguage: DemoLanguage;
}

export interface DemoData {
  organization: Organization;
  staff: DemoStaffMember[];
  batch: ImportBatch;
}

export interface DemoOptions {
  seed: number;
  patientCount: number;
  /** The instant the demo is generated "at": every date is relative to it. */
  now: Date;
  /** The tenant (clinic) id the demo belongs to. */
  organizationId: string;
}

export interface DemoStreamOptions extends DemoOptions {
  /** Patients per yielded batch; default 1,000. */
  chunkSize?: number;
  /** Put payers, practitioners and locations in the first batch; default true. */
  includeReferenceData?: boolean;
}

/** A family name: one form, or [masculine, feminine] where the language inflects (Latvian). */
export type FamilyName = string | readonly [masculine: string, feminine: string];

export interface LocaleNames {
  male: readonly string[];
  female: readonly string[];
  family: readonly FamilyName[];
  /** Given name -> the short form people use (stored as a 'nickname' name). */
  nicknames: Readonly<Record<string, string>>;
  /** Honorific prefixes for doctors etc., by sex. */
  prefixMale: readonly string[];
  prefixFemale: readonly string[];
  /** Generational suffixes (only used where the culture uses them). */
  suffixes: readonly string[];
}
