import type { Kysely } from 'kysely';
import { searchPrefixes, type SearchPrefix, type SearchTerm } from '@caredesk/core';
import type { Schema } from '../schema';

/** Where a patient's prefix rows sit: they are keyed by organization and sort name. */
export interface PrefixOwner {
  organizationId: string;
  sortName: string;
  terms: SearchTerm[];
}

/** Rows per statement: 5 parameters each stays far below SQLite's bound-parameter limit. */
const CHUNK = 400;

const key = (p: SearchPrefix) => `${p.kind}\u0000${p.prefix}`;

/**
 * The patient's typeahead prefixes were `before` (null for a new record) and are `after`
 * now: deletes what is gone and inserts what is new. When the organization and sort name
 * are unchanged, an edit to one phone rewrites that phone's prefixes only.
 */
export async function replaceSearchPrefixes(
  trx: Kysely<Schema>,
  patientId: string,
  before: PrefixOwner | null,
  after: PrefixOwner,
): Promise<void> {
  const next = searchPrefixes(after.terms);
  let toDelete = before ? searchPrefixes(before.terms) : [];
  let toInsert = next;
  if (
    before &&
    before.organizationId === after.organizationId &&
    before.sortName === after.sortName
  ) {
    const kept = new Set(next.map(key));
    const had = new Set(toDelete.map(key));
    toDelete = toDelete.filter((p) => !kept.has(key(p)));
    toInsert = next.filter((p) => !had.has(key(p)));
  }
  if (before) await deletePrefixes(trx, patientId, before, toDelete);
  for (let i = 0; i < toInsert.length; i += CHUNK) {
    await trx
      .insertInto('patient_search_prefixes')
      .values(
        toInsert.slice(i, i + CHUNK).map((p) => ({
          organization_id: after.organizationId,
          kind: p.kind,
          prefix: p.prefix,
          sort_name: after.sortName,
          patient_id: patientId,
        })),
      )
      .execute();
  }
}

/** Deletes by whole primary key (the table has no index by patient, by design). */
async function deletePrefixes(
  trx: Kysely<Schema>,
  patientId: string,
  owner: PrefixOwner,
  prefixes: SearchPrefix[],
): Promise<void> {
  const byKind = new Map<string, string[]>();
  for (const p of prefixes) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.prefix]);
  for (const [kind, list] of byKind) {
    for (let i = 0; i < list.length; i += CHUNK) {
      await trx
        .deleteFrom('patient_search_prefixes')
        .where('organization_id', '=', owner.organizationId)
        .where('kind', '=', kind)
        .where('prefix', 'in', list.slice(i, i + CHUNK))
        .where('sort_name', '=', owner.sortName)
        .where('patient_id', '=', patientId)
        .execute();
    }
  }
}
