import { DomainError, messageTextProblem, type Clock, type FieldIssue } from '@caredesk/core';
import type { RequestAudit } from '../../access/request-audit';
import type { Database } from '../../storage/database';
import { caseCategoryCodes } from '../../storage/cases/case-store';

/** The organization's own case categories (issue #5 §1: categories are admin-extendable). */
export class CaseCategories {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /** Built-in categories plus the organization's own, active ones. */
  list(organizationId: string): Promise<string[]> {
    return caseCategoryCodes(this.database.db, organizationId);
  }

  /** Labels of the organization's own categories, per language (built-ins are in the catalogs). */
  async customLabels(organizationId: string): Promise<Record<string, Record<string, string>>> {
    const rows = await this.database.db
      .selectFrom('case_categories')
      .select(['code', 'labels'])
      .where('organization_id', '=', organizationId)
      .where('active', '=', 1)
      .execute();
    return Object.fromEntries(
      rows.map((r) => [r.code, JSON.parse(r.labels) as Record<string, string>]),
    );
  }

  async add(
    organizationId: string,
    code: string,
    labels: Record<string, string>,
    audit: RequestAudit,
  ): Promise<void> {
    const issues: FieldIssue[] = [];
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(code))
      issues.push({ path: 'code', messageKey: 'case.tag.invalid', detail: 'not a slug' });
    for (const [lang, label] of Object.entries(labels)) {
      const problem = messageTextProblem(label, 80);
      if (problem || label.trim() === '')
        issues.push({
          path: `labels/${lang}`,
          messageKey: problem ? `validation.text.${problem}` : 'validation.field.required',
          detail: problem ?? 'required',
        });
    }
    if (issues.length)
      throw new DomainError('validation', 'problem.validation', 'Invalid category.', issues);
    if ((await this.list(organizationId)).includes(code))
      throw new DomainError('conflict', 'case.category.exists', 'That category exists.');
    await this.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('case_categories')
        .values({
          organization_id: organizationId,
          code,
          labels: JSON.stringify(labels),
          active: 1,
          created_at: this.clock.now().toISOString(),
        })
        .execute();
      await audit.inTransaction(trx, {
        action: 'create',
        patientId: null,
        resourceType: 'CaseCategory',
        resourceId: code,
        detail: null,
      });
    });
  }
}
