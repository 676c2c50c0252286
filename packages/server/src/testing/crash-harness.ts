import { randomBytes } from 'node:crypto';
import { loadAuditKey } from '../audit/audit-key';
import { createAuditMac } from '../audit/audit-mac';
import { verifyAuditTrail, type AuditTrailVerification } from '../audit/audit-verify';
import { databaseConfig, loadConfig, type Config } from '../config/config';
import { openDatabase } from '../storage/database';
import { issueToken } from './api-token';
import { freePort, killHard, startServerProcess } from './server-process';

export interface CrashReport {
  rounds: number;
  acknowledged: number;
  lost: string[];
  duplicates: number;
  retriedAfterCrash: number;
  /** The audit chain verified in-process after the last kill (the server is down by then). */
  audit: AuditTrailVerification;
}

/**
 * A fixed audit key for the crash tests: the server processes and the in-process token
 * issue and verification must key the chain alike, and on PostgreSQL the default key file
 * would otherwise land in the working directory's ./data.
 */
export const CRASH_TEST_AUDIT_KEY = 'caredesk-crash-test-audit-key-0123456789abcdef';

/** The Config overrides naming the same database and audit key as a server started with `env`. */
export function overridesFromEnv(env: Record<string, string>): Partial<Config> {
  const overrides: Partial<Config> = {};
  if (env.CAREDESK_DATA_DIR) overrides.dataDir = env.CAREDESK_DATA_DIR;
  if (env.DATABASE_URL) overrides.databaseUrl = env.DATABASE_URL;
  if (env.CAREDESK_AUDIT_KEY) overrides.auditKey = env.CAREDESK_AUDIT_KEY;
  return overrides;
}

/** A name token without digits (digits would make the typeahead read it as an MRN). */
function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

interface Ack {
  id: string;
  key: string;
  family: string;
}

/**
 * Kills the server with SIGKILL in the middle of a write load, again and again, and
 * proves every acknowledged write is there after restart (security brief §3, G3).
 * Writers send Idempotency-Keys; requests in flight at the kill are retried after the
 * restart, and must neither be lost nor create a second record. Every request carries an
 * API token issued beforehand on the same database; after the last kill the audit hash
 * chain is verified in-process (`audit`), since every write and read was audited.
 *
 * `serverEnv` names the database (CAREDESK_DATA_DIR or DATABASE_URL); CAREDESK_AUDIT_KEY
 * defaults to CRASH_TEST_AUDIT_KEY.
 */
export async function runCrashRounds(
  serverEnv: Record<string, string>,
  rounds: number,
  writers = 8,
): Promise<CrashReport> {
  // An empty DATABASE_URL keeps a PostgreSQL URL in the test runner's environment from
  // leaking into an embedded-database run (the child inherits process.env).
  const env = { DATABASE_URL: '', CAREDESK_AUDIT_KEY: CRASH_TEST_AUDIT_KEY, ...serverEnv };
  const overrides = overridesFromEnv(env);
  // Issued before the first start, on the database the server will open (migrating it).
  // The owner is an admin: a token's scopes must be grantable by its owner (role-rules.ts
  // tokenGrantable), and only a role holding admin.users may grant anything.
  const token = await issueToken(
    overrides,
    ['patient.create', 'patient.read', 'patient.search'],
    ['admin'],
  );
  const authorization = `Bearer ${token}`;
  const port = await freePort();
  const acks: Ack[] = [];
  const pending: Array<{ key: string; body: object }> = [];
  let retriedAfterCrash = 0;
  let counter = 0;
  const retriedFamilies: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const server = await startServerProcess(env, port);
    // Requests cut off by the previous kill are retried first, with the same key.
    for (const p of pending.splice(0)) {
      const res = await post(server.baseUrl, authorization, p.key, p.body);
      retriedAfterCrash++;
      if (res) {
        acks.push(res);
        retriedFamilies.push(res.family);
      }
    }
    let stop = false;
    const load = Array.from({ length: writers }, async () => {
      while (!stop) {
        const family = `Crash${letters(counter++)}`;
        const key = randomBytes(16).toString('hex');
        const body = { names: [{ given: ['Kim'], family }], birthDate: '1970-01-01' };
        try {
          const res = await post(server.baseUrl, authorization, key, body);
          if (res) acks.push(res);
        } catch {
          pending.push({ key, body });
          return;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 500 + Math.random() * 1500));
    await killHard(server);
    stop = true;
    await Promise.all(load);
  }
  const server = await startServerProcess(env, port);
  for (const p of pending.splice(0)) {
    const res = await post(server.baseUrl, authorization, p.key, p.body);
    retriedAfterCrash++;
    if (res) {
      acks.push(res);
      retriedFamilies.push(res.family);
    }
  }
  const lost: string[] = [];
  for (const ack of acks) {
    const res = await fetch(`${server.baseUrl}/api/patients/${ack.id}`, {
      headers: { authorization },
    });
    const ok =
      res.ok &&
      ((await res.json()) as { names: Array<{ family: string }> }).names[0]?.family === ack.family;
    if (!ok) lost.push(ack.id);
  }
  // A retried request whose first attempt had committed must not have made a second record.
  let duplicates = 0;
  for (const family of retriedFamilies) {
    const res = await fetch(`${server.baseUrl}/api/patients?q=${family}`, {
      headers: { authorization },
    });
    if (!res.ok) throw new Error(`search ${family}: ${res.status} ${await res.text()}`);
    const found = ((await res.json()) as { items: unknown[] }).items.length;
    if (found !== 1) duplicates++;
  }
  await killHard(server);
  const audit = await verifyAuditInProcess(overrides);
  return { rounds, acknowledged: acks.length, lost, duplicates, retriedAfterCrash, audit };
}

/** `caredesk audit verify`'s check, run here on the database the killed servers wrote. */
async function verifyAuditInProcess(overrides: Partial<Config>): Promise<AuditTrailVerification> {
  const config = loadConfig({}, { logLevel: 'silent', ...overrides });
  const mac = createAuditMac(loadAuditKey(config, { create: false }));
  const database = await openDatabase(databaseConfig(config));
  try {
    return await verifyAuditTrail(database, mac);
  } finally {
    await database.close();
  }
}

async function post(
  baseUrl: string,
  authorization: string,
  key: string,
  body: object,
): Promise<Ack | null> {
  const res = await fetch(`${baseUrl}/api/patients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
  const created = (await res.json()) as { id: string; names: Array<{ family: string }> };
  return { id: created.id, key, family: created.names[0]?.family ?? '' };
}
