import {
  DomainError,
  scheduleTasks,
  triggerMatches,
  validateProgram,
  type Clock,
  type FollowUpProgram,
  type PlanStartEvent,
  type ScheduledTask,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { RequestAudit } from '../../access/request-audit';
import { actorOf } from '../../service-desk/cases/case-views';
import type { SlaConfiguration } from '../../service-desk/sla/sla-configuration';
import {
  activeProgramVersions,
  latestProgramVersion,
  programRows,
  programVersion,
  seedBuiltInPrograms,
  storedProgram,
  type StoredProgram,
} from '../../storage/care-transitions/follow-up-store';
import { isCaseCategory } from '../../storage/cases/case-store';
import { ProgramDefinitions } from './program-definitions';
import type { Database } from '../../storage/database';
import type { Schema } from '../../storage/schema';

export interface ProgramSummary {
  code: string;
  /** The version new plans start under; null when the program is retired. */
  activeVersion: number | null;
  latest: StoredProgram;
  versions: number;
}

const noProgram = () =>
  new DomainError('not-found', 'problem.not-found', 'No such follow-up program.');

/**
 * Follow-up programs of an organization (issue #6 point 4): the built-ins as version 1,
 * and every edit an administrator publishes as a new version. Plans name the version they
 * started under, so a published change reaches only plans started after it.
 */
export class FollowUpPrograms {
  /** Organizations whose built-ins this process has seeded: one insert-or-ignore each. */
  private readonly seeded = new Set<string>();
  private readonly definitions = new ProgramDefinitions();

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly sla: SlaConfiguration,
  ) {}

  async ensureBuiltIns(db: Kysely<Schema>, organizationId: string): Promise<void> {
    if (this.seeded.has(organizationId)) return;
    await seedBuiltInPrograms(db, organizationId, this.clock.now().toISOString());
    this.seeded.add(organizationId);
  }

  async list(organizationId: string): Promise<ProgramSummary[]> {
    await this.ensureBuiltIns(this.database.db, organizationId);
    const rows = await programRows(this.database.db, organizationId);
    const byCode = new Map<string, ProgramSummary>();
    for (const row of rows) {
      const stored = storedProgram(row);
      const known = byCode.get(row.code);
      if (!known)
        byCode.set(row.code, {
          code: row.code,
          activeVersion: stored.active ? stored.version : null,
          latest: stored,
          versions: 1,
        });
      else {
        known.versions += 1;
        if (stored.active) known.activeVersion = stored.version;
      }
    }
    return [...byCode.values()];
  }

  async get(organizationId: string, code: string, version?: number): Promise<StoredProgram> {
    await this.ensureBuiltIns(this.database.db, organizationId);
    const row =
      version === undefined
        ? await latestProgramVersion(this.database.db, organizationId, code)
        : await programVersion(this.database.db, organizationId, code, version);
    if (!row) throw noProgram();
    return storedProgram(row);
  }

  /** Checks a program as the editor's preview does: its issues, else its schedule from `startAt`. */
  async preview(
    organizationId: string,
    program: FollowUpProgram,
    startAt: Date,
  ): Promise<ScheduledTask[]> {
    await this.requireValid(this.database.db, organizationId, program);
    const calendar = await this.sla.calendarFor(organizationId, null);
    return scheduleTasks(program, startAt, calendar);
  }

  /**
   * Publishes `program` as the next version of its code, if the latest version is still
   * `expectedVersion` (null for a new code): two administrators editing at once cannot
   * silently overwrite each other. The new version is the one new plans start under.
   */
  async publish(
    organizationId: string,
    program: FollowUpProgram,
    expectedVersion: number | null,
    audit: RequestAudit,
  ): Promise<StoredProgram> {
    await this.ensureBuiltIns(this.database.db, organizationId);
    const now = this.clock.now().toISOString();
    const by = actorOf(audit.ctx).id;
    return this.database.db.transaction().execute(async (trx) => {
      await this.requireValid(trx, organizationId, program);
      const latest = await latestProgramVersion(trx, organizationId, program.code);
      if ((latest ? Number(latest.version) : null) !== expectedVersion)
        throw new DomainError(
          'conflict',
          'followUp.program.versionConflict',
          'The program changed since you opened it; reload it.',
        );
      const version = (latest ? Number(latest.version) : 0) + 1;
      await trx
        .updateTable('follow_up_programs')
        .set({ active: 0 })
        .where('organization_id', '=', organizationId)
        .where('code', '=', program.code)
        .execute();
      await trx
        .insertInto('follow_up_programs')
        .values({
          organization_id: organizationId,
          code: program.code,
          version,
          definition: JSON.stringify(program),
          active: 1,
          created_at: now,
          created_by: by,
        })
        .execute();
      await audit.inTransaction(trx, {
        action: latest ? 'update' : 'create',
        resourceType: 'PlanDefinition',
        resourceId: `${program.code}|${version}`,
        detail: JSON.stringify({ code: program.code, version }),
      });
      return { version, active: true, createdAt: now, createdBy: by, definition: program };
    });
  }

  /** Stops new plans under a program; plans already started run on. */
  async retire(organizationId: string, code: string, audit: RequestAudit): Promise<void> {
    await this.ensureBuiltIns(this.database.db, organizationId);
    await this.database.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('follow_up_programs')
        .set({ active: 0 })
        .where('organization_id', '=', organizationId)
        .where('code', '=', code)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw noProgram();
      await audit.inTransaction(trx, {
        action: 'update',
        resourceType: 'PlanDefinition',
        resourceId: code,
        detail: JSON.stringify({ code, retired: true }),
      });
    });
  }

  /** Active programs an event starts, read in the caller's transaction. */
  async startedBy(
    trx: Kysely<Schema>,
    organizationId: string,
    event: PlanStartEvent,
  ): Promise<Array<StoredProgram & { code: string }>> {
    await this.ensureBuiltIns(trx, organizationId);
    const started: Array<StoredProgram & { code: string }> = [];
    for (const row of await activeProgramVersions(trx, organizationId)) {
      const version = Number(row.version);
      const definition = await this.definitions.get(trx, organizationId, row.code, version);
      if (!definition || !triggerMatches(definition.trigger, event)) continue;
      started.push({
        code: row.code,
        version,
        active: true,
        createdAt: row.created_at,
        createdBy: row.created_by,
        definition,
      });
    }
    return started;
  }

  private async requireValid(db: Kysely<Schema>, organizationId: string, p: FollowUpProgram) {
    const issues = validateProgram(p);
    if (!(await isCaseCategory(db, organizationId, p.caseCategory)))
      issues.push({
        path: 'caseCategory',
        messageKey: 'case.category.invalid',
        detail: 'unknown category',
      });
    if (issues.length)
      throw new DomainError('validation', 'problem.validation', 'Invalid program.', issues);
  }
}
