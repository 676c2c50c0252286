import type { Database } from '../storage/database';
import {
  listClinical,
  type ClinicalList,
  type ClinicalLists,
} from '../storage/clinical/clinical-lists';
import type { Page } from '../storage/patients/patient-search';

/**
 * The clinical context staff read to serve a patient after a visit: encounters,
 * conditions, prescriptions and care plans, as CareDesk stores them (core/src/clinical),
 * newest first. Read-only: these records arrive through imports (a FHIR bundle, the demo data).
 * Who may read which list is the route's policy, decided before this runs.
 */
export class ClinicalService {
  constructor(private readonly database: Database) {}

  /** One page of the patient's list; `cursor` is the previous page's `nextCursor`. */
  list<K extends ClinicalList>(
    list: K,
    patientId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<ClinicalLists[K]>> {
    return listClinical(this.database.db, list, patientId, limit, cursor);
  }
}
