import { randomUUID } from 'node:crypto';
import { DomainError, messageTextProblem, type Clock } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { RequestAudit } from '../../access/request-audit';
import type { CaseRow } from '../../storage/cases/case-store';
import type { Database } from '../../storage/database';
import type { Schema } from '../../storage/schema';

/** A patient is asked at most once per this many days, however many cases they have. */
export const SURVEY_QUIET_DAYS = 7;

export interface SurveyView {
  offeredAt: string;
  answeredAt: string | null;
  score: number | null;
  comment: string | null;
}

export interface CsatGroup {
  key: string | null;
  label: string | null;
  answered: number;
  average: number | null;
  /** How many answered 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
}

/**
 * Offers a survey when a case is resolved (issue #5 §8): only for an identified patient,
 * never twice for one case, and not when the patient was offered one in the last
 * SURVEY_QUIET_DAYS days — surveys that arrive after every contact go unanswered.
 */
export async function offerSurvey(trx: Kysely<Schema>, row: CaseRow, at: string): Promise<void> {
  if (!row.patient_id) return;
  const since = new Date(Date.parse(at) - SURVEY_QUIET_DAYS * 86_400_000).toISOString();
  const recent = await trx
    .selectFrom('case_surveys')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('case_id', '=', row.id),
        eb.and([eb('patient_id', '=', row.patient_id), eb('offered_at', '>', since)]),
      ]),
    )
    .executeTakeFirst();
  if (recent) return;
  await trx
    .insertInto('case_surveys')
    .values({
      id: randomUUID(),
      organization_id: row.organization_id,
      case_id: row.id,
      patient_id: row.patient_id,
      agent_id: row.assignee_id,
      team_id: row.team_id,
      category: row.category,
      offered_at: at,
      answered_at: null,
      score: null,
      comment: null,
    })
    .execute();
}

export class CsatService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async survey(caseId: string): Promise<SurveyView | null> {
    const s = await this.database.db
      .selectFrom('case_surveys')
      .select(['offered_at', 'answered_at', 'score', 'comment'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return s
      ? {
          offeredAt: s.offered_at,
          answeredAt: s.answered_at,
          score: s.score === null ? null : Number(s.score),
          comment: s.comment,
        }
      : null;
  }

  /** The patient's answer: once, 1–5 with an optional comment. */
  async answer(
    caseId: string,
    score: number,
    comment: string | undefined,
    audit: RequestAudit,
  ): Promise<SurveyView> {
    const problem = comment === undefined ? null : messageTextProblem(comment, 2000);
    if (!Number.isInteger(score) || score < 1 || score > 5 || problem)
      throw new DomainError('validation', 'problem.validation', 'Invalid answer.', [
        problem
          ? { path: 'comment', messageKey: `validation.text.${problem}`, detail: problem }
          : { path: 'score', messageKey: 'csat.score.range', detail: '1 to 5' },
      ]);
    const at = this.clock.now().toISOString();
    return this.database.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('case_surveys')
        .set({ answered_at: at, score, comment: comment?.trim() || null })
        .where('case_id', '=', caseId)
        .where('answered_at', 'is', null)
        .returning(['patient_id', 'offered_at'])
        .executeTakeFirst();
      if (!r)
        throw new DomainError(
          'conflict',
          'csat.not-open',
          'There is no open survey for this case.',
        );
      await audit.inTransaction(trx, {
        action: 'create',
        patientId: r.patient_id,
        resourceType: 'QuestionnaireResponse',
        resourceId: caseId,
        detail: null,
      });
      return { offeredAt: r.offered_at, answeredAt: at, score, comment: comment?.trim() || null };
    });
  }

  /** Answered surveys grouped by agent, team or category, in [from, to). */
  async results(
    organizationId: string,
    by: 'agent' | 'team' | 'category',
    from: string,
    to: string,
  ): Promise<CsatGroup[]> {
    const column = by === 'agent' ? 'agent_id' : by === 'team' ? 'team_id' : 'category';
    const rows = await this.database.db
      .selectFrom('case_surveys')
      .select([column, 'score', (eb) => eb.fn.countAll<number>().as('n')])
      .where('organization_id', '=', organizationId)
      .where('answered_at', '>=', from)
      .where('answered_at', '<', to)
      .groupBy([column, 'score'])
      .execute();
    const groups = new Map<string | null, CsatGroup>();
    for (const r of rows) {
      const key = (r as Record<string, unknown>)[column] as string | null;
      const g = groups.get(key) ?? {
        key,
        label: null,
        answered: 0,
        average: null,
        distribution: [0, 0, 0, 0, 0] as CsatGroup['distribution'],
      };
      const score = Number(r.score);
      g.distribution[score - 1] = (g.distribution[score - 1] ?? 0) + Number(r.n);
      g.answered += Number(r.n);
      groups.set(key, g);
    }
    const labels = await this.labels(
      by,
      [...groups.keys()].filter((k): k is string => !!k),
    );
    return [...groups.values()]
      .map((g) => ({
        ...g,
        label: g.key ? (labels.get(g.key) ?? g.key) : null,
        average:
          Math.round((g.distribution.reduce((s, n, i) => s + n * (i + 1), 0) / g.answered) * 100) /
          100,
      }))
      .sort((a, b) => b.answered - a.answered);
  }

  private async labels(by: 'agent' | 'team' | 'category', ids: string[]) {
    if (by === 'category' || ids.length === 0) return new Map<string, string>();
    const rows =
      by === 'agent'
        ? await this.database.db
            .selectFrom('accounts')
            .select(['id', 'display_name as name'])
            .where('id', 'in', ids)
            .execute()
        : await this.database.db
            .selectFrom('teams')
            .select(['id', 'name'])
            .where('id', 'in', ids)
            .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
