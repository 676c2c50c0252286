import type { Clock } from '@caredesk/core';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config';
import { databaseConfig } from '../config/config';
import { registerHomePage } from '../home/home-page';
import { buildApp } from '../http/app';
import { registerFhirRoutes } from '../http/fhir/fhir-routes';
import { patientRoutes } from '../http/patients/patient-routes';
import { ImportService } from '../registry-import/import-service';
import { JobRunner, type JobHandler } from '../jobs';
import { hostname } from 'node:os';
import { ensureHomeOrganization, loadOrganization } from '../organizations/home-organization';
import { PatientRelationsService } from '../patients/patient-relations-service';
import { PatientService } from '../patients/patient-service';
import { openDatabase, type Database } from '../storage/database';
import { migrate } from '../storage/migrate/migrator';

export interface CareDesk {
  app: FastifyInstance;
  database: Database;
  organizationId: string;
  services: { patients: PatientService; imports: ImportService };
  /** Delivers outbox jobs; started by `caredesk serve`, not by tests that only need HTTP. */
  jobs: JobRunner;
  close(): Promise<void>;
}

/** Reported in the CapabilityStatement and logs. */
export const SOFTWARE_VERSION = '0.1.0';

export const systemClock: Clock = { now: () => new Date() };

/**
 * The composition root: the only place adapters are chosen. Opens the database (SQLite
 * file or PostgreSQL), applies migrations, and wires services into the HTTP app.
 */
export async function createCareDesk(
  config: Config,
  clock: Clock = systemClock,
): Promise<CareDesk> {
  const database = await openDatabase(databaseConfig(config));
  try {
    await migrate(database, () => clock.now());
    const organizationId = await ensureHomeOrganization(database, clock.now());
    const patients = new PatientService(database, clock, config.defaultCountry);
    const relations = new PatientRelationsService(database, clock, patients, config.defaultCountry);
    const imports = new ImportService(database, clock, config.defaultCountry);
    const baseUrl = config.publicUrl?.replace(/\/$/, '') ?? `http://localhost:${config.port}`;
    // Capabilities register their outbox handlers here (notifications, webhooks...).
    const handlers: Record<string, JobHandler> = {};
    const jobs = new JobRunner({
      database,
      handlers,
      workerId: `${hostname()}:${process.pid}`,
      clock,
    });
    const app = await buildApp({
      config,
      routes: async (app) => {
        await app.register(
          patientRoutes({ patients, relations, organizationId: () => organizationId }),
          {
            prefix: '/api',
          },
        );
        registerFhirRoutes(app, {
          patients,
          imports,
          organizationId: () => organizationId,
          baseUrl: () => baseUrl,
          fhirBodyLimit: config.fhirBodyLimit,
          softwareVersion: SOFTWARE_VERSION,
          now: () => clock.now(),
        });
        app.get('/api/health', { schema: { hide: true } }, () => ({
          status: 'ok',
          engine: database.engine,
        }));
        registerHomePage(
          app,
          database,
          async () => (await loadOrganization(database.db, organizationId))?.name ?? 'CareDesk',
        );
      },
    });
    return {
      app,
      database,
      organizationId,
      services: { patients, imports },
      jobs,
      close: async () => {
        // Stop taking jobs and let those in flight finish before the database closes.
        await jobs.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
