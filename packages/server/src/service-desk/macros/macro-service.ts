import { randomUUID } from 'node:crypto';
import {
  DomainError,
  renderMacro,
  validateMacroInput,
  type Clock,
  type Macro,
  type MacroFacts,
  type MacroInput,
  type MacroLanguage,
  type RenderedMacro,
} from '@caredesk/core';
import type { RequestAudit } from '../../access/request-audit';
import type { Database } from '../../storage/database';
import { runIdempotent, type IdempotentResponse } from '../../storage/idempotency';
import {
  findMacro,
  insertMacro,
  listMacros,
  replaceMacro,
  type MacroPage,
  type MacroQuery,
} from '../../storage/service-desk/macro-store';
import { isUniqueViolation } from '../../storage/unique-violation';

const notFound = () => new DomainError('not-found', 'macros.not-found', 'No such macro.');

const nameTaken = () =>
  new DomainError('conflict', 'macros.name-taken', 'A macro with this name exists.', [
    { path: 'name', messageKey: 'macros.name-taken', detail: 'name taken' },
  ]);

/**
 * Macros of an organization (issue #5 point 6): supervisors write them (desk.configure),
 * agents search the active ones and preview them filled for a case (case.work). Every
 * change commits with its audit entry; a save based on an older version is refused.
 */
export class MacroService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  private validate(input: MacroInput): MacroInput {
    const r = validateMacroInput(input);
    if (!r.ok) {
      throw new DomainError('validation', 'problem.validation', 'The macro has invalid fields.', [
        ...r.issues,
      ]);
    }
    return r.value;
  }

  list(organizationId: string, query: MacroQuery): Promise<MacroPage> {
    return listMacros(this.database.db, organizationId, query);
  }

  async get(organizationId: string, id: string): Promise<Macro> {
    const macro = await findMacro(this.database.db, organizationId, id);
    if (!macro) throw notFound();
    return macro;
  }

  /** Creates an active macro at version 1; an Idempotency-Key makes a retry replay the first answer. */
  async create(
    organizationId: string,
    input: MacroInput,
    audit: RequestAudit,
    idempotency: { scope: string; key: string } | null = null,
  ): Promise<IdempotentResponse> {
    const clean = this.validate(input);
    const now = this.clock.now().toISOString();
    const macro: Macro = {
      ...clean,
      names: clean.names ?? {},
      id: randomUUID(),
      organizationId,
      active: true,
      version: 1,
      updatedAt: now,
    };
    const req = idempotency ? { ...idempotency, payload: input } : null;
    try {
      return await runIdempotent(this.database, req, now, async (trx) => {
        await insertMacro(trx, macro);
        await audit.inTransaction(trx, {
          action: 'create',
          resourceType: 'Macro',
          resourceId: macro.id,
          detail: JSON.stringify({ version: 1 }),
        });
        return { statusCode: 201, body: macro };
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      throw e;
    }
  }

  /**
   * Replaces a macro's texts, name and actions (and, when given, whether it is active),
   * if it is still at `expectedVersion`: two supervisors editing at once never silently
   * overwrite each other.
   */
  async update(
    organizationId: string,
    id: string,
    input: MacroInput & { active?: boolean },
    expectedVersion: number,
    audit: RequestAudit,
  ): Promise<Macro> {
    const current = await this.get(organizationId, id);
    const clean = this.validate(input);
    const next: Macro = {
      ...current,
      ...clean,
      names: clean.names ?? {},
      active: input.active ?? current.active,
      version: current.version + 1,
      updatedAt: this.clock.now().toISOString(),
    };
    return this.save(next, expectedVersion, audit, { version: next.version, active: next.active });
  }

  /** Takes a macro out of the composer; it stays for the cases that used it and can come back. */
  async deactivate(organizationId: string, id: string, audit: RequestAudit): Promise<Macro> {
    const current = await this.get(organizationId, id);
    const next: Macro = {
      ...current,
      active: false,
      version: current.version + 1,
      updatedAt: this.clock.now().toISOString(),
    };
    return this.save(next, current.version, audit, { version: next.version, active: false });
  }

  /**
   * The macro filled for one reader: text in `language` (else the organization's
   * language, else English), placeholders from `facts`, dates in `timeZone`. The case
   * page calls this with the facts of a real case.
   */
  async preview(
    organizationId: string,
    macroId: string,
    language: string,
    facts: MacroFacts,
    timeZone: string,
    organizationLanguage: MacroLanguage = 'en',
  ): Promise<RenderedMacro> {
    const macro = await this.get(organizationId, macroId);
    if (!macro.active) {
      throw new DomainError('conflict', 'macros.inactive', 'This macro is no longer in use.');
    }
    return renderMacro(macro, language, facts, timeZone, { organizationLanguage });
  }

  private async save(
    next: Macro,
    expectedVersion: number,
    audit: RequestAudit,
    detail: Record<string, unknown>,
  ): Promise<Macro> {
    try {
      await this.database.db.transaction().execute(async (trx) => {
        if (!(await replaceMacro(trx, next, expectedVersion))) {
          throw new DomainError(
            'conflict',
            'macros.conflict',
            'The macro was changed by someone else; reload it.',
          );
        }
        await audit.inTransaction(trx, {
          action: 'update',
          resourceType: 'Macro',
          resourceId: next.id,
          detail: JSON.stringify(detail),
        });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      throw e;
    }
    return next;
  }
}
