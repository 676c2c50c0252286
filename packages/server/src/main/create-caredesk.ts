import { hostname } from 'node:os';
import type { Clock } from '@caredesk/core';
import type { FastifyInstance } from 'fastify';
import { AccessService } from '../access/access-service';
import { BreakGlassService } from '../access/break-glass-service';
import { ConsentService } from '../access/consent-service';
import { CaregiverInvitationService } from '../caregivers/caregiver-invitation-service';
import { PeopleIHelp } from '../caregivers/people-i-help';
import { loadAuditKey } from '../audit/audit-key';
import { createAuditMac } from '../audit/audit-mac';
import { AuditQueries } from '../audit/audit-queries';
import { AuditStore } from '../audit/audit-store';
import { ClinicalService } from '../clinical/clinical-service';
import { caseDeskRoutes } from '../http/cases/case-desk-routes';
import { caseRoutes } from '../http/cases/case-routes';
import { CaseCategories } from '../service-desk/cases/case-categories';
import { CaseIdentity } from '../service-desk/cases/case-identity';
import { CaseMailboxService } from '../service-desk/cases/case-mailbox';
import { CsatService } from '../service-desk/csat/csat-service';
import { CaseReader } from '../service-desk/cases/case-reader';
import { CaseService } from '../service-desk/cases/case-service';
import { caseRouting } from '../service-desk/cases/case-routing';
import { caseSla, SLA_CHECK } from '../service-desk/cases/case-sla';
import { caseDelivery } from '../service-desk/cases/case-delivery';
import { slaCheckHandler } from '../service-desk/cases/sla-escalation';
import { caseOwner } from '../storage/cases/case-store';
import type { CaseMailbox } from '../channels/email/inbound/case-mailbox';
import type { InboundMailListener } from '../channels/email/inbound/smtp-listener';
import { createChannels } from '../channels/channels';
import { hl7MessageRoutes } from '../http/care-transitions/hl7-message-routes';
import { followUpRoutes } from '../http/care-transitions/follow-up-routes';
import { followUpMetricsRoutes } from '../http/care-transitions/follow-up-metrics-routes';
import { createFollowUp } from '../care-transitions/follow-up/follow-up-wiring';
import type { Hl7Feed } from '../care-transitions/hl7-feed';
import type { Hl7Handlers } from '../care-transitions/hl7-inbox';
import { adtHandlers } from '../care-transitions/adt/adt-handlers';
import type { Config } from '../config/config';
import { databaseConfig, mailDomainOf } from '../config/config';
import { registerHomePage } from '../home/home-page';
import { registerWebApp } from '../http/web-app/web-app';
import { installAccessHooks } from '../http/access/access-hooks';
import { accessRoutes } from '../http/access/access-routes';
import { enforceRoutePolicies, type RegisteredRoute } from '../http/access/route-policy';
import { buildApp } from '../http/app';
import { auditRoutes } from '../http/audit/audit-routes';
import { clinicalRoutes } from '../http/clinical/clinical-routes';
import { caregiverRoutes } from '../http/caregivers/caregiver-routes';
import { identityRoutes } from '../http/auth';
import { macroRoutes } from '../http/macros/macro-routes';
import { mailQuarantineRoutes } from '../http/mail/mail-quarantine-routes';
import { registerFhirRoutes } from '../http/fhir/fhir-routes';
import { patientRoutes } from '../http/patients/patient-routes';
import { knowledgeRoutes } from '../http/knowledge/knowledge-routes';
import { createIdentity, PasswordHasher, SecretBox, type Identity } from '../identity';
import { openLink } from '../identity/outbox-links';
import { JobRunner, type JobHandler } from '../jobs';
import { ensureHomeOrganization, loadOrganization } from '../organizations/home-organization';
import { PatientRelationsService } from '../patients/patient-relations-service';
import { PatientService } from '../patients/patient-service';
import { ImportService } from '../registry-import/import-service';
import { RoutingService } from '../service-desk/routing/routing-service';
import { RoutingSetupService } from '../service-desk/routing/routing-setup-service';
import { routingRoutes } from '../http/service-desk/routing-routes';
import { MacroService } from '../service-desk/macros/macro-service';
import { SlaConfiguration } from '../service-desk/sla/sla-configuration';
import { slaRoutes } from '../http/service-desk/sla-routes';
import { KnowledgeService } from '../service-desk/knowledge/knowledge-service';
import { openDatabase, type Database } from '../storage/database';
import { GroupCommit } from '../storage/group-commit';
import { migrate } from '../storage/migrate/migrator';
import { analyzeStaleTables } from '../storage/refresh-statistics';

