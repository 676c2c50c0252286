import { sql, type Kysely } from 'kysely';
import {
  compactFold,
  PREFIX_CAP,
  termPrefix,
  type PatientSummary,
  type SummaryDocFields,
  type SearchTermKind,
  type TypeaheadQuery,
} from '@caredesk/core';
import { decodeCursor, encodeCursor } from '../cursor';
import { parseDoc } from '../json';
import type { Schema } from '../schema';
import { RANGE_END, type Page } from './patient-search';
import { summaryFromDocument } from './patient-summaries';
import { PrefixCounts } from './prefix-counts';

/** A result's place in name order: the keyset every page continues from. */
interface Key {
  sort_name: string;
  patient_id: string;
}

/** Patients whose terms of `kind` start with every one of `tokens`. */
interface Alternative {
  kind: SearchTermKind;
  tokens: string[];
}

/**
 * The typeahead of the staff search box: a page of summaries in (sort name, id) order.
 * Names, phones and identifiers are read from the prefix table (migration 0007), where
 * one prefix lists its patients already in name order, so a page costs about `limit`
 * index rows however many patients share the prefix. A query that can mean two things
 * (a word is a name or an identifier; digits are a phone or an identifier) reads both
 * orders and merges them. Every value typed is a bound parameter.
 */
export async function typeaheadPatients(
  db: Kysely<Schema>,
  organizationId: string,
  query: TypeaheadQuery,
  limit: number,
  cursor?: string,
  counts: PrefixCounts = new PrefixCounts(),
): Promise<Page<PatientSummary>> {
  const after = cursor ? (decodeCursor(cursor, 2) as [string, string]) : null;
  const want = limit + 1;
  let keys: Key[];
  switch (query.kind) {
    case 'birthDate':
      keys = await byBirthDate(db, organizationId, query.value, after, want);
      break;
    case 'email':
      keys = await byEmail(db, organizationId, query.prefix, after, want);
      break;
    case 'name': {
      const alternatives: Alternative[] = [{ kind: 'name', tokens: query.tokens }];
      const asIdentifier = compactFold(query.raw);
      // One typed word may be an MRN without digits ("ABC-DEF").
      if (!/\s/.test(query.raw) && asIdentifier !== '')
        alternatives.push({ kind: 'identifier', tokens: [asIdentifier] });
      keys = await byPrefixes(db, organizationId, alternatives, after, want, counts);
      break;
    }
    case 'phone':
      keys = await byPrefixes(
        db,
        organizationId,
        [
          { kind: 'phone', tokens: [query.prefix] },
          { kind: 'identifier', tokens: [query.prefix] },
        ],
        after,
        want,
        counts,
      );
      break;
    case 'identifier':
      keys = await byPrefixes(
        db,
        organizationId,
        [{ kind: 'identifier', tokens: [query.prefix] }],
        after,
        want,
        counts,
      );
      break;
  }
  const page = keys.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await summaries(db, organizationId, page),
    nextCursor:
      keys.length > limit && last ? encodeCursor([last.sort_name, last.patient_id]) : null,
  };
}

async function byPrefixes(
  db: Kysely<Schema>,
  organizationId: string,
  alternatives: Alternative[],
  after: [string, string] | null,
  want: number,
  counts: PrefixCounts,
): Promise<Key[]> {
  const lists: Key[][] = [];
  for (const alt of alternatives) {
    const driver = await rarestToken(db, organizationId, alt, counts);
    lists.push(await scan(db, organizationId, alt, driver, after, want));
  }
  if (lists.length === 1) return lists[0]!;
  const seen = new Map<string, Key>();
  for (const k of lists.flat()) seen.set(k.patient_id, k);
  return [...seen.values()].sort(compareKeys).slice(0, want);
}

/** The word whose prefix the fewest patients share (one word: that word). */
async function rarestToken(
  db: Kysely<Schema>,
  organizationId: string,
  { kind, tokens }: Alternative,
  counts: PrefixCounts,
): Promise<string> {
  let best = tokens[0] ?? '';
  if (tokens.length === 1) return best;
  let fewest = Infinity;
  for (const token of tokens) {
    const n = await counts.count(db, organizationId, kind, termPrefix(token, PREFIX_CAP));
    if (n < fewest) [best, fewest] = [token, n];
  }
  return best;
}

/**
 * Walks the driver's prefix in name order; every other token is a check on the same
 * row's patient. A token longer than PREFIX_CAP is checked against whole terms.
 */
