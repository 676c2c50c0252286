import { randomBytes } from 'node:crypto';
import type { Permission, StaffRole } from '@caredesk/core';
import { openStandalone } from '../cli/standalone';
import { loadConfig, type Config } from '../config/config';
import type { Identity } from '../identity';
import { systemClock } from '../main/create-caredesk';

/**
 * An integration token for a test or benchmark that drives a server in another process:
 * a staff account with `roles` (plus admin: only administrators issue tokens) is created,
 * and it issues a token with `scopes` through the real identity service (shown once; only
 * its hash is stored).
 */
export async function issueTokenWith(
  identity: Identity,
  organizationId: string,
  scopes: Permission[],
  roles: StaffRole[] = ['supervisor'],
): Promise<string> {
  const suffix = randomBytes(6).toString('hex');
  const actor = await identity.accounts.provision(
    {
      organizationId,
      kind: 'staff',
      email: `integration-${suffix}@test.caredesk.example`,
      displayName: 'Integration owner',
      roles: [...new Set<StaffRole>(['admin', ...roles])],
    },
    `tok-${randomBytes(12).toString('base64url')}`,
  );
  const created = await identity.tokens.create(
    actor,
    { name: `test ${suffix}`, scopes },
    { sourceAddress: null, userAgent: null },
  );
  return created.token;
}

/** The same, opening the database named by environment-style settings (data dir or DATABASE_URL). */
export async function issueToken(
  overrides: Partial<Config>,
  scopes: Permission[],
  roles: StaffRole[] = ['supervisor'],
): Promise<string> {
  const cd = await openStandalone(
    loadConfig({}, { logLevel: 'silent', ...overrides }),
    systemClock,
  );
  try {
    return await issueTokenWith(cd.identity, cd.organizationId, scopes, roles);
  } finally {
    await cd.close();
  }
}
