/**
 * The patient an ADT message is about: matched by MR identifier and assigning authority
 * within the organization (following a merge to the survivor), created when unknown
 * (standards brief §3: "update before admit" must not lose the patient), and refreshed from
 * PID on events that restate demographics (A01/A04/A08/A28/A31, trigger rule 4).
 */
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  validatePatientInput,
  type Identifier,
  type Patient,
  type PatientInput,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import { contentHash } from '../../storage/json';
import {
  flagDuplicates,
  IdentifierTakenError,
  patientContent,
  rowToPatient,
  writePatient,
} from '../../storage/patients/patient-rows';
import type { Schema } from '../../storage/schema';
import type { PidFacts } from './pid';

/** The patient holding `id` in the organization, after following merges; null if none. */
export async function findByIdentifier(
  trx: Kysely<Schema>,
  organizationId: string,
  id: Identifier,
): Promise<Patient | null> {
  const holder = await trx
    .selectFrom('patient_identifiers')
    .select('patient_id')
    .where('organization_id', '=', organizationId)
    .where('system', '=', id.system)
    .where('value', '=', id.value)
    .executeTakeFirst();
  return holder ? survivorOf(trx, organizationId, holder.patient_id) : null;
}

/** The record itself, or the one it was merged into (merges keep one hop; bounded anyway). */
export async function survivorOf(
  trx: Kysely<Schema>,
  organizationId: string,
  patientId: string,
): Promise<Patient | null> {
  let id: string | null = patientId;
  for (let hop = 0; id && hop < 5; hop++) {
    const row = await trx
      .selectFrom('patients')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    if (!row) return null;
    if (!row.merged_into) return rowToPatient(row);
    id = row.merged_into;
  }
  return null;
}

function checked(input: PatientInput, today: string, defaultCountry: string): PatientInput {
  const result = validatePatientInput(input, { today, defaultCountry });
  if (result.ok) return result.value;
  const details = result.issues.map((i) => `${i.path}: ${i.detail}`).join('; ');
  throw new DomainError(
    'validation',
    'hl7.adt.invalidPatient',
    `PID does not describe a patient CareDesk can keep (${details}).`,
    result.issues,
  );
}

/** What the message says laid over what is on file; silent fields keep the stored value. */
function refreshed(current: PatientInput, pid: PidFacts, mode: RefreshMode): PatientInput {
  if (mode === 'death') {
    // A death is recorded from any event: outreach to a deceased patient must stop.
    return pid.deceased?.deceased
      ? { ...current, deceased: true, deceasedAt: pid.deceased.at ?? current.deceasedAt }
      : current;
  }
  const hasMr = current.identifiers.some(
    (i) => i.system === pid.mr.system && i.value === pid.mr.value,
  );
  const sentEmail = pid.telecom.some((c) => c.system === 'email');
  const kept = current.telecom.filter(
    (c) => c.system === 'email' && !sentEmail && !pid.telecom.some((p) => p.value === c.value),
  );
  return {
    ...current,
    names: pid.names.length > 0 ? pid.names : current.names,
    identifiers: hasMr ? current.identifiers : [...current.identifiers, pid.mr],
    birthDate: pid.birthDate ?? current.birthDate,
    administrativeSex:
      pid.administrativeSex !== 'unknown' ? pid.administrativeSex : current.administrativeSex,
    addresses: pid.addresses.length > 0 ? pid.addresses : current.addresses,
    telecom: pid.telecom.length > 0 ? [...pid.telecom, ...kept] : current.telecom,
    preferredLanguage: pid.language ?? current.preferredLanguage,
    deceased: pid.deceased ? pid.deceased.deceased : current.deceased,
    deceasedAt: pid.deceased ? pid.deceased.at : current.deceasedAt,
  };
}

/**
 * `demographics`: the message restates who the patient is (A01/A04/A08/A28/A31), so its
 * PID replaces what is on file. `death`: other events only record a death, so that an
 * old, late message cannot roll demographics back.
 */
export type RefreshMode = 'demographics' | 'death';

export interface PatientOutcome {
  patient: Patient;
  change: 'created' | 'updated' | 'unchanged';
}

/**
 * Finds or creates the patient of a PID; with `refresh`, an existing record takes the
 * demographics the message sends. Writing nothing when nothing changed keeps a re-delivered
 * message from bumping versions (trigger rule 6).
 */
export async function upsertPatient(
  trx: Kysely<Schema>,
  organizationId: string,
  pid: PidFacts,
  opts: { now: string; defaultCountry: string; refresh: RefreshMode },
): Promise<PatientOutcome> {
  const today = opts.now.slice(0, 10);
  const existing = await findByIdentifier(trx, organizationId, pid.mr);
  try {
    if (!existing) {
      const input = checked(
        refreshed(
          {
            names: [],
            birthDate: null,
            administrativeSex: 'unknown',
            genderIdentity: null,
            identifiers: [],
            telecom: [],
            addresses: [],
            preferredLanguage: 'en',
            preferredChannel: 'portal',
            quietHours: null,
            deceased: false,
            deceasedAt: null,
          },
          pid,
          'demographics',
        ),
        today,
        opts.defaultCountry,
      );
      const patient: Patient = {
        ...input,
        id: randomUUID(),
        organizationId,
        mergedInto: null,
        version: 1,
        createdAt: opts.now,
        updatedAt: opts.now,
      };
      await writePatient(trx, patient, null, true);
      await flagDuplicates(trx, patient, opts.now);
      return { patient, change: 'created' };
    }
    const input = checked(refreshed(existing, pid, opts.refresh), today, opts.defaultCountry);
    const candidate: Patient = { ...existing, ...input };
    if (contentHash(patientContent(candidate)) === contentHash(patientContent(existing))) {
      return { patient: existing, change: 'unchanged' };
    }
    const next = { ...candidate, version: existing.version + 1, updatedAt: opts.now };
    await writePatient(trx, next, null, false);
    return { patient: next, change: 'updated' };
  } catch (e) {
    if (e instanceof IdentifierTakenError) {
      throw new DomainError(
        'conflict',
        'hl7.adt.identifierTaken',
        `PID-3: identifier ${e.value} belongs to another patient in CareDesk; review before replaying.`,
      );
    }
    throw e;
  }
}
