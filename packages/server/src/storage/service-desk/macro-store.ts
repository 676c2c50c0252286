import {
  foldForSearch,
  type Macro,
  type MacroActions,
  type MacroAudience,
  type MacroBody,
  type MacroLanguage,
} from '@caredesk/core';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, encodeCursor } from '../cursor';
import { parseDoc } from '../json';
import type { Schema } from '../schema';
import type { MacrosTable } from './macro-tables';

export interface MacroPage {
  items: Macro[];
  nextCursor: string | null;
}

export interface MacroQuery {
  /** Words that must all appear in the name or a text (accents and case ignored). */
  q?: string;
  /** True for the reply composer: inactive macros are not offered. */
  activeOnly: boolean;
  limit: number;
  cursor?: string;
}

type Db = Kysely<Schema>;

/** What the composer searches: the names and every language's subject and text. */
function searchText(m: Macro): string {
  return foldForSearch(
    [m.name, ...Object.values(m.names), ...m.bodies.flatMap((b) => [b.subject ?? '', b.body])].join(
      ' ',
    ),
  );
}

function toRow(m: Macro, createdAt: string): Selectable<MacrosTable> {
  return {
    id: m.id,
    organization_id: m.organizationId,
    name: m.name,
    sort_name: foldForSearch(m.name),
    names: JSON.stringify(m.names),
    bodies: JSON.stringify(m.bodies),
    actions: JSON.stringify(m.actions),
    audience: m.audience,
    active: m.active ? 1 : 0,
    version: m.version,
    search_text: searchText(m),
    created_at: createdAt,
    updated_at: m.updatedAt,
  };
}

function fromRow(r: Selectable<MacrosTable>): Macro {
  return {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    names: parseDoc<Partial<Record<MacroLanguage, string>>>(r.names),
    bodies: parseDoc<MacroBody[]>(r.bodies),
    actions: parseDoc<MacroActions>(r.actions),
    audience: r.audience as MacroAudience,
    active: Number(r.active) === 1,
    version: Number(r.version),
    updatedAt: r.updated_at,
  };
}

export async function insertMacro(db: Db, m: Macro): Promise<void> {
  await db.insertInto('macros').values(toRow(m, m.updatedAt)).execute();
}

/**
 * Replaces a macro when its stored version is still `expectedVersion`; false when someone
 * saved it in between (the caller answers 409) or it is not in the organization.
 */
export async function replaceMacro(db: Db, m: Macro, expectedVersion: number): Promise<boolean> {
  const { id, organization_id, created_at: _created, ...changes } = toRow(m, '');
  const r = await db
    .updateTable('macros')
    .set(changes)
    .where('id', '=', id)
    .where('organization_id', '=', organization_id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findMacro(db: Db, organizationId: string, id: string): Promise<Macro | null> {
  const row = await db
    .selectFrom('macros')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** At most this many words of a search are used: a macro list is searched, not mined. */
const MAX_TERMS = 6;

/** Macros in name order, a page at a time (keyset on the folded name and id). */
export async function listMacros(
  db: Db,
  organizationId: string,
  query: MacroQuery,
): Promise<MacroPage> {
  let select = db.selectFrom('macros').selectAll().where('organization_id', '=', organizationId);
  if (query.activeOnly) select = select.where('active', '=', 1);
  // Folding leaves letters, digits and @ . + only, so a term can hold no LIKE wildcard.
  const terms = foldForSearch(query.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, MAX_TERMS);
  for (const term of terms) select = select.where('search_text', 'like', `%${term}%`);
  if (query.cursor) {
    const [sortName, id] = decodeCursor(query.cursor, 2) as [string, string];
    select = select.where((eb) =>
      eb.or([
        eb('sort_name', '>', sortName),
        eb.and([eb('sort_name', '=', sortName), eb('id', '>', id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('sort_name')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(fromRow),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_name, last.id]) : null,
  };
}
