import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBatchSize, type StaffRole } from '@caredesk/core';
import { systemAudit } from '../access/request-audit';
import type { AuditSink } from '../audit/audit-sink';
import { passwordIssues, type Identity } from '../identity';
import { saveOrganization } from '../organizations/home-organization';
import type { Database } from '../storage/database';
import { importBatch } from '../storage/registry-import/import-store';
import { refreshStatistics } from '../storage/refresh-statistics';
import { loadDemoRouting } from './demo-routing';
import { loadDemoKnowledge } from './demo-knowledge';
import { generateDemoReference, generatePatientsStream } from './generate-demo';
import { loadDemoMacros } from './demo-macros';

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
 * staff account per role, created through the identity service with a shared freshly
 * generated password (argon2id-hashed; the plain text is only written to the data
 * directory so `npm start` can print it); and generated patients, written in chunks
 * through the same path as a FHIR import.
 *
 * Demo staff have no second factor yet: with staff MFA required (the default) their first
 * sign-in opens an enrolment-only session that asks for an authenticator app, exactly as
 * for an invited colleague. No TOTP seed is ever written to a file.
 */
export async function loadDemo(
  database: Database,
  organizationId: string,
  dataDir: string,
  opts: { patients: number; seed: number; now: Date },
  services: { identity: Identity; audit: AuditSink },
): Promise<DemoLoadResult> {
  const now = opts.now.toISOString();
  const { organization, staff } = generateDemoReference({ seed: opts.seed, organizationId });
  // A random password can, rarely, contain a staff member's name: draw again.
  let password = demoPassword();
  while (staff.some((m) => passwordIssues(password, m).length > 0)) password = demoPassword();
  await database.db.transaction().execute(async (trx) => {
    await saveOrganization(trx, { ...organization, id: organizationId }, now, false);
  });
  const accounts: Array<{ accountId: string; role: StaffRole; language: string }> = [];
  for (const member of staff) {
    const account = await services.identity.accounts.provision(
      {
        organizationId,
        kind: 'staff',
        email: member.email,
        displayName: member.displayName,
        preferredLanguage: member.preferredLanguage,
        roles: [member.role],
      },
      password,
      { replace: true },
    );
    accounts.push({ accountId: account.id, role: member.role, language: member.preferredLanguage });
  }
  // The generated patients and the desk's routing set-up enter the audit trail as the
  // demo loader's work.
  const audit = systemAudit(services.audit, {
    name: 'caredesk demo',
    organizationId,
    now: opts.now,
  });
  await loadDemoRouting(database, organizationId, opts.now, accounts, audit);
  let records = 0;
  for (const batch of generatePatientsStream({
    seed: opts.seed,
    patientCount: opts.patients,
    now: opts.now,
    organizationId,
  })) {
    records += importBatchSize(batch);
    await importBatch(database, organizationId, batch, now, (trx) =>
      audit.inTransaction(
        trx,
        batch.patients.map((p) => ({
          action: 'import' as const,
          patientId: p.id,
          resourceType: 'Patient',
          resourceId: p.id,
          detail: '{"source":"demo"}',
        })),
      ),
    );
  }
  await loadDemoMacros(database, organizationId, opts.now, audit);
  // The help articles patients read in the portal and staff search on the console.
  await loadDemoKnowledge(database, organizationId, opts.seed, opts.now, audit);
  await refreshStatistics(database);
  const width = Math.max(...staff.map((s) => s.email.length));
  const loginsText = [
    `Demo logins for ${organization.name} (password for all: ${password})`,
    '  At first sign-in each staff member sets up two-step sign-in with an authenticator app',
    '  (TOTP). CAREDESK_STAFF_MFA_REQUIRED=false skips this for a quick look.',
    ...staff.map((s) => `  ${s.email.padEnd(width)}  ${s.role.padEnd(16)} ${s.displayName}`),
  ].join('\n');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, DEMO_LOGINS_FILE), `${loginsText}\n`, { mode: 0o600 });
  return { patients: opts.patients, records, loginsText };
}