function scan(
  db: Kysely<Schema>,
  organizationId: string,
  { kind, tokens }: Alternative,
  driver: string,
  after: [string, string] | null,
  want: number,
): Promise<Key[]> {
  let q = db
    .selectFrom('patient_search_prefixes as p')
    .select(['p.sort_name', 'p.patient_id'])
    .where('p.organization_id', '=', organizationId)
    .where('p.kind', '=', kind)
    .where('p.prefix', '=', termPrefix(driver, PREFIX_CAP));
  for (const token of tokens) {
    const long = Array.from(token).length > PREFIX_CAP;
    if (token === driver && !long) continue;
    q = long
      ? q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('patient_search_terms as t')
              .select(sql.lit(1).as('one'))
              .whereRef('t.patient_id', '=', 'p.patient_id')
              .where('t.kind', '=', kind)
              .where('t.term', '>=', token)
              .where('t.term', '<', token + RANGE_END),
          ),
        )
      : q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('patient_search_prefixes as o')
              .select(sql.lit(1).as('one'))
              .whereRef('o.organization_id', '=', 'p.organization_id')
              .where('o.kind', '=', kind)
              .where('o.prefix', '=', token)
              .whereRef('o.sort_name', '=', 'p.sort_name')
              .whereRef('o.patient_id', '=', 'p.patient_id'),
          ),
        );
  }
  if (after) {
    q = q.where((eb) =>
      eb(eb.refTuple('p.sort_name', 'p.patient_id'), '>', eb.tuple(after[0], after[1])),
    );
  }
  return q.orderBy('p.sort_name').orderBy('p.patient_id').limit(want).execute();
}

/** Served by the index (organization, birth date, sort name, id): already in name order. */
function byBirthDate(
  db: Kysely<Schema>,
  organizationId: string,
  birthDate: string,
  after: [string, string] | null,
  want: number,
): Promise<Key[]> {
  let q = db
    .selectFrom('patients')
    .select(['sort_name', 'id as patient_id'])
    .where('organization_id', '=', organizationId)
    .where('birth_date', '=', birthDate)
    .where('merged_into', 'is', null);
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('sort_name', 'id'), '>', eb.tuple(after[0], after[1])));
  }
  return q.orderBy('sort_name').orderBy('id').limit(want).execute();
}

/** An e-mail query names a whole local part, so its matches are few: fetched, then sorted. */
function byEmail(
  db: Kysely<Schema>,
  organizationId: string,
  prefix: string,
  after: [string, string] | null,
  want: number,
): Promise<Key[]> {
  let q = db
    .selectFrom('patient_search_terms as t')
    .innerJoin('patients as p', 'p.id', 't.patient_id')
    .select(['p.sort_name', 'p.id as patient_id'])
    .distinct()
    .where('t.organization_id', '=', organizationId)
    .where('t.kind', '=', 'email')
    .where('t.term', '>=', prefix)
    .where('t.term', '<', prefix + RANGE_END)
    .where('p.merged_into', 'is', null);
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('p.sort_name', 'p.id'), '>', eb.tuple(after[0], after[1])));
  }
  return q.orderBy('p.sort_name').orderBy('p.id').limit(want).execute();
}

/** Byte order of UTF-8, as SQLite's BINARY and PostgreSQL's "C" collation compare. */
function compareKeys(a: Key, b: Key): number {
  return (
    Buffer.compare(Buffer.from(a.sort_name), Buffer.from(b.sort_name)) ||
    Buffer.compare(Buffer.from(a.patient_id), Buffer.from(b.patient_id))
  );
}

/** The summaries of a page, in its order; rows from before migration 0007 use their document. */
async function summaries(
  db: Kysely<Schema>,
  organizationId: string,
  page: Key[],
): Promise<PatientSummary[]> {
  if (page.length === 0) return [];
  const rows = await db
    .selectFrom('patients')
    .select([
      'id',
      'birth_date',
      'administrative_sex',
      'preferred_language',
      'deceased',
      'restricted',
      'summary',
    ])
    .where('organization_id', '=', organizationId)
    .where(
      'id',
      'in',
      page.map((k) => k.patient_id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Rows written before migration 0007 until start-up fills them: from the document.
  const missing = rows.filter((r) => r.summary === null).map((r) => r.id);
  const fromDocument = new Map<string, SummaryDocFields>();
  if (missing.length > 0) {
    const docs = await db
      .selectFrom('patients')
      .select(['id', 'data'])
      .where('id', 'in', missing)
      .execute();
    for (const d of docs) fromDocument.set(d.id, summaryFromDocument(d.data));
  }
  return page.flatMap((k): PatientSummary[] => {
    const row = byId.get(k.patient_id);
    if (!row) return [];
    const fields = row.summary ? parseDoc<SummaryDocFields>(row.summary) : fromDocument.get(row.id);
    if (!fields) return [];
    return [
      {
        id: row.id,
        ...fields,
        birthDate: row.birth_date,
        administrativeSex: row.administrative_sex as PatientSummary['administrativeSex'],
        preferredLanguage: row.preferred_language,
        deceased: Number(row.deceased) === 1,
        restricted: Number(row.restricted) === 1,
      },
    ];
  });
}
