import { ROLE_PERMISSIONS, type Permission, type StaffRole } from '@caredesk/core';
import { loadAuditKey } from '../../audit/audit-key';
import { createAuditMac } from '../../audit/audit-mac';
import { verifyAuditTrail, type AuditTrailVerification } from '../../audit/audit-verify';
import { loadConfig } from '../../config/config';
import { neverForTokens } from '../../identity/role-rules';
import { issueTokenWith } from '../../testing/api-token';
import { signedInStaff } from '../../testing/signed-in-client';
import type { startTestCareDesk } from '../../testing/test-caredesk';
import { TestClock } from '../auth/testing/auth-fixtures';

type Desk = Awaited<ReturnType<typeof startTestCareDesk>>;

/** The staff roles whose rights the corpus token carries. */
export const CORPUS_ROLES: readonly StaffRole[] = ['supervisor', 'nurse'];

/**
 * Every permission a supervisor or nurse holds that a token may carry (role-rules.ts
 * `neverForTokens` drops breakglass.* and admin.*): patient.*, relations.manage,
 * clinical.read, billing.read, consent.manage, import.fhir.
 */
export function corpusScopes(): Permission[] {
  const all = CORPUS_ROLES.flatMap((r) => ROLE_PERMISSIONS[r]);
  return [...new Set(all)].filter((p) => !neverForTokens(p)).sort();
}

/**
 * `authorization: Bearer cd_…` for a token with `corpusScopes()`, issued through the real
 * identity service by a supervisor and nurse (issueTokenWith makes the owner an admin as
 * well: only a role holding admin.users may grant token scopes, role-rules.ts). A token's
 * rights are its scopes alone (access-service.ts), whatever its owner's roles.
 */
export async function corpusBearer(desk: Desk): Promise<{ authorization: string }> {
  const token = await issueTokenWith(desk.services.identity, desk.organizationId, corpusScopes(), [
    ...CORPUS_ROLES,
  ]);
  return { authorization: `Bearer ${token}` };
}

/**
 * A staff session signed in through the real login and TOTP enrolment: its cookie and
 * CSRF token, for the cases that send a cookie without (or with a wrong) CSRF token.
 */
export async function corpusSession(desk: Desk): Promise<{ cookie: string; csrf: string }> {
  // The desk runs on the system clock; the TOTP codes are computed at the same instant.
  const staff = await signedInStaff(desk, new TestClock(Date.now()), [...CORPUS_ROLES]);
  return { cookie: staff.headers.cookie!, csrf: staff.headers['x-csrf-token']! };
}

/** Verifies the desk's audit hash chain with the key the desk itself loaded. */
export function verifyDeskAudit(desk: Desk): Promise<AuditTrailVerification> {
  const config = loadConfig({}, { dataDir: desk.dataDir });
  return verifyAuditTrail(desk.database, createAuditMac(loadAuditKey(config, { create: false })));
}
