import { sql, type Kysely } from 'kysely';
import { PREFIX_CAP, termPrefix, type SearchTermKind } from '@caredesk/core';
import { QueryShapes, type ShapeMarkers } from '../query-shapes';
import type { Schema } from '../schema';
import { RANGE_END } from './patient-search';

/** A result's place in name order: the keyset every page continues from. */
export interface Key {
  sort_name: string;
  patient_id: string;
}

/**
 * A result with what its summary shows, read in the same statement as its place: one
 * statement per search instead of a second one for the page's summaries (each is a round
 * trip to the read worker, storage/sqlite/read-worker.ts).
 */
export interface Hit extends Key {
  birth_date: string | null;
  administrative_sex: string;
  preferred_language: string;
  deceased: number | boolean;
  restricted: number | boolean;
  summary: string | null;
}

/** Patients whose terms of `kind` start with every one of `tokens`. */
export interface Alternative {
  kind: SearchTermKind;
  tokens: string[];
}

/** What every search is asked: whose patients, how many, after which one. */
export interface PageRequest {
  organizationId: string;
  want: number;
  after: [string, string] | null;
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

/** The typeahead's SQL, compiled once per shape (query-shapes.ts); per process. */
const shapes = new QueryShapes();

const pageValues = ({ organizationId, want, after }: PageRequest) => ({
  organizationId,
  want,
  after0: after?.[0] ?? null,
  after1: after?.[1] ?? null,
});

const pageKey = (r: PageRequest) => (r.after ? 'after' : 'first');

/** The other words of a search, checked on each row of the driver's prefix. */
function checksOf(
  { tokens }: Alternative,
  driver: string,
): Array<{ token: string; long: boolean }> {
  return tokens
    .map((token) => ({ token, long: Array.from(token).length > PREFIX_CAP }))
    .filter(({ token, long }) => token !== driver || long);
}

/**
 * Each reading's page in name order (the driver's prefix walked, every other word checked
 * by key; a word longer than PREFIX_CAP against whole terms), merged into one (UNION also
 * drops a patient found both ways), then joined to the summaries. The page is chosen
 * before the join: joined inside, SQLite checks the other words only after reading each
 * candidate's summary (measured twice as slow for two-word searches).
 */
export function byPrefixes(
  db: Kysely<Schema>,
  request: PageRequest,
  alternatives: Alternative[],
  drivers: string[],
): Promise<Hit[]> {
  const values: Record<string, unknown> = pageValues(request);
  const structure = alternatives.map((alt, i) => {
    const checks = checksOf(alt, drivers[i]!);
    values[`a${i}kind`] = alt.kind;
    values[`a${i}driver`] = termPrefix(drivers[i]!, PREFIX_CAP);
    checks.forEach(({ token }, j) => {
      values[`a${i}t${j}`] = token;
      values[`a${i}t${j}end`] = token + RANGE_END;
    });
    return checks.map((c) => c.long);
  });
  const key = `prefixes:${pageKey(request)}:${structure
    .map((longs, i) => `${alternatives[i]!.kind}=${longs.map((l) => (l ? 'L' : 'S')).join('')}`)
    .join('/')}`;
  return shapes.select(db, key, values, (v) => {
    const pages = structure.map((longs, i) =>
      db.selectFrom(scan(db, v, i, longs, request.after !== null).as(`a${i}`)).selectAll(),
    );
    const merged = pages
      .slice(1)
      .reduce((all, page) => all.union(page), pages[0]!)
      .orderBy('sort_name')
      .orderBy('patient_id')
      .limit(v('want'));
    return db
      .selectFrom(merged.as('k'))
      .innerJoin('patients as s', 's.id', 'k.patient_id')
      .select(['k.sort_name', 'k.patient_id', ...SUMMARY_COLUMNS])
      .where('s.organization_id', '=', v('organizationId'))
      .orderBy('k.sort_name')
      .orderBy('k.patient_id');
  });
}

/** Alternative `i`'s page: its driver's prefix in name order, each check a key look-up. */
function scan(db: Kysely<Schema>, v: ShapeMarkers, i: number, longs: boolean[], after: boolean) {
  const kind = v(`a${i}kind`);
  let q = db
    .selectFrom('patient_search_prefixes as p')
    .select(['p.sort_name', 'p.patient_id'])
    .where('p.organization_id', '=', v('organizationId'))
    .where('p.kind', '=', kind)
    .where('p.prefix', '=', v(`a${i}driver`));
  longs.forEach((long, j) => {
    const token = v(`a${i}t${j}`);
    q = long
      ? q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('patient_search_terms as t')
              .select(sql.lit(1).as('one'))
              .whereRef('t.patient_id', '=', 'p.patient_id')
              .where('t.kind', '=', kind)
              .where('t.term', '>=', token)
              .where('t.term', '<', v(`a${i}t${j}end`)),
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
  });
  if (after) {
    q = q.where((eb) =>
      eb(eb.refTuple('p.sort_name', 'p.patient_id'), '>', eb.tuple(v('after0'), v('after1'))),
    );
  }
  return q.orderBy('p.sort_name').orderBy('p.patient_id').limit(v('want'));
}

/**
 * The keyset condition of the searches that read patients `s` directly: after the cursor's
 * (sort name, id), the order their pages are in.
 */
const afterCursor = (v: ShapeMarkers) =>
  sql<boolean>`(s.sort_name, s.id) > (${v('after0')}, ${v('after1')})`;

/** Served by the index (organization, birth date, sort name, id): already in name order. */
export function byBirthDate(
  db: Kysely<Schema>,
  request: PageRequest,
  birthDate: string,
): Promise<Hit[]> {
  const values = { ...pageValues(request), birthDate };
  return shapes.select(db, `birth:${pageKey(request)}`, values, (v) => {
    return db
      .selectFrom('patients as s')
      .select(['s.sort_name', 's.id as patient_id', ...SUMMARY_COLUMNS])
      .where('s.organization_id', '=', v('organizationId'))
      .where('s.birth_date', '=', v('birthDate'))
      .where('s.merged_into', 'is', null)
      .$if(request.after !== null, (qb) => qb.where(afterCursor(v)))
      .orderBy('s.sort_name')
      .orderBy('s.id')
      .limit(v('want'));
  });
}

/** An e-mail query names a whole local part, so its matches are few: fetched, then sorted. */
export function byEmail(db: Kysely<Schema>, request: PageRequest, prefix: string): Promise<Hit[]> {
  const values = { ...pageValues(request), prefix, prefixEnd: prefix + RANGE_END };
  return shapes.select(db, `email:${pageKey(request)}`, values, (v) => {
    return db
      .selectFrom('patient_search_terms as t')
      .innerJoin('patients as s', 's.id', 't.patient_id')
      .select(['s.sort_name', 's.id as patient_id', ...SUMMARY_COLUMNS])
      .distinct()
      .where('t.organization_id', '=', v('organizationId'))
      .where('t.kind', '=', 'email')
      .where('t.term', '>=', v('prefix'))
      .where('t.term', '<', v('prefixEnd'))
      .where('s.merged_into', 'is', null)
      .$if(request.after !== null, (qb) => qb.where(afterCursor(v)))
      .orderBy('s.sort_name')
      .orderBy('s.id')
      .limit(v('want'));
  });
}
