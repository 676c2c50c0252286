import {
  DomainError,
  type Coverage,
  type Patient,
  type PatientSummary,
  type RelatedPerson,
  type TypeaheadQuery,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { decodeCursor, encodeCursor } from '../cursor';
import { parseDoc } from '../json';
import type { Schema } from '../schema';
import { ownedBy } from './patient-merge';
import { flagDuplicates, IdentifierTakenError, rowToPatient, writePatient } from './patient-rows';
import { searchPatients, type Page, type PatientCriteria } from './patient-search';
import { typeaheadPatients } from './patient-typeahead';
import { PrefixCounts } from './prefix-counts';

export interface DuplicateCandidate {
  patientId: string;
  candidateId: string;
  score: number;
  reasons: string[];
  status: 'open' | 'dismissed' | 'merged';
  createdAt: string;
}

export function identifierConflict(e: IdentifierTakenError): DomainError {
  return new DomainError('conflict', 'patients.identifier.taken', e.message, [
    {
      path: 'identifiers',
      messageKey: 'patients.identifier.taken',
      detail: `${e.system}|${e.value}`,
    },
  ]);
}

/** Storage of the patient registry, on either engine. */
export class PatientRepository {
  /** Which word of a several-word search to walk (prefix-counts.ts); per process. */
  private readonly prefixCounts = new PrefixCounts();

  constructor(private readonly database: Database) {}

  private get db(): Kysely<Schema> {
    return this.database.db;
  }

  /**
   * Inserts a new patient and flags likely duplicates, inside the caller's transaction
   * (so that an Idempotency-Key record commits with it).
   */
  async create(
    trx: Kysely<Schema>,
    p: Patient,
  ): Promise<{ patient: Patient; duplicatesFlagged: number }> {
    try {
      await writePatient(trx, p, null, true);
      const duplicatesFlagged = await flagDuplicates(trx, p, p.createdAt);
      return { patient: p, duplicatesFlagged };
    } catch (e) {
      if (e instanceof IdentifierTakenError) throw identifierConflict(e);
      throw e;
    }
  }

  async get(organizationId: string, id: string): Promise<Patient | null> {
    const row = await this.db
      .selectFrom('patients')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    return row ? rowToPatient(row) : null;
  }

  /**
   * Replaces a patient's content when `expectedVersion` still matches (optimistic
   * concurrency: two clerks editing one record never silently overwrite each other).
   */
  async update(
    next: Patient,
    expectedVersion: number,
    inTransaction: (trx: Kysely<Schema>) => Promise<void> = () => Promise.resolve(),
  ): Promise<Patient> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('patients')
          .select(['version', 'source_key'])
          .where('id', '=', next.id)
          .executeTakeFirst();
        if (!current) throw new DomainError('not-found', 'patients.notFound', 'No such patient.');
        if (Number(current.version) !== expectedVersion) {
          throw new DomainError(
            'conflict',
            'patients.versionConflict',
            `The patient was changed by someone else (now version ${current.version}).`,
          );
        }
        await writePatient(trx, next, current.source_key, false);
        await flagDuplicates(trx, next, next.updatedAt);
        await inTransaction(trx);
        return next;
      });
    } catch (e) {
      if (e instanceof IdentifierTakenError) throw identifierConflict(e);
      throw e;
    }
  }

  /** Summaries for the staff search box, in name order (patient-typeahead.ts). */
  typeahead(
    organizationId: string,
    query: TypeaheadQuery,
    limit: number,
    cursor?: string,
  ): Promise<Page<PatientSummary>> {
    return typeaheadPatients(
      this.database.reads,
      organizationId,
      query,
      limit,
      cursor,
      this.prefixCounts,
    );
  }

  search(
    organizationId: string,
    criteria: PatientCriteria,
    limit: number,
    cursor?: string,
  ): Promise<Page<Patient>> {
    return searchPatients(this.db, organizationId, criteria, limit, cursor);
  }

  async listDuplicateCandidates(
    organizationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<DuplicateCandidate>> {
    let q = this.db
      .selectFrom('duplicate_candidates as d')
      .innerJoin('patients as p', 'p.id', 'd.patient_id')
      .innerJoin('patients as c', 'c.id', 'd.candidate_id')
      .selectAll('d')
      .where('p.organization_id', '=', organizationId)
      .where('d.status', '=', 'open')
      // A pair whose record was merged into a third one meanwhile has nothing left to decide.
      .where('p.merged_into', 'is', null)
      .where('c.merged_into', 'is', null);
    if (cursor) {
      const [a, b] = decodeCursor(cursor, 2) as [string, string];
      q = q.where((eb) =>
        eb.or([
          eb('d.patient_id', '>', a),
          eb.and([eb('d.patient_id', '=', a), eb('d.candidate_id', '>', b)]),
        ]),
      );
    }
    const rows = await q
      .orderBy('d.patient_id')
      .orderBy('d.candidate_id')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        patientId: r.patient_id,
        candidateId: r.candidate_id,
        score: Number(r.score),
        reasons: parseDoc<string[]>(r.reasons),
        status: r.status as DuplicateCandidate['status'],
        createdAt: r.created_at,
      })),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.patient_id, last.candidate_id]) : null,
    };
  }

  async dismissDuplicate(trx: Kysely<Schema>, a: string, b: string): Promise<boolean> {
    const [x, y] = a < b ? [a, b] : [b, a];
    const r = await trx
      .updateTable('duplicate_candidates')
      .set({ status: 'dismissed' })
      .where('patient_id', '=', x)
      .where('candidate_id', '=', y)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async relatedPersons(patientId: string): Promise<RelatedPerson[]> {
    const rows = await this.db
      .selectFrom('related_persons')
      .select('data')
      .where('patient_id', '=', patientId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ownedBy(parseDoc<RelatedPerson>(r.data), patientId));
  }

  async coverages(patientId: string): Promise<Coverage[]> {
    const rows = await this.db
      .selectFrom('coverages')
      .select('data')
      .where('patient_id', '=', patientId)
      .orderBy('coverage_order')
      .orderBy('id')
      .execute();
    return rows.map((r) => ownedBy(parseDoc<Coverage>(r.data), patientId));
  }
}
