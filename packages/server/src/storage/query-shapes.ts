import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Schema } from './schema';

/** Stands for the named value while a shape is compiled; no typed input contains U+0000. */
const MARK = '\u0000shape:';
const marker = (name: string) => `${MARK}${name}\u0000`;

/** Where each compiled parameter comes from: a named value, or a constant of the shape. */
type Slot = { name: string } | { constant: unknown };

interface Shape {
  sql: string;
  slots: Slot[];
}

/**
 * Hands a shape's builder the marker for a named value (`v('organizationId')`), typed
 * `never` so that it fits wherever Kysely takes a value.
 */
export type ShapeMarkers = (name: string) => never;

const MARKERS: ShapeMarkers = (name) => marker(name) as never;

/**
 * Queries whose structure is known by a key, compiled once per database and run again
 * with new values. Kysely builds an operation tree and compiles it to SQL on every call:
 * about 40 µs for one typeahead search, a tenth of the main thread's time per search under
 * load (issue #2 point 13). Values are bound parameters as before; only the SQL text is
 * kept. The key must name everything that changes the SQL text (which clauses exist), and
 * the builder must use values only through the markers it is given: a value derived from
 * a marker (a marker with text appended, say) is refused when the shape is compiled.
 */
export class QueryShapes {
  readonly #byDatabase = new WeakMap<Kysely<Schema>, Map<string, Shape>>();

  constructor(private readonly maxShapes = 500) {}

  async select<R>(
    db: Kysely<Schema>,
    key: string,
    values: Readonly<Record<string, unknown>>,
    build: (v: ShapeMarkers) => Compilable<R>,
  ): Promise<R[]> {
    const shape = this.#shape(db, key, build);
    const parameters = shape.slots.map((slot) => {
      if ('constant' in slot) return slot.constant;
      const value = values[slot.name];
      if (value === undefined) throw new Error(`query shape ${key}: no value for ${slot.name}`);
      return value;
    });
    return (await db.executeQuery<R>(CompiledQuery.raw(shape.sql, parameters))).rows;
  }

  #shape<R>(db: Kysely<Schema>, key: string, build: (v: ShapeMarkers) => Compilable<R>): Shape {
    let shapes = this.#byDatabase.get(db);
    if (!shapes) this.#byDatabase.set(db, (shapes = new Map<string, Shape>()));
    const known = shapes.get(key);
    if (known) return known;
    const compiled = build(MARKERS).compile();
    const slots = compiled.parameters.map((p): Slot => {
      if (typeof p !== 'string' || !p.includes(MARK)) return { constant: p };
      if (!p.startsWith(MARK) || !p.endsWith('\u0000') || p.indexOf('\u0000', 1) !== p.length - 1)
        throw new Error(`query shape ${key}: a value was built from a marker`);
      return { name: p.slice(MARK.length, -1) };
    });
    const shape = { sql: compiled.sql, slots };
    if (shapes.size >= this.maxShapes) shapes.delete(shapes.keys().next().value!);
    shapes.set(key, shape);
    return shape;
  }
}
