import { sql, type Kysely } from 'kysely';
import { QueryShapes } from '../query-shapes';
import type { Schema } from '../schema';

/** Counting stops here: past it, a prefix is simply common. */
const COUNT_CAP = 5000;

/** The count's SQL, compiled once (query-shapes.ts): a miss costs the count, not a compile. */
const shapes = new QueryShapes();

/**
 * How many patients share a typeahead prefix (capped), remembered for a while: the
 * statistics that tell which word of a several-word search is rarest, and so which one
 * to walk while the others are checked. Walking the rarer word reads fewer rows (for
 * "ma th", the Th- names rather than the many Ma- names). A stale count only costs speed,
 * never a wrong result.
 */
export class PrefixCounts {
  private readonly cache = new Map<string, { count: number; at: number }>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 20_000,
  ) {}

  async count(
    db: Kysely<Schema>,
    organizationId: string,
    kind: string,
    prefix: string,
  ): Promise<number> {
    const key = `${organizationId}\u0000${kind}\u0000${prefix}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.count;
    const [row] = await shapes.select(db, 'prefix-count', { organizationId, kind, prefix }, (v) => {
      const rows = db
        .selectFrom('patient_search_prefixes')
        .select(sql.lit(1).as('one'))
        .where('organization_id', '=', v('organizationId'))
        .where('kind', '=', v('kind'))
        .where('prefix', '=', v('prefix'))
        .limit(COUNT_CAP);
      return db.selectFrom(rows.as('r')).select((eb) => eb.fn.countAll<number | string>().as('n'));
    });
    const count = Number(row?.n ?? 0);
    this.cache.delete(key);
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { count, at: now });
    return count;
  }
}
