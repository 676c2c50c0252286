import type { Clock } from '@caredesk/core';
import { loadAuditKey } from '../audit/audit-key';
import { createAuditMac } from '../audit/audit-mac';
import { AuditStore } from '../audit/audit-store';
import { databaseConfig, type Config } from '../config/config';
import { createIdentity, PasswordHasher, SecretBox, type Identity } from '../identity';
import { ensureHomeOrganization } from '../organizations/home-organization';
import { openDatabase, type Database } from '../storage/database';
import { migrate } from '../storage/migrate/migrator';

/** What a command-line command works with: the same database, audit chain and identity as the server. */
export interface Standalone {
  config: Config;
  database: Database;
  organizationId: string;
  audit: AuditStore;
  identity: Identity;
  close(): Promise<void>;
}

/**
 * Opens CareDesk for a command: migrated database, the home organization, the audit
 * store keyed like the server's (so command-line work joins the same hash chain) and
 * the identity services.
 */
export async function openStandalone(config: Config, clock: Clock): Promise<Standalone> {
  const database = await openDatabase(databaseConfig(config));
  try {
    await migrate(database, () => clock.now());
    const organizationId = await ensureHomeOrganization(database, clock.now());
    const key = loadAuditKey(config);
    const audit = new AuditStore(database, createAuditMac(key));
    const identity = createIdentity({
      database,
      clock,
      audit,
      hasher: new PasswordHasher(),
      box: new SecretBox(key),
      settings: { ...config, baseUrl: config.publicUrl ?? `http://localhost:${config.port}` },
      issuer: () => 'CareDesk',
    });
    return {
      config,
      database,
      organizationId,
      audit,
      identity,
      close: async () => {
        await audit.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
