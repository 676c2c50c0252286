import type { FollowUpStepKind, Localized } from '@caredesk/core/care-transitions';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../../api/client';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { inLanguage } from '../../console/follow-up/follow-up-labels';

/** GET /api/cases/:caseId/follow-up as a patient reads it (server patientPlanJson). */
interface MyPlan {
  programName: Localized;
  status: 'active' | 'completed' | 'cancelled';
  steps: Array<{
    id: string;
    kind: FollowUpStepKind;
    title: Localized | null;
    dueAt: string;
    done: boolean;
    completedAt: string | null;
    contact: boolean;
  }>;
}

/** How many of the next steps the page lists. */
const SHOWN = 4;

/**
 * The patient's follow-up plan on their request page (issue #6 point 7): in their
 * language, what has been done and what comes next — above all when we will call.
 */
export function RequestPlan({ caseId }: { caseId: string }) {
  const t = useT();
  const intl = useIntl();
  const { language } = useLanguage();
  const [plan, setPlan] = useState<MyPlan | null>(null);
  useEffect(() => {
    api<MyPlan>('GET', `/api/cases/${encodeURIComponent(caseId)}/follow-up`)
      .then(setPlan)
      .catch(() => setPlan(null));
  }, [caseId]);
  if (!plan) return null;
  const open = plan.status === 'active' ? plan.steps.filter((s) => !s.done) : [];
  // A year of check-ins is a long list: the next few, and how many follow.
  const upcoming = open.slice(0, SHOWN);
  const later = open.length - upcoming.length;
  const done = plan.steps.filter((s) => s.done);
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'full' });
  return (
    <section aria-labelledby="my-plan-title" className="help-plan" data-testid="my-plan">
      <h2 id="my-plan-title">
        {t('web.help.plan.title', { program: inLanguage(plan.programName, language) })}
      </h2>
      {upcoming.length > 0 ? (
        <>
          <h3>{t('web.help.plan.next')}</h3>
          <ul>
            {upcoming.map((s) => (
              <li key={s.id}>
                {s.contact
                  ? t('web.help.plan.we-call', {
                      step: inLanguage(s.title, language),
                      when: when(s.dueAt),
                    })
                  : t('web.help.plan.by', {
                      step: inLanguage(s.title, language),
                      when: when(s.dueAt),
                    })}
              </li>
            ))}
          </ul>
          {later > 0 && <p>{t('web.help.plan.more', { count: later })}</p>}
        </>
      ) : (
        <p>
          {t(plan.status === 'cancelled' ? 'web.help.plan.cancelled' : 'web.help.plan.finished')}
        </p>
      )}
      {done.length > 0 && (
        <>
          <h3>{t('web.help.plan.done')}</h3>
          <ul>
            {done.map((s) => (
              <li key={s.id}>{inLanguage(s.title, language)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
