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

/**
 * A result with what its summary shows, read in the same statement as its place: one
 * statement per search order instead of a second one for the page's summaries (each is a
 * round trip to the read worker, storage/sqlite/read-worker.ts).
 */
interface Hit extends Key {
  birth_date: string | null;
  administrative_sex: string;
  preferred_language: string;
  deceased: number | boolean;
  restricted: number | boolean;
  summary: string | null;
}

/** The summary columns of `patients` under the alias `s`. */
const SUMMARY_COLUMNS = [
  's.birth_date',
  's.administrative_sex',
  's.preferred_language',
  's.deceased',
  's.restricted',
  's.summary',
] as const;

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
  let keys: Hit[];
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
    items: await summaries(db, page),
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
): Promise<Hit[]> {
  const drivers = await Promise.all(
    alternatives.map((alt) => rarestToken(db, organizationId, alt, counts)),
  );
  // Each reading's page in name order, merged into one (UNION also drops a patient found
  // both ways), then joined to the summaries: one statement, one trip to the read worker.
  const pages = alternatives.map((alt, i) =>
    db.selectFrom(scan(db, organizationId, alt, drivers[i]!, after, want).as(`a${i}`)).selectAll(),
  );
  const merged = pages
    .slice(1)
    .reduce((all, page) => all.union(page), pages[0]!)
    .orderBy('sort_name')
    .orderBy('patient_id')
    .limit(want);
  return db
    .selectFrom(merged.as('k'))
    .innerJoin('patients as s', 's.id', 'k.patient_id')
    .select(['k.sort_name', 'k.patient_id', ...SUMMARY_COLUMNS])
    .where('s.organization_id', '=', organizationId)
    .orderBy('k.sort_name')
    .orderBy('k.patient_id')
    .execute();
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
  const sizes = await Promise.all(
    tokens.map((token) => counts.count(db, organizationId, kind, termPrefix(token, PREFIX_CAP))),
  );
  sizes.forEach((n, i) => {
    if (n < fewest) [best, fewest] = [tokens[i]!, n];
  });
  return best;
}

/**
 * The first `want` patients, in name order, whose driver prefix matches; every other token
 * is a check on the same row's patient. A token longer than PREFIX_CAP is checked against
 * whole terms. The page is chosen before summaries are joined to it: joined inside, SQLite
 * checks the other words only after reading each candidate's summary (measured twice as
 * slow for two-word searches).
 */
function scan(
  db: Kysely<Schema>,
  organizationId: string,
  { kind, tokens }: Alternative,
  driver: string,
  after: [string, string] | null,
  want: number,
) {
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
  return q.orderBy('p.sort_name').orderBy('p.patient_id').limit(want);
}

/** Served by the index (organization, birth date, sort name, id): already in name order. */
function byBirthDate(
  db: Kysely<Schema>,
  organizationId: string,
  birthDate: string,
  after: [string, string] | null,
  want: number,
): Promise<Hit[]> {
  let q = db
    .selectFrom('patients as s')
    .select(['s.sort_name', 's.id as patient_id', ...SUMMARY_COLUMNS])
    .where('s.organization_id', '=', organizationId)
    .where('s.birth_date', '=', birthDate)
    .where('s.merged_into', 'is', null);
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('s.sort_name', 's.id'), '>', eb.tuple(after[0], after[1])));
  }
  return q.orderBy('s.sort_name').orderBy('s.id').limit(want).execute();
}

/** An e-mail query names a whole local part, so its matches are few: fetched, then sorted. */
function byEmail(
  db: Kysely<Schema>,
  organizationId: string,
  prefix: string,
  after: [string, string] | null,
  want: number,
): Promise<Hit[]> {
  let q = db
    .selectFrom('patient_search_terms as t')
    .innerJoin('patients as s', 's.id', 't.patient_id')
    .select(['s.sort_name', 's.id as patient_id', ...SUMMARY_COLUMNS])
    .distinct()
    .where('t.organization_id', '=', organizationId)
    .where('t.kind', '=', 'email')
    .where('t.term', '>=', prefix)
    .where('t.term', '<', prefix + RANGE_END)
    .where('s.merged_into', 'is', null);
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('s.sort_name', 's.id'), '>', eb.tuple(after[0], after[1])));
  }
  return q.orderBy('s.sort_name').orderBy('s.id').limit(want).execute();
}

/** The summaries of a page, in its order; rows from before migration 0007 use their document. */
async function summaries(db: Kysely<Schema>, page: Hit[]): Promise<PatientSummary[]> {
  // Rows written before migration 0007 until start-up fills them: from the document.
  const missing = page.filter((r) => r.summary === null).map((r) => r.patient_id);
  const fromDocument = new Map<string, SummaryDocFields>();
  if (missing.length > 0) {
    const docs = await db
      .selectFrom('patients')
      .select(['id', 'data'])
      .where('id', 'in', missing)
      .execute();
    for (const d of docs) fromDocument.set(d.id, summaryFromDocument(d.data));
  }
  return page.flatMap((row): PatientSummary[] => {
    const fields = row.summary
      ? parseDoc<SummaryDocFields>(row.summary)
      : fromDocument.get(row.patient_id);
    if (!fields) return [];
    return [
      {
        id: row.patient_id,
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
