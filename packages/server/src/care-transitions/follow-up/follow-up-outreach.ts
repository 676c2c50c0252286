import {
  catalogLanguage,
  consentAllows,
  DomainError,
  raisedPriority,
  type CasePriority,
} from '@caredesk/core';
import type { RequestAudit } from '../../access/request-audit';
import type { CaseService } from '../../service-desk/cases/case-service';
import { supervisorsOf } from '../../service-desk/cases/sla-escalation';
import { consentsOfPatient } from '../../storage/access/consent-store';
import { loadCase } from '../../storage/cases/case-store';
import type { Working } from './follow-up-work';

/**
 * Reaching out beyond the call itself (issue #6 points 4–5): the caregiver only within
 * consent, escalation when the patient cannot be reached, education sent from the
 * knowledge base.
 */

/** The caregiver is someone of the patient's, with consent in force for care plans. */
export async function requireConsent(
  w: Working,
  relatedPersonId: string | undefined,
): Promise<void> {
  const person = relatedPersonId
    ? await w.trx
        .selectFrom('related_persons')
        .select('patient_id')
        .where('id', '=', relatedPersonId)
        .executeTakeFirst()
    : undefined;
  if (!relatedPersonId || person?.patient_id !== w.plan.patient_id)
    throw new DomainError('not-found', 'problem.not-found', 'No such caregiver of the patient.');
  const consents = await consentsOfPatient(w.trx, w.plan.patient_id);
  if (!consentAllows(consents, relatedPersonId, w.plan.patient_id, 'care-plans', w.now))
    throw new DomainError(
      'conflict',
      'followUp.call.noConsent',
      'The patient has not consented to sharing their care plan with this person.',
    );
}

/** Unreached: supervisors told, priority raised, and the patient written to in their language. */
export async function escalate(
  cases: CaseService,
  w: Working,
  caseId: string,
  audit: RequestAudit,
): Promise<void> {
  const e = w.step.escalation;
  const row = await loadCase(w.trx, caseId);
  if (!e || !row) return;
  const language = catalogLanguage(row.language);
  const text = e.message?.[language] ?? null;
  await cases.recordInTransaction(
    w.trx,
    w.plan.organization_id,
    caseId,
    {
      event: {
        kind: 'supervisor-notified',
        data: {
          reason: 'follow-up-unreached',
          step: w.step.key,
          attempts: e.afterUnansweredAttempts,
          supervisors: e.notifySupervisor ? await supervisorsOf(w.trx, row) : [],
          sent: e.send,
        },
      },
      priority: raisedPriority(row.priority as CasePriority),
      // A portal message is delivered now; a letter is written for staff to print and post.
      ...(text && e.send === 'portal-message'
        ? { message: { body: text, visibility: 'public' as const } }
        : {}),
      ...(text && e.send === 'letter'
        ? { message: { body: text, visibility: 'internal' as const } }
        : {}),
    },
    audit,
  );
}

/** The education message: the article's title and its portal link, in the case's language. */
export async function articleMessage(
  baseUrl: string,
  w: Working,
  caseId: string,
  articleId: string | null,
): Promise<string> {
  if (!articleId)
    throw new DomainError('validation', 'problem.validation', 'Choose the article to send.', [
      { path: 'articleId', messageKey: 'validation.field.required', detail: 'required' },
    ]);
  const row = await loadCase(w.trx, caseId);
  const language = catalogLanguage(row?.language);
  const translations = await w.trx
    .selectFrom('kb_articles as a')
    .innerJoin('kb_translations as t', 't.article_id', 'a.id')
    .select(['t.title', 't.language'])
    .where('a.id', '=', articleId)
    .where('a.organization_id', '=', w.plan.organization_id)
    .where('a.status', '=', 'published')
    .where('a.audience', '=', 'patient')
    .execute();
  // The case's language when the article has it, else English, else what there is (as
  // the portal shows it: core translationFor).
  const article =
    translations.find((x) => x.language === language) ??
    translations.find((x) => x.language === 'en') ??
    translations[0];
  if (!article) throw new DomainError('not-found', 'problem.not-found', 'No such article.');
  return `${article.title}\n${baseUrl}/portal/help-articles/${articleId}`;
}
