import type { FollowUpProgram, ScheduledTask } from '@caredesk/core/care-transitions';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { useLanguage, useT } from '../../../i18n/i18n-provider';
import { useResource } from '../../../patient-record/use-resource';
import { fetchCalendars } from '../../desk-sla/sla-api';
import { inLanguage, STEP_KIND_KEY } from '../follow-up-labels';
import { previewProgram } from './programs-api';

/** Now, as a datetime-local value in the reader's own time: the preview's first start. */
function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * The schedule the program as written would give a plan started at a moment the reader
 * picks, computed by the server on the organization's business calendar (issue #6
 * point 7: "with preview"); refusals go to the editor, which shows them at their fields.
 */
export function ProgramPreview({
  program,
  onFailed,
  onChecked,
}: {
  program: () => FollowUpProgram;
  onFailed: (error: unknown) => void;
  onChecked: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const { language } = useLanguage();
  const id = useId();
  const [startAt, setStartAt] = useState(localNow);
  const [tasks, setTasks] = useState<ScheduledTask[] | null>(null);
  const [shownFor, setShownFor] = useState<FollowUpProgram | null>(null);
  const [busy, setBusy] = useState(false);
  // Due times are the close of business on the organization's calendar: shown in its time
  // zone, named, so "5 PM" means the clinic's 5 PM wherever the administrator sits.
  const calendars = useResource(fetchCalendars, []);
  const timeZone =
    calendars.kind === 'ready' ? calendars.value.organizationDefault.calendar.timeZone : undefined;
  const when = (iso: string) =>
    intl.formatDate(iso, {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      ...(timeZone ? { timeZone } : {}),
    });

  const run = async () => {
    const start = new Date(startAt);
    if (busy || Number.isNaN(start.getTime())) return;
    const shown = program();
    setBusy(true);
    try {
      setTasks(await previewProgram(shown, start.toISOString()));
      setShownFor(shown);
      onChecked();
    } catch (e) {
      setTasks(null);
      onFailed(e);
    } finally {
      setBusy(false);
    }
  };

  const titleOf = (task: ScheduledTask) => {
    const step = shownFor?.steps.find((s) => s.key === task.stepKey);
    const title = inLanguage(step?.title, language) || t(STEP_KIND_KEY[task.kind]);
    return step?.repeat
      ? t('web.followUp.programs.preview.occurrence', { title, n: task.occurrence })
      : title;
  };

  return (
    <section className="fup-section fup-preview" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('web.followUp.programs.preview')}</h2>
      <p className="hint" id={`${id}-hint`}>
        {t('web.followUp.programs.preview.hint')}
      </p>
      <div className="fup-preview-start">
        <div className="field">
          <label htmlFor={`${id}-start`}>{t('web.followUp.programs.preview.start')}</label>
          <input
            id={`${id}-start`}
            type="datetime-local"
            aria-describedby={`${id}-hint`}
            value={startAt}
            onChange={(e) => setStartAt(e.target.value)}
          />
        </div>
        <button type="button" disabled={busy} onClick={() => void run()}>
          {t('web.followUp.programs.preview.run')}
        </button>
      </div>
      <div aria-live="polite">
        {tasks && (
          <ol className="plain fup-schedule" data-testid="program-schedule">
            {tasks.map((task) => (
              <li key={`${task.stepKey}-${task.occurrence}`}>
                <span className="fup-schedule-title">{titleOf(task)}</span>{' '}
                <span className="fup-schedule-due">
                  {t('web.followUp.programs.preview.due', {
                    when: when(task.dueAt),
                  })}
                </span>{' '}
                <span className="fup-schedule-kind">
                  {task.required
                    ? t('web.followUp.programs.preview.required')
                    : t('web.followUp.optional')}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