export interface CareDesk {
  app: FastifyInstance;
  database: Database;
  organizationId: string;
  services: {
    patients: PatientService;
    imports: ImportService;
    identity: Identity;
    audit: AuditStore;
    consents: ConsentService;
    breakGlass: BreakGlassService;
    routing: RoutingService;
    macros: MacroService;
    /** SLA policies and business calendars (service-desk/sla). */
    sla: SlaConfiguration;
    /** The knowledge base; `suggest(orgId, text, language)` serves the case page. */
    knowledge: KnowledgeService;
  };
  /** Every route with its declared access policy (the authorization matrix is built from it). */
  routes: RegisteredRoute[];
  /** Delivers outbox jobs; started by `caredesk serve`, not by tests that only need HTTP. */
  jobs: JobRunner;
  /** The inbound SMTP listener; `caredesk serve` calls listen() when inbound mail is enabled. */
  inboundMail: InboundMailListener;
  /** The HL7 v2 feed: its MLLP listener (`caredesk serve` listens when MLLP_ENABLED) and inbox. */
  hl7: Hl7Feed;
  close(): Promise<void>;
}

/** Reported in the CapabilityStatement and logs. */
export const SOFTWARE_VERSION = '0.1.0';

export const systemClock: Clock = { now: () => new Date() };

/** Adapters a test may choose instead of the composition root's. */
export interface CareDeskAdapters {
  /** Where inbound mail goes (default: the case service). */
  caseMailbox?: CaseMailbox;
  /** What HL7 v2 messages become (default: none taken yet, issue #6 point 3). */
  hl7Handlers?: Hl7Handlers;
}

/**
 * The composition root: the only place adapters are chosen. Opens the database (SQLite
 * file or PostgreSQL), applies migrations, and wires services, the access spine and the
 * audit trail into the HTTP app.
 */
