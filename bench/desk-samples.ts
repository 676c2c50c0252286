import type { CaseChannel, CasePriority } from '@caredesk/core';
import { Rng } from '@caredesk/server/demo/random';
import { openDatabase, type DatabaseConfig } from '@caredesk/server/storage/database';
import { sql } from 'kysely';
import type { DeskWorld } from './desk-generate';
import { categoryText } from './desk-text';

/** What a staff member types when they open a case on the phone or at the desk. */
export interface NewCaseBody {
  patientId: string;
  channel: CaseChannel;
  category: string;
  priority: CasePriority;
  subject: string;
  message: string;
}

const CREATE_CHANNELS: ReadonlyArray<readonly [CaseChannel, number]> = [
  ['phone', 60],
  ['walk-in', 15],
  ['nurse-line', 15],
  ['email', 10],
];
export const CREATE_CATEGORIES: ReadonlyArray<readonly [string, number]> = [
  ['refill', 16],
  ['billing-question', 14],
  ['general', 15],
  ['test-arrangement', 10],
  ['procedure-scheduling', 10],
  ['claim-help', 8],
  ['discharge-follow-up', 6],
  ['device-help', 5],
  ['billing-dispute', 5],
  ['reimbursement-form', 4],
  ['financial-assistance', 4],
  ['complaint', 3],
];
const CREATE_PRIORITIES: ReadonlyArray<readonly [CasePriority, number]> = [
  ['routine', 75],
  ['urgent', 17],
  ['asap', 6],
  ['stat', 2],
];

/**
 * `count` new-case bodies for POST /api/cases over random seeded patients, in each patient's
 * language, with the seeding's mix of categories and priorities. The language is left to the
 * server (it takes the patient's preferred one), as the console does.
 */
export function newCaseBodies(world: DeskWorld, count: number, seed: number): NewCaseBody[] {
  const r = new Rng(seed ^ 0xc0ffee);
  return Array.from({ length: count }, () => {
    const patient = world.patients[r.int(0, world.patients.length - 1)]!;
    const category = r.weighted(CREATE_CATEGORIES);
    const text = categoryText(category, patient.language);
    return {
      patientId: patient.id,
      channel: r.weighted(CREATE_CHANNELS),
      category,
      priority: r.weighted(CREATE_PRIORITIES),
      subject: text.subject,
      message: text.ask,
    };
  });
}

/**
 * Real case ids for the case page: `active` drawn from the active cases (what agents open
 * all day), the rest from every case (a patient calling about an old request).
 */
export async function sampleCaseIds(
  config: DatabaseConfig,
  active: number,
  other: number,
): Promise<string[]> {
  const database = await openDatabase(config);
  try {
    const a = await database.db
      .selectFrom('cases')
      .select('id')
      .where('is_active', '=', 1)
      .orderBy(sql`random()`)
      .limit(active)
      .execute();
    const b = await database.db
      .selectFrom('cases')
      .select('id')
      .where('is_active', '=', 0)
      .orderBy(sql`random()`)
      .limit(other)
      .execute();
    const ids = [...a, ...b].map((r) => r.id);
    // Interleaved, so every stretch of the window sees both kinds.
    const r = new Rng(ids.length);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    return ids;
  } finally {
    await database.close();
  }
}

/** Cases created since the seeding (numbers above `seeded`) and how many routing assigned. */
export async function createdSince(
  config: DatabaseConfig,
  seeded: number,
): Promise<{ created: number; assigned: number }> {
  const database = await openDatabase(config);
  try {
    const row = await database.db
      .selectFrom('cases')
      .select((eb) => [
        eb.fn.countAll<number>().as('created'),
        eb.fn.count<number>('assignee_id').as('assigned'),
      ])
      .where('number', '>', seeded)
      .executeTakeFirstOrThrow();
    return { created: Number(row.created), assigned: Number(row.assigned) };
  } finally {
    await database.close();
  }
}
