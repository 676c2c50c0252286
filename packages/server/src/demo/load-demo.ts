import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { importBatchSize } from '@caredesk/core';
import { saveOrganization } from '../organizations/home-organization';
import type { Database } from '../storage/database';
import { importBatch } from '../storage/registry-import/import-store';
import { generateDemoReference, generatePatientsStream } from './generate-demo';

/** Where the demo logins are kept, inside the data directory, readable by its owner only. */
export const DEMO_LOGINS_FILE = 'demo-logins.txt';

export interface DemoLoadResult {
  patients: number;
  records: number;
  loginsText: string;
}

/** A readable random password: 4 groups of 4 from an alphabet without look-alikes. */
function demoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * Loads the demo clinic into the home organization: its name, hours and contacts; one
 * staff member per role sharing a freshly generated password (argon2id-hashed; the
 * plain text is only written to the data directory so `npm start` can print it); and
 * generated patients, written in chunks through the same path as a FHIR import.
 */
export async function loadDemo(
  database: Database,
  organizationId: string,
  dataDir: string,
  opts: { patients: number; seed: number; now: Date },
): Promise<DemoLoadResult> {
  const now = opts.now.toISOString();
  const { organization, staff } = generateDemoReference({ seed: opts.seed, organizationId });
  const password = demoPassword();
  const passwordHash = await hash(password);
  await database.db.transaction().execute(async (trx) => {
    await saveOrganization(trx, { ...organization, id: organizationId }, now, false);
    for (const member of staff) {
      await trx
        .insertInto('staff_members')
        .values({
          id: randomUUID(),
          organization_id: organizationId,
          email: member.email,
          display_name: member.displayName,
          role: member.role,
          preferred_language: member.preferredLanguage,
          password_hash: passwordHash,
          created_at: now,
        })
        .onConflict((oc) => oc.column('email').doUpdateSet({ password_hash: passwordHash }))
        .execute();
    }
  });
  let records = 0;
  for (const batch of generatePatientsStream({
    seed: opts.seed,
    patientCount: opts.patients,
    now: opts.now,
    organizationId,
  })) {
    records += importBatchSize(batch);
    await importBatch(database, organizationId, batch, now);
  }
  const width = Math.max(...staff.map((s) => s.email.length));
  const loginsText = [
    `Demo logins for ${organization.name} (password for all: ${password})`,
    ...staff.map((s) => `  ${s.email.padEnd(width)}  ${s.role.padEnd(16)} ${s.displayName}`),
  ].join('\n');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, DEMO_LOGINS_FILE), `${loginsText}\n`, { mode: 0o600 });
  return { patients: opts.patients, records, loginsText };
}
