import type { Kysely } from 'kysely';
import {
  compactFold,
  PREFIX_CAP,
  termPrefix,
  type PatientSummary,
  type SummaryDocFields,
  type TypeaheadQuery,
} from '@caredesk/core';
import { decodeCursor, encodeCursor } from '../cursor';
import { parseDoc } from '../json';
import type { Schema } from '../schema';
import type { Page } from './patient-search';
import { summaryFromDocument } from './patient-summaries';
import { PrefixCounts } from './prefix-counts';
import {
  byBirthDate,
  byEmail,
  byPrefixes,
  type Alternative,
  type Hit,
  type PageRequest,
} from './typeahead-queries';

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
  const request: PageRequest = { organizationId, want: limit + 1, after };
  const readings = async (alternatives: Alternative[]) => {
    const drivers = await Promise.all(
      alternatives.map((alt) => rarestToken(db, organizationId, alt, counts)),
    );
    return byPrefixes(db, request, alternatives, drivers);
  };
  let keys: Hit[];
  switch (query.kind) {
    case 'birthDate':
      keys = await byBirthDate(db, request, query.value);
      break;
    case 'email':
      keys = await byEmail(db, request, query.prefix);
      break;
    case 'name': {
      const alternatives: Alternative[] = [{ kind: 'name', tokens: query.tokens }];
      const asIdentifier = compactFold(query.raw);
      // One typed word may be an MRN without digits ("ABC-DEF").
      if (!/\s/.test(query.raw) && asIdentifier !== '')
        alternatives.push({ kind: 'identifier', tokens: [asIdentifier] });
      keys = await readings(alternatives);
      break;
    }
    case 'phone':
      keys = await readings([
        { kind: 'phone', tokens: [query.prefix] },
        { kind: 'identifier', tokens: [query.prefix] },
      ]);
      break;
    case 'identifier':
      keys = await readings([{ kind: 'identifier', tokens: [query.prefix] }]);
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
