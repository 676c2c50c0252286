import { randomUUID } from 'node:crypto';
import type { Organization } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import { contentHash, parseDoc } from '../storage/json';
import type { Schema } from '../storage/schema';

const HOME_KEY = 'home_organization_id';

/**
 * The organization this installation serves. Created on first start with neutral
 * defaults (Mon–Fri 08:00–17:00) so the server is usable before anyone configures it;
 * `caredesk demo` replaces it with the demo clinic.
 */
export async function ensureHomeOrganization(database: Database, now: Date): Promise<string> {
  const { db } = database;
  const existing = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', HOME_KEY)
    .executeTakeFirst();
  if (existing) return existing.value;
  const id = randomUUID();
  const org: Organization = {
    id,
    name: 'CareDesk',
    identifiers: [],
    telecom: [],
    addresses: [],
    timeZone: 'UTC',
    businessHours: [1, 2, 3, 4, 5].map((day) => ({
      day: day as 1,
      opens: '08:00',
      closes: '17:00',
    })),
    kind: 'prov',
    active: true,
  };
  await db.transaction().execute(async (trx) => {
    await saveOrganization(trx, org, now.toISOString(), true);
    await trx.insertInto('settings').values({ key: HOME_KEY, value: id }).execute();
  });
  return id;
}

export async function saveOrganization(
  trx: Kysely<Schema>,
  org: Organization,
  now: string,
  isNew: boolean,
): Promise<void> {
  const values = {
    name: org.name,
    kind: org.kind,
    data: JSON.stringify(org),
    content_hash: contentHash(org),
    updated_at: now,
  };
  if (isNew) {
    await trx
      .insertInto('organizations')
      .values({ ...values, id: org.id, source_key: null, created_at: now })
      .execute();
  } else {
    await trx.updateTable('organizations').set(values).where('id', '=', org.id).execute();
  }
}

export async function loadOrganization(
  db: Kysely<Schema>,
  id: string,
): Promise<Organization | null> {
  const row = await db
    .selectFrom('organizations')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? parseDoc<Organization>(row.data) : null;
}
