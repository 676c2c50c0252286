import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../api/client';
import { useNow } from '../../cases/use-now';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { displayName, fetchRelatedPersons } from '../../patient-record/patient-api';
import '../../styles/console-follow-up.css';
import type { Caregiver } from './call-form';
import {
  cancelTask,
  completeTask,
  fetchPlan,
  recordCall,
  updateReferral,
  type FollowUpPlan,
  type PlanTask,
} from './follow-up-api';
import { inLanguage, OUTCOME_KEY } from './follow-up-labels';
import { FollowUpTaskItem, type TaskActions } from './follow-up-task-item';

/**
 * A case's follow-up plan on the case page (issue #6 points 5 and 7): its steps in due
 * order, worked in place (calls, referrals, done, not needed), and every call attempt.
 * After each change the case page reloads too, so its timeline shows what happened.
 */
export function FollowUpPlanPanel({
  caseId,
  patientId,
  canWork,
  onChanged,
}: {
  caseId: string;
  patientId: string | null;
  canWork: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const { language } = useLanguage();
  const now = useNow();
  const [plan, setPlan] = useState<FollowUpPlan | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [caregivers, setCaregivers] = useState<Caregiver[]>([]);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<MessageKey | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setPlan(await fetchPlan(caseId));
      setState('ready');
    } catch {
      setState('failed');
    }
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!patientId || !canWork) return;
    fetchRelatedPersons(patientId)
      .then((people) =>
        setCaregivers(
          people
            .filter((p) => p.isCaregiver && p.active)
            .map((p) => ({ id: p.id, name: displayName(p.names) })),
        ),
      )
      .catch(() => setCaregivers([]));
  }, [patientId, canWork]);

  const run = async (work: () => Promise<FollowUpPlan>) => {
    setBusy(true);
    setSaid(null);
    setProblem(null);
    try {
      setPlan(await work());
      setSaid('web.followUp.saved');
      onChanged();
    } catch (e) {
      // The server says why (no consent, someone else changed the task) in the reader's language.
      setProblem(
        e instanceof ApiError && e.status !== 0 && e.message ? e.message : t('web.error.network'),
      );
      await load();
    } finally {
      setBusy(false);
    }
  };
  const actions: TaskActions = {
    call: (task: PlanTask, call) => run(() => recordCall(caseId, task, call)),
    complete: (task, articleId) => run(() => completeTask(caseId, task, articleId)),
    notNeeded: (task) => run(() => cancelTask(caseId, task)),
    referral: (task, r) => run(() => updateReferral(caseId, task, r)),
  };

  if (state === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (state === 'failed' || !plan)
    return (
      <section className="follow-up-plan">
        <p role="alert">{t('web.error.network')}</p>
      </section>
    );
  const taskTitle = (taskId: string) => {
    const task = plan.tasks.find((x) => x.id === taskId);
    return task ? inLanguage(task.title, language) : '';
  };
  return (
    <section className="follow-up-plan" aria-labelledby="follow-up-plan-title">
      <h2 id="follow-up-plan-title">
        {t('web.followUp.plan.title', { program: inLanguage(plan.programName, language) })}
      </h2>
      <p className="follow-up-plan-facts">
        {t(`web.followUp.plan.status.${plan.status}`)}
        {plan.contactDueAt && (
          <>
            {' · '}
            {plan.firstContactAt
              ? t('web.followUp.plan.contacted', {
                  when: intl.formatDate(plan.firstContactAt, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }),
                })
              : t('web.followUp.plan.contact-due', {
                  when: intl.formatDate(plan.contactDueAt, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }),
                })}
          </>
        )}
      </p>
      <div role="status" className={said ? 'notice announcement' : undefined}>
        {said && t(said)}
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <ol className="plain follow-up-tasks">
        {plan.tasks.map((task) => (
          <FollowUpTaskItem
            key={task.id}
            task={task}
            now={now}
            canWork={canWork && plan.status === 'active'}
            busy={busy}
            caregivers={caregivers}
            actions={actions}
          />
        ))}
      </ol>
      {plan.contacts.length > 0 && (
        <>
          <h3>{t('web.followUp.calls')}</h3>
          <ol className="plain follow-up-calls" data-testid="follow-up-calls">
            {plan.contacts.map((c) => (
              <li key={c.id}>
                <time dateTime={c.at}>
                  {intl.formatDate(c.at, { dateStyle: 'short', timeStyle: 'short' })}
                </time>{' '}
                {taskTitle(c.taskId)}: {t(OUTCOME_KEY[c.outcome])}
                {c.party === 'caregiver' && ` (${t('web.followUp.call.with-caregiver')})`}
                {c.byName && ` — ${c.byName}`}
                {c.note && <span className="follow-up-note">{c.note}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
