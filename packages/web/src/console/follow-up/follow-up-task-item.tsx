import { REFERRAL_STEP_KINDS } from '@caredesk/core/care-transitions';
import { useIntl } from 'react-intl';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { DueLabel } from '../cases/due-label';
import { CallForm, type Caregiver, type CallInput } from './call-form';
import { EducationForm } from './education-form';
import type { PlanTask } from './follow-up-api';
import { inLanguage, REFERRAL_KEY, STEP_KIND_KEY, TASK_STATUS_KEY } from './follow-up-labels';
import { ReferralForm, type ReferralInput } from './referral-form';

export interface TaskActions {
  call: (task: PlanTask, call: CallInput) => Promise<void>;
  complete: (task: PlanTask, articleId?: string) => Promise<void>;
  notNeeded: (task: PlanTask) => Promise<void>;
  referral: (task: PlanTask, r: ReferralInput) => Promise<void>;
}

/**
 * One step of the plan: what to do and say (the program's script and checklist in the
 * reader's language), when it is due, where it stands, and — while it is open and the
 * reader works cases — how to record its progress.
 */
export function FollowUpTaskItem({
  task,
  now,
  canWork,
  busy,
  caregivers,
  actions,
}: {
  task: PlanTask;
  now: number;
  canWork: boolean;
  busy: boolean;
  caregivers: readonly Caregiver[];
  actions: TaskActions;
}) {
  const t = useT();
  const intl = useIntl();
  const { language } = useLanguage();
  const open = task.status === 'ready' || task.status === 'in-progress';
  const title = inLanguage(task.title, language) || t(STEP_KIND_KEY[task.kind]);
  const referralStep = REFERRAL_STEP_KINDS.includes(task.kind);
  return (
    <li className={`follow-up-task ${task.status}`} data-testid={`task-${task.stepKey}`}>
      <h3>
        {title}
        {task.occurrence > 1 && ` (${task.occurrence})`}
      </h3>
      <p className="follow-up-task-facts">
        <span className="follow-up-status">{t(TASK_STATUS_KEY[task.status])}</span>
        {open ? (
          <DueLabel dueAt={task.dueAt} now={now} />
        ) : (
          task.completedAt && (
            <time dateTime={task.completedAt}>
              {intl.formatDate(task.completedAt, { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
          )
        )}
        {task.callable && task.unansweredAttempts > 0 && (
          <span>{t('web.followUp.attempts', { count: task.unansweredAttempts })}</span>
        )}
        {task.escalatedAt && (
          <span className="follow-up-escalated">{t('web.followUp.escalated')}</span>
        )}
        {task.referral && (
          <span>
            {t(REFERRAL_KEY[task.referral.state])}: {task.referral.provider}
            {task.referral.reference && ` (${task.referral.reference})`}
          </span>
        )}
        {!task.required && <span>{t('web.followUp.optional')}</span>}
      </p>
      {open && task.script && (
        <details>
          <summary>{t('web.followUp.script')}</summary>
          <p>{inLanguage(task.script, language)}</p>
          {task.checklist.length > 0 && (
            <ul>
              {task.checklist.map((item, i) => (
                <li key={i}>{inLanguage(item, language)}</li>
              ))}
            </ul>
          )}
        </details>
      )}
      {open && canWork && (
        <div className="follow-up-actions">
          {task.callable && (
            <CallForm
              task={task}
              caregivers={caregivers}
              busy={busy}
              onRecord={(call) => actions.call(task, call)}
            />
          )}
          {task.kind === 'education' && (
            <EducationForm
              busy={busy}
              preset={task.articleId}
              onSend={(articleId) => actions.complete(task, articleId)}
            />
          )}
          {referralStep && (
            <ReferralForm task={task} busy={busy} onSave={(r) => actions.referral(task, r)} />
          )}
          <div className="follow-up-buttons">
            {!referralStep && task.kind !== 'education' && (
              <button type="button" disabled={busy} onClick={() => void actions.complete(task)}>
                {t('web.followUp.done')}
              </button>
            )}
            {!task.required && (
              <button type="button" disabled={busy} onClick={() => void actions.notNeeded(task)}>
                {t('web.followUp.not-needed')}
              </button>
            )}
          </div>
        </div>
      )}
    </li>
  );
}
