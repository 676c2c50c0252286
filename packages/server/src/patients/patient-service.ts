import { randomUUID } from 'node:crypto';
import {
  CONTACT_PREFERENCE_FIELDS,
  DomainError,
  parseTypeahead,
  validateContactPreferences,
  validatePatientInput,
  type Clock,
  type ContactPreferences,
  type Patient,
  type PatientInput,
  type PatientSummary,
} from '@caredesk/core';
import type { RequestAudit } from '../access/request-audit';
import type { Database } from '../storage/database';
import {
  checkIdempotencyKey,
  runIdempotent,
  type IdempotentResponse,
} from '../storage/idempotency';
import { mergePatients, type ExpectedVersions } from '../storage/patients/patient-merge';
import type { DuplicateCandidate } from '../storage/patients/patient-repository';
import { PatientRepository } from '../storage/patients/patient-repository';
import type { Page, PatientCriteria } from '../storage/patients/patient-search';

/** A read that lands on a merged-away record: the caller is sent to the survivor. */
export interface MergedRedirect {
  redirectTo: string;
}

/** The patient registry's use cases, for the HTTP API, the CLI and imports. */
export class PatientService {
  private readonly repo: PatientRepository;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly defaultCountry: string,
  ) {
    this.repo = new PatientRepository(database);
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  private validate(input: PatientInput): PatientInput {
    const result = validatePatientInput(input, {
      today: this.today(),
      defaultCountry: this.defaultCountry,
    });
    if (!result.ok) {
      throw new DomainError(
        'validation',
        'problem.validation',
        'The patient has invalid fields.',
        result.issues,
      );
    }
    return result.value;
  }

  /**
   * Creates a patient. With an Idempotency-Key (scope + key), a retry of the same request
   * replays the first response instead of creating a second record.
   */
  async create(
    organizationId: string,
    input: PatientInput,
    idempotency: { scope: string; key: string } | null,
    audit: RequestAudit,
  ): Promise<IdempotentResponse> {
    const now = this.clock.now().toISOString();
    const req = idempotency ? { ...idempotency, payload: input } : null;
    if (req) checkIdempotencyKey(req.key);
    const patient: Patient = {
      ...this.validate(input),
      id: randomUUID(),
      organizationId,
      mergedInto: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return runIdempotent(this.database, req, now, async (trx) => {
      const created = await this.repo.create(trx, patient);
      await audit.inTransaction(trx, {
        action: 'create',
        patientId: patient.id,
        resourceType: 'Patient',
        resourceId: patient.id,
      });
      return {
        statusCode: 201,
        body: { ...created.patient, duplicatesFlagged: created.duplicatesFlagged },
      };
    });
  }

  /** The patient, a redirect when it was merged, or a not-found domain error. */
  async get(organizationId: string, id: string): Promise<Patient | MergedRedirect> {
    const patient = await this.repo.get(organizationId, id);
    if (!patient) throw new DomainError('not-found', 'patients.notFound', 'No such patient.');
    return patient.mergedInto ? { redirectTo: patient.mergedInto } : patient;
  }

  /** The stored record itself, merged or not (the FHIR read shows Patient.link). */
  async getRecord(organizationId: string, id: string): Promise<Patient> {
    const patient = await this.repo.get(organizationId, id);
    if (!patient) throw new DomainError('not-found', 'patients.notFound', 'No such patient.');
    return patient;
  }

  /** The record to change: not one merged away (its survivor is the one to edit). */
  private async editable(organizationId: string, id: string): Promise<Patient> {
    const current = await this.repo.get(organizationId, id);
    if (!current) throw new DomainError('not-found', 'patients.notFound', 'No such patient.');
    if (current.mergedInto) {
      throw new DomainError(
        'conflict',
        'patients.merge.alreadyMerged',
        'This patient was merged; edit the survivor.',
      );
    }
    return current;
  }

  async update(
    organizationId: string,
    id: string,
    input: PatientInput,
    expectedVersion: number,
    audit: RequestAudit,
  ): Promise<Patient> {
    const current = await this.editable(organizationId, id);
    const next: Patient = {
      ...current,
      ...this.validate(input),
      version: current.version + 1,
      updatedAt: this.clock.now().toISOString(),
    };
    return this.repo.update(next, expectedVersion, (trx) =>
      audit.inTransaction(trx, {
        action: 'update',
        patientId: id,
        resourceType: 'Patient',
        resourceId: id,
      }),
    );
  }

  /**
   * Replaces how to reach the patient (contacts, language, channel, quiet hours) and
   * keeps every other field as stored. The audit entry names the fields that changed,
   * not their values.
   */
  async updateContactPreferences(
    organizationId: string,
    id: string,
    input: ContactPreferences,
    expectedVersion: number,
    audit: RequestAudit,
  ): Promise<Patient> {
    const current = await this.editable(organizationId, id);
    const result = validateContactPreferences(input, { defaultCountry: this.defaultCountry });
    if (!result.ok) {
      throw new DomainError(
        'validation',
        'problem.validation',
        'The contact preferences have invalid fields.',
        result.issues,
      );
    }
    const changed = CONTACT_PREFERENCE_FIELDS.filter(
      (f) => JSON.stringify(current[f]) !== JSON.stringify(result.value[f]),
    );
    const next: Patient = {
      ...current,
      ...result.value,
      version: current.version + 1,
      updatedAt: this.clock.now().toISOString(),
    };
    return this.repo.update(next, expectedVersion, (trx) =>
      audit.inTransaction(trx, {
        action: 'update',
        patientId: id,
        resourceType: 'Patient',
        resourceId: id,
        detail: JSON.stringify({ changed }),
      }),
    );
  }

  /** Typeahead over name prefixes, date of birth, phone, e-mail or MRN. */
  typeahead(
    organizationId: string,
    q: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<PatientSummary>> {
    const query = parseTypeahead(q);
    if (!query) return Promise.resolve({ items: [], nextCursor: null });
    return this.repo.typeahead(organizationId, query, limit, cursor);
  }

  search(
    organizationId: string,
    criteria: PatientCriteria,
    limit: number,
    cursor?: string,
  ): Promise<Page<Patient>> {
    return this.repo.search(organizationId, criteria, limit, cursor);
  }

  merge(
    organizationId: string,
    fromId: string,
    intoId: string,
    audit: RequestAudit,
    expected: ExpectedVersions = {},
  ): Promise<Patient> {
    const now = this.clock.now().toISOString();
    return this.database.db.transaction().execute(async (trx) => {
      const survivor = await mergePatients(trx, organizationId, fromId, intoId, now, expected);
      const detail = JSON.stringify({ mergedInto: intoId });
      await audit.inTransaction(trx, [
        { action: 'merge', patientId: fromId, resourceType: 'Patient', resourceId: fromId, detail },
        { action: 'merge', patientId: intoId, resourceType: 'Patient', resourceId: intoId, detail },
      ]);
      return survivor;
    });
  }

  duplicates(
    organizationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<DuplicateCandidate>> {
    return this.repo.listDuplicateCandidates(organizationId, limit, cursor);
  }

  async dismissDuplicate(
    organizationId: string,
    a: string,
    b: string,
    audit: RequestAudit,
  ): Promise<void> {
    await this.getRecord(organizationId, a);
    await this.getRecord(organizationId, b);
    const dismissed = await this.database.db.transaction().execute(async (trx) => {
      const done = await this.repo.dismissDuplicate(trx, a, b);
      if (done) {
        const detail = JSON.stringify({ duplicateOf: [a, b], decision: 'not-duplicates' });
        await audit.inTransaction(trx, [
          {
            action: 'update',
            patientId: a,
            resourceType: 'DuplicateCandidate',
            resourceId: b,
            detail,
          },
          {
            action: 'update',
            patientId: b,
            resourceType: 'DuplicateCandidate',
            resourceId: a,
            detail,
          },
        ]);
      }
      return done;
    });
    if (!dismissed) {
      throw new DomainError(
        'not-found',
        'patients.duplicates.notFound',
        'No open duplicate review for this pair.',
      );
    }
  }

  async relatedPersons(organizationId: string, patientId: string) {
    await this.getRecord(organizationId, patientId);
    return this.repo.relatedPersons(patientId);
  }

  async coverages(organizationId: string, patientId: string) {
    await this.getRecord(organizationId, patientId);
    return this.repo.coverages(patientId);
  }
}
