import { randomUUID } from 'node:crypto';
import {
  DomainError,
  validateCareTeamMemberInput,
  validateCoverageInput,
  validateRelatedPersonInput,
  type CareTeamMember,
  type CareTeamMemberInput,
  type Clock,
  type Coverage,
  type CoverageInput,
  type RelatedPerson,
  type RelatedPersonInput,
  type Validated,
} from '@caredesk/core';
import type { Database } from '../storage/database';
import {
  insertCareTeamMember,
  insertCoverage,
  insertRelatedPerson,
  listCareTeam,
  practitionerExists,
  type CareTeamEntry,
} from '../storage/patients/patient-relations';
import type { PatientService } from './patient-service';

function valid<T>(result: Validated<T>): T {
  if (!result.ok)
    throw new DomainError('validation', 'problem.validation', 'Invalid fields.', result.issues);
  return result.value;
}

/** Caregivers and contacts, coverages and care team of a patient on file. */
export class PatientRelationsService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly patients: PatientService,
    private readonly defaultCountry: string,
  ) {}

  /** The patient the relation is added to: on file, in this organization, not merged away. */
  private async livePatient(organizationId: string, patientId: string): Promise<void> {
    const p = await this.patients.getRecord(organizationId, patientId);
    if (p.mergedInto) {
      throw new DomainError(
        'conflict',
        'patients.merge.alreadyMerged',
        'This patient was merged; use the survivor.',
      );
    }
  }

  async addRelatedPerson(
    organizationId: string,
    patientId: string,
    input: RelatedPersonInput,
  ): Promise<RelatedPerson> {
    await this.livePatient(organizationId, patientId);
    const rp: RelatedPerson = {
      ...valid(validateRelatedPersonInput(input, this.defaultCountry)),
      id: randomUUID(),
      patientId,
    };
    await insertRelatedPerson(this.database.db, rp, this.clock.now().toISOString());
    return rp;
  }

  async addCoverage(
    organizationId: string,
    patientId: string,
    input: CoverageInput,
  ): Promise<Coverage> {
    await this.livePatient(organizationId, patientId);
    const coverage: Coverage = {
      ...valid(validateCoverageInput(input)),
      id: randomUUID(),
      patientId,
    };
    await insertCoverage(this.database.db, coverage, this.clock.now().toISOString());
    return coverage;
  }

  async addCareTeamMember(
    organizationId: string,
    patientId: string,
    input: CareTeamMemberInput,
  ): Promise<CareTeamMember> {
    await this.livePatient(organizationId, patientId);
    const member: CareTeamMember = {
      ...valid(validateCareTeamMemberInput(input)),
      id: randomUUID(),
      patientId,
    };
    if (!(await practitionerExists(this.database.db, member.practitionerId))) {
      throw new DomainError(
        'validation',
        'patients.practitioner.notFound',
        'No such practitioner.',
        [
          {
            path: 'practitionerId',
            messageKey: 'patients.practitioner.notFound',
            detail: member.practitionerId,
          },
        ],
      );
    }
    await insertCareTeamMember(this.database.db, member, this.clock.now().toISOString());
    return member;
  }

  async careTeam(organizationId: string, patientId: string): Promise<CareTeamEntry[]> {
    await this.patients.getRecord(organizationId, patientId);
    return listCareTeam(this.database.db, patientId);
  }
}
