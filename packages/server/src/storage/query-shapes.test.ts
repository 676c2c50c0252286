import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryShapes } from './query-shapes';
import { openSqlite } from './sqlite/open-sqlite';

const database = openSqlite(':memory:');
const db = database.db;

beforeAll(async () => {
  await sql`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
  const rows: Array<{ key: string; value: string }> = [
    { key: 'a', value: 'one' },
    { key: 'b', value: 'two' },
    { key: 'c', value: 'three' },
    { key: 'd', value: 'four' },
  ];
  await db.insertInto('settings').values(rows).execute();
});
afterAll(() => database.close());

const between = (shapes: QueryShapes, from: string, to: string, limit: number) =>
  shapes.select(db, 'between', { from, to, limit }, (v) =>
    db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', '>=', v('from'))
      .where('key', '<=', v('to'))
      .orderBy('key')
      .limit(v('limit')),
  );

describe('query shapes', () => {
  it('compile once and answer every later call with its own values', async () => {
    const shapes = new QueryShapes();
    let builds = 0;
    const run = (from: string, to: string, limit: number) =>
      shapes.select(db, 'counted', { from, to, limit }, (v) => {
        builds += 1;
        return db
          .selectFrom('settings')
          .select('key')
          .where('key', '>=', v('from'))
          .where('key', '<=', v('to'))
          .orderBy('key')
          .limit(v('limit'));
      });
    expect((await run('a', 'c', 10)).map((r) => r.key)).toEqual(['a', 'b', 'c']);
    expect((await run('b', 'd', 2)).map((r) => r.key)).toEqual(['b', 'c']);
    expect((await run('d', 'z', 5)).map((r) => r.key)).toEqual(['d']);
    expect(builds).toBe(1);
  });

  it('give the same rows as the query built anew', async () => {
    const shapes = new QueryShapes();
    for (const [from, to, limit] of [
      ['a', 'b', 5],
      ['b', 'd', 1],
      ['x', 'z', 3],
    ] as const) {
      const direct = await db
        .selectFrom('settings')
        .select(['key', 'value'])
        .where('key', '>=', from)
        .where('key', '<=', to)
        .orderBy('key')
        .limit(limit)
        .execute();
      expect(await between(shapes, from, to, limit)).toEqual(direct);
    }
  });

  it('keep a value written into the query as a constant of the shape', async () => {
    const shapes = new QueryShapes();
    const rows = await shapes.select(db, 'constant', { key: 'a' }, (v) =>
      db
        .selectFrom('settings')
        .select('value')
        .where('key', 'in', [v('key'), 'c'])
        .orderBy('key'),
    );
    expect(rows.map((r) => r.value)).toEqual(['one', 'three']);
  });

  it('refuse a value built from a marker, and a value left out', async () => {
    const shapes = new QueryShapes();
    await expect(
      shapes.select(db, 'derived', { key: 'a' }, (v) =>
        db
          .selectFrom('settings')
          .select('value')
          .where('key', '=', (String(v('key')) + 'x') as never),
      ),
    ).rejects.toThrow(/built from a marker/);
    await expect(between(shapes, 'a', 'b', 1)).resolves.toHaveLength(1);
    await expect(
      shapes.select(db, 'between', { from: 'a', to: 'b' }, () => {
        throw new Error('the shape is known: not built again');
      }),
    ).rejects.toThrow(/no value for limit/);
  });
});
