import type { Clock } from '@caredesk/core';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config';
import { databaseConfig } from '../config/config';
import { registerHomePage } from '../home/home-page';
import { buildApp } from '../http/app';
import { patientRoutes } from '../http/patients/patient-routes';
import { ensureHomeOrganization, loadOrganization } from '../organizations/home-organization';
import { PatientService } from '../patients/patient-service';
import { openDatabase, type Database } from '../storage/database';
import { migrate } from '../storage/migrate/migrator';

export interface CareDesk {
  app: FastifyInstance;
  database: Database;
  organizationId: string;
  services: { patients: PatientService };
  close(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The composition root: the only place adapters are chosen. Opens the database (SQLite
 * file or PostgreSQL), applies migrations, and wires services into the HTTP app.
 */
export async function createCareDesk(config: Config, clock: Clock = systemClock): Promise<CareDesk> {
  const database = await openDatabase(databaseConfig(config));
  try {
    await migrate(database, () => clock.now());
    const organizationId = await ensureHomeOrganization(database, clock.now());
    const patients = new PatientService(database, clock, config.defaultCountry);
    const app = await buildApp({
      config,
      routes: async (app) => {
        await app.register(patientRoutes({ patients, organizationId: () => organizationId }), { prefix: '/api' });
        app.get('/api/health', { schema: { hide: true } }, () => ({ status: 'ok', engine: database.engine }));
        registerHomePage(app, database, async () => (await loadOrganization(database.db, organizationId))?.name ?? 'CareDesk');
      },
    });
    return {
      app,
      database,
      organizationId,
      services: { patients },
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
