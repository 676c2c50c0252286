/**
 * PID → the registry's patient (standards brief §3, "Fields to use"): the MR identifier
 * of PID-3 with its assigning authority, names PID-5, birth date PID-7, sex PID-8 (table
 * 0001), address PID-11, phones PID-13/14 (PID-40 from v2.7), language PID-15, death
 * PID-29/30.
 */
import {
  languageFromSender,
  type AdministrativeSex,
  type Identifier,
  type PatientInput,
} from '@caredesk/core';
import type { Hl7Message, Hl7Segment } from '@caredesk/interop/hl7v2';
import {
  addresses,
  contactPoints,
  hl7Date,
  hl7Instant,
  identifiersOfType,
  invalid,
  personNames,
} from './hl7-values';

/** Table 0001 administrative sex → the model's (FHIR administrative-gender). */
const SEX: Record<string, AdministrativeSex> = {
  F: 'female',
  M: 'male',
  O: 'other',
  A: 'other',
  X: 'other',
  U: 'unknown',
  N: 'unknown',
};

/** What a PID says; `undefined` fields were not sent, so a stored value is kept. */
export interface PidFacts {
  /** The MR identifier matched on (PID-3 CX.5 = MR). */
  mr: Identifier;
  names: PatientInput['names'];
  birthDate: string | null;
  administrativeSex: AdministrativeSex;
  addresses: PatientInput['addresses'];
  telecom: PatientInput['telecom'];
  /** Null when PID-15 is empty or not a language. */
  language: string | null;
  /** Null when PID-29/30 say nothing; PID-30 = N is an explicit "alive". */
  deceased: { deceased: boolean; at: string | null } | null;
}

/** The `occurrence`-th PID, or AE: every ADT event CareDesk takes is about a patient. */
export function requirePid(message: Hl7Message, occurrence = 1): Hl7Segment {
  const pid = message.segment('PID', occurrence);
  if (!pid) throw invalid('noPid', 'The message has no PID segment; the patient is unknown.');
  return pid;
}

/** Reads the `occurrence`-th PID (A40 carries several PID/MRG pairs); `zone` as for PV1 times. */
export function readPid(
  message: Hl7Message,
  opts: { defaultCountry: string; zone: string },
  occurrence = 1,
): PidFacts {
  const { defaultCountry } = opts;
  requirePid(message, occurrence);
  const at = (n: number) => `PID[${occurrence}]-${n}`;
  const mr = identifiersOfType(message, at(3), 'MR')[0];
  if (!mr) {
    throw invalid(
      'noMrn',
      'PID-3 holds no MR identifier (a CX with identifier type code MR, CX.5); the patient cannot be matched.',
    );
  }
  const f = (n: number) => message.getField(at(n));
  const deathAt = hl7Instant(message.get(at(29)), 'PID-29', opts.zone);
  const indicator = message.get(at(30)).trim().toUpperCase();
  const phones = [
    ...contactPoints(f(13), 'home', defaultCountry),
    ...contactPoints(f(14), 'work', defaultCountry),
    ...contactPoints(f(40), 'home', defaultCountry),
  ];
  return {
    mr: { system: mr.system, value: mr.value, type: 'MR' },
    names: personNames(f(5)),
    birthDate: hl7Date(message.get(at(7)), 'PID-7'),
    administrativeSex: SEX[message.get(at(8)).trim().toUpperCase()] ?? 'unknown',
    addresses: addresses(f(11)),
    telecom: phones.filter((c, i) => phones.findIndex((o) => o.value === c.value) === i),
    language: languageFromSender(message.get(at(15))),
    deceased:
      indicator === 'Y' || deathAt
        ? { deceased: true, at: deathAt }
        : indicator === 'N'
          ? { deceased: false, at: null }
          : null,
  };
}

/** The MR of a prior patient in MRG-1 (A40), or AE. */
export function readMrg(message: Hl7Message, occurrence: number): Identifier {
  const path = `MRG[${occurrence}]-1`;
  if (!message.segment('MRG', occurrence)) {
    throw invalid('noMrg', `A merge needs an MRG segment after PID ${occurrence}.`);
  }
  const mr = identifiersOfType(message, path, 'MR')[0];
  if (!mr) {
    throw invalid('noPriorMrn', 'MRG-1 holds no MR identifier; the record to merge is unknown.');
  }
  return { system: mr.system, value: mr.value, type: 'MR' };
}
