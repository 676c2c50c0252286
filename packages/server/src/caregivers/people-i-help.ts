import {
  DATA_CATEGORIES,
  consentAllows,
  consentInForce,
  displayName,
  isDomainError,
  type AccessContext,
  type DataCategory,
  type Relationship,
} from '@caredesk/core';
import type { RequestAudit } from '../access/request-audit';
import type { PatientService } from '../patients/patient-service';
import { relatedPersonsById } from '../storage/caregivers/caregiver-store';
import type { Database } from '../storage/database';

/** One person a caregiver helps, as the portal's switcher shows them. */
export interface HelpedPerson {
  patientId: string;
  /** The patient's name: whom the caregiver is looking at. */
  name: string;
  /** How the caregiver is related to them (from the caregiver's RelatedPerson record). */
  relationship: Relationship;
  /** What they may see right now: exactly what the access decision would allow. */
  categories: DataCategory[];
  /** When the sharing ends; null: until the patient stops it. */
  until: string | null;
}

/**
 * "People I help" for a signed-in caregiver (issue #4, point 8): the patients whose
 * consent is in force now, each with the categories it allows — decided with the same
 * consent rules as every request (core/consent), from the consents this request's access
 * context read, so a revocation shows on the very next load. A person whose sharing
 * ended is simply not listed. The patient's name is shown whatever was shared: it is
 * whom the patient chose to share with, and the caregiver must know whose record it is.
 */
export class PeopleIHelp {
  constructor(
    private readonly database: Database,
    private readonly patients: PatientService,
  ) {}

  async list(audit: RequestAudit): Promise<HelpedPerson[]> {
    const ctx = audit.ctx;
    const p = ctx.principal;
    if (p?.kind !== 'caregiver') return [];
    const patientIds = [...new Set(p.proxies.map((x) => x.patientId))];
    const people: HelpedPerson[] = [];
    const relatedPersons = await relatedPersonsById(
      this.database.db,
      p.proxies.map((x) => x.relatedPersonId),
    );
    for (const patientId of patientIds) {
      const proxies = p.proxies.filter((x) => x.patientId === patientId);
      const categories = DATA_CATEGORIES.filter((c) =>
        proxies.some((x) => consentAllows(ctx.consents, x.relatedPersonId, patientId, c, ctx.now)),
      );
      if (categories.length === 0) continue;
      const patient = await this.patients.getRecord(p.organizationId, patientId).catch((e) => {
        if (isDomainError(e)) return null;
        throw e;
      });
      if (!patient || patient.mergedInto) continue;
      const own = relatedPersons.get(proxies[0]!.relatedPersonId);
      people.push({
        patientId,
        name: displayName(patient.names),
        relationship: own?.relationship ?? 'CAREGIVER',
        categories,
        until: sharingEnds(ctx, proxies, patientId),
      });
    }
    people.sort((a, b) => a.name.localeCompare(b.name));
    // Each name shown is a read of that patient's record, on their behalf (rule 2). With
    // nobody to show, the HTTP layer records the (empty) read as for any other route.
    if (people.length === 0) return people;
    await this.database.db.transaction().execute((trx) =>
      audit.inTransaction(
        trx,
        people.map((x) => ({
          action: 'read' as const,
          patientId: x.patientId,
          resourceType: 'Patient',
          resourceId: x.patientId,
          detail: JSON.stringify({ view: 'people-i-help', categories: x.categories }),
        })),
      ),
    );
    return people;
  }
}

/** The latest end among the consents in force (null when one has no end). */
function sharingEnds(
  ctx: AccessContext,
  proxies: ReadonlyArray<{ relatedPersonId: string }>,
  patientId: string,
): string | null {
  const inForce = ctx.consents.filter(
    (c) =>
      c.patientId === patientId &&
      proxies.some((x) => x.relatedPersonId === c.relatedPersonId) &&
      consentInForce(c, ctx.now),
  );
  if (inForce.some((c) => c.periodEnd === null)) return null;
  return (
    inForce
      .map((c) => c.periodEnd!)
      .sort()
      .at(-1) ?? null
  );
}
