import { openDatabase } from '@caredesk/server/storage/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCases } from './desk-seed';
import { setUpDesk } from './desk-world';
import { createSqliteDatabase, seedPatients, type BenchDatabase } from './seed-database';

describe('case seeding into a desk that already has cases', () => {
  let db: BenchDatabase;
  beforeAll(async () => {
    db = createSqliteDatabase();
    await seedPatients(db.config, {
      patientCount: 200,
      seed: 7,
      now: new Date('2026-11-24T12:00:00Z'),
      chunkSize: 100,
    });
  }, 120_000);
  afterAll(() => db.dispose());

  it('numbers the seeded cases after those on file, and moves the counter past them', async () => {
    const desk = await setUpDesk(db.overrides, 5);
    const org = desk.world.organizationId;
    // Cases the HL7 feed opened earlier on the same database hold numbers 1..3.
    const database = await openDatabase(db.config);
    try {
      await database.db
        .insertInto('case_counters')
        .values({ organization_id: org, last_number: 3 })
        .execute();
      const figures = await seedCases(db.config, desk.world, {
        count: 40,
        seed: 11,
        now: new Date('2026-11-24T12:00:00Z'),
        chunkSize: 25,
      });
      expect(figures.lastNumber).toBe(43);
      const numbers = await database.db
        .selectFrom('cases')
        .select((eb) => [eb.fn.min('number').as('first'), eb.fn.max('number').as('last')])
        .where('organization_id', '=', org)
        .executeTakeFirstOrThrow();
      expect([Number(numbers.first), Number(numbers.last)]).toEqual([4, 43]);
      const counter = await database.db
        .selectFrom('case_counters')
        .select('last_number')
        .where('organization_id', '=', org)
        .executeTakeFirstOrThrow();
      expect(Number(counter.last_number)).toBe(43);
    } finally {
      await database.close();
    }
  }, 120_000);
});
