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
import type { RequestAudit } from '../access/request-audit';
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
    audit: RequestAudit,
  ): Promise<RelatedPerson> {
    await this.livePatient(organizationId, patientId);
    const rp: RelatedPerson = {
      ...valid(validateRelatedPersonInput(input, this.defaultCountry)),
      id: randomUUID(),
      patientId,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await insertRelatedPerson(trx, rp, this.clock.now().toISOString());
      await audit.inTransaction(trx, {
        action: 'create',
        patientId,
        resourceType: 'RelatedPerson',
        resourceId: rp.id,
      });
    });
    return rp;
  }

  async addCoverage(
    organizationId: string,
    patientId: string,
    input: CoverageInput,
    audit: RequestAudit,
  ): Promise<Coverage> {
    await this.livePatient(organizationId, patientId);
    const coverage: Coverage = {
      ...valid(validateCoverageInput(input)),
      id: randomUUID(),
      patientId,
    };
    await this.database.db.transaction().execute(async (trx) => {
      await insertCoverage(trx, coverage, this.clock.now().toISOString());
      await audit.inTransaction(trx, {
        action: 'create',
        patientId,
        resourceType: 'Coverage',
        resourceId: coverage.id,
      });
    });
    return coverage;
  }

  async addCareTeamMember(
    organizationId: string,
    patientId: string,
    input: CareTeamMemberInput,
    audit: RequestAudit,
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
    await this.database.db.transaction().execute(async (trx) => {
      await insertCareTeamMember(trx, member, this.clock.now().toISOString());
      await audit.inTransaction(trx, {
        action: 'create',
        patientId,
        resourceType: 'CareTeam',
        resourceId: member.id,
      });
    });
    return member;
  }

  async careTeam(organizationId: string, patientId: string): Promise<CareTeamEntry[]> {
    await this.patients.getRecord(organizationId, patientId);
    return listCareTeam(this.database.db, patientId);
  }
}