export async function createCareDesk(
  config: Config,
  clock: Clock = systemClock,
  adapters: CareDeskAdapters = {},
): Promise<CareDesk> {
  const database = await openDatabase(databaseConfig(config));
  try {
    await migrate(database, () => clock.now());
    await analyzeStaleTables(database);
    const organizationId = await ensureHomeOrganization(database, clock.now());
    const baseUrl = config.publicUrl?.replace(/\/$/, '') ?? `http://localhost:${config.port}`;

    // One audit store for the process: every entry goes through its hash chain. Identity
    // keys (TOTP-seed encryption, recovery-code pepper) are derived from the same key.
    const auditKey = loadAuditKey(config);
    const dbConfig = databaseConfig(config);
    const audit = new AuditStore(database, createAuditMac(auditKey), {
      // SQLite commits block the thread that runs them; PostgreSQL's do not.
      walFile:
        dbConfig.engine === 'sqlite' && dbConfig.file !== ':memory:'
          ? `${dbConfig.file}-wal`
          : undefined,
    });
    const linkBox = new SecretBox(auditKey);
    const identity = createIdentity({
      database,
      clock,
      audit,
      hasher: new PasswordHasher(),
      box: linkBox,
      settings: { ...config, baseUrl },
      issuer: () => 'CareDesk',
    });
    const access = new AccessService(database);
    const consents = new ConsentService(database, clock);
    const breakGlass = new BreakGlassService(database, clock, config.breakGlassMinutes);
    const patients = new PatientService(database, clock, config.defaultCountry);
    const relations = new PatientRelationsService(database, clock, patients, config.defaultCountry);
    const imports = new ImportService(database, clock, config.defaultCountry);
    const caregiverInvitations = new CaregiverInvitationService(
      database,
      clock,
      identity.deps,
      patients,
      config.defaultCountry,
    );
    const peopleIHelp = new PeopleIHelp(database, patients);
    const routing = new RoutingService(database, clock);
    const sla = new SlaConfiguration(database, clock);
    const home = await loadOrganization(database.db, organizationId);
    const deskPorts = {
      routing: caseRouting(routing),
      sla: caseSla(sla),
      delivery: caseDelivery({
        clock,
        mailDomain: mailDomainOf(config),
        baseUrl,
        timeZone: () => home?.timeZone ?? 'UTC',
      }),
    };
    // New cases from every channel, and HL7 message batches, share commits on SQLite
    // (storage/group-commit.ts): one fsync, off the event loop, for all of them.
    const caseWrites = new GroupCommit(database, {
      walFile:
        dbConfig.engine === 'sqlite' && dbConfig.file !== ':memory:'
          ? `${dbConfig.file}-wal`
          : undefined,
    });
    const cases = new CaseService(database, clock, {
      defaultCountry: config.defaultCountry,
      reopenDays: config.caseReopenDays,
      writes: caseWrites,
      ...deskPorts,
    });
    // Follow-up programs and plans (issue #6 points 4–6): A03 and friends start and end
    // plans in the HL7 message's own transaction.
    const followUp = createFollowUp({ database, clock, cases, sla, audit, baseUrl });
    const macros = new MacroService(database, clock);
    const knowledge = new KnowledgeService(database, clock);

    // Capabilities register their outbox handlers here (notifications, webhooks...).
    const handlers: Record<string, JobHandler> = {
      [SLA_CHECK]: slaCheckHandler({
        database,
        clock,
        sla,
        slaPort: deskPorts.sla,
        routing: deskPorts.routing,
        audit,
      }),
    };
    // E-mail and SMS (issue #5 point 4): inbound mail reaches cases through CaseMailbox
    // (service-desk/cases/case-mailbox.ts), stored raw first and never lost.
    let logError = (error: unknown, context: string): void =>
      console.error(`inbound mail: ${context}:`, error);
    const channels = createChannels({
      config,
      database,
      clock,
      organizationId,
      baseUrl,
      patients,
      caseMailbox: adapters.caseMailbox ?? new CaseMailboxService(database, clock, cases, audit),
      openLink: (kind, payload) => openLink(linkBox, kind, payload),
      handlers,
      // ADT handling (issue #6 point 3); events it does not list get AR 201.
      hl7Handlers:
        adapters.hl7Handlers ??
        adtHandlers({
          defaultCountry: config.defaultCountry,
          audit,
          followUp: followUp.adt,
        }),
      hl7Writes: caseWrites,
      onError: (error, context) => logError(error, context),
    });
    const jobs = new JobRunner({
      database,
      handlers,
      workerId: `${hostname()}:${process.pid}`,
      clock,
    });

    let routes: RegisteredRoute[] = [];
    const app = await buildApp({
      config,
      routes: async (app) => {
        // Before any route: a route without a declared policy stops start-up.
        routes = enforceRoutePolicies(app);
        installAccessHooks(app, {
          access,
          audit,
          clock,
          authenticate: (request) => identity.authenticate(request),
          requireCsrf: (request, auth) => identity.requireCsrf(request, auth),
          caseOwner: (caseId) => caseOwner(database.db, caseId),
        });
        await app.register(patientRoutes({ patients, relations, access }), { prefix: '/api' });
        await app.register(clinicalRoutes({ clinical: new ClinicalService(database) }), {
          prefix: '/api',
        });
        await app.register(accessRoutes({ access, consents, breakGlass, database }), {
          prefix: '/api',
        });
        await app.register(auditRoutes({ queries: new AuditQueries(database.db) }), {
          prefix: '/api',
        });
        await app.register(caregiverRoutes({ invitations: caregiverInvitations, peopleIHelp }), {
          prefix: '/api',
        });
        const reader = new CaseReader(
          database,
          () => `${baseUrl}/fhir/R4`,
          () => baseUrl,
        );
        await app.register(
          caseRoutes({
            cases,
            categories: new CaseCategories(database, clock),
            reader,
            access,
          }),
          { prefix: '/api' },
        );
        await app.register(
          caseDeskRoutes({
            database,
            reader,
            knowledge,
            identity: new CaseIdentity(database, clock, cases),
            csat: new CsatService(database, clock),
            access,
          }),
          { prefix: '/api' },
        );
        await app.register(
          routingRoutes({ routing, setup: new RoutingSetupService(database, clock) }),
          { prefix: '/api' },
        );
        await app.register(slaRoutes({ sla }), { prefix: '/api' });
        await app.register(knowledgeRoutes({ knowledge }), { prefix: '/api' });
        await app.register(identityRoutes(identity));
        await app.register(
          macroRoutes({
            macros,
            organizationTimeZone: async (id) =>
              (await loadOrganization(database.db, id))?.timeZone ?? 'UTC',
          }),
          { prefix: '/api' },
        );
        await app.register(mailQuarantineRoutes({ quarantine: channels.quarantine }), {
          prefix: '/api',
        });
        await app.register(hl7MessageRoutes({ database, inbox: channels.hl7.inbox }), {
          prefix: '/api',
        });
        await app.register(followUpRoutes({ database, ...followUp }), { prefix: '/api' });
        // Follow-up metrics for supervisors (issue #6 point 6).
        await app.register(followUpMetricsRoutes(followUp), { prefix: '/api' });
        registerFhirRoutes(app, {
          patients,
          imports,
          baseUrl: () => baseUrl,
          fhirBodyLimit: config.fhirBodyLimit,
          softwareVersion: SOFTWARE_VERSION,
          now: () => clock.now(),
        });
        app.get(
          '/api/health',
          { schema: { hide: true }, config: { policy: { kind: 'public' } } },
          () => ({
            status: 'ok',
            engine: database.engine,
          }),
        );
        registerWebApp(app);
        registerHomePage(
          app,
          database,
          async () => (await loadOrganization(database.db, organizationId))?.name ?? 'CareDesk',
        );
      },
    });
    logError = (error, context) => app.log.error({ err: error, context }, 'inbound mail');
    return {
      app,
      database,
      organizationId,
      services: {
        patients,
        imports,
        identity,
        audit,
        consents,
        breakGlass,
        routing,
        macros,
        sla,
        knowledge,
      },
      routes,
      jobs,
      inboundMail: channels.inboundMail,
      hl7: channels.hl7,
      close: async () => {
        // Stop taking mail and jobs, let messages being stored, requests and jobs in flight
        // finish, flush the audit trail, then close the database.
        await channels.close();
        await jobs.stop();
        await app.close();
        await caseWrites.close();
        await audit.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
