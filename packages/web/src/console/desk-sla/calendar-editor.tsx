import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { BusinessCalendar } from '@caredesk/core/service-desk';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n-provider';
import { FormError } from '../../sign-in/form-error';
import { HolidaysEditor } from './holidays-editor';
import { saveCalendar } from './sla-api';
import { WeeklyHours, type EditedHours } from './weekly-hours';

/** Every IANA zone the browser knows, for the time-zone suggestions. */
const ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

interface Errors {
  timeZone?: string;
  hours?: string;
  intervals: Record<number, string>;
  holidays: Record<number, string>;
  other: string | null;
}
const NONE: Errors = { intervals: {}, holidays: {}, other: null };

/** A refusal's issues, each put beside the control it is about (`hours/3/opens` → interval 3). */
function errorsOf(e: unknown, fallback: string): Errors {
  if (!(e instanceof ApiError) || e.status === 0) return { ...NONE, other: fallback };
  const out: Errors = { intervals: {}, holidays: {}, other: null };
  for (const issue of e.issues) {
    const [field, index] = issue.path.replace(/^body\/?/, '').split('/');
    const n = Number(index);
    if (field === 'timeZone') out.timeZone ??= issue.message;
    else if (field === 'hours' && Number.isInteger(n)) out.intervals[n] ??= issue.message;
    else if (field === 'hours') out.hours ??= issue.message;
    else if (field === 'holidays' && Number.isInteger(n)) out.holidays[n] ??= issue.message;
    else out.other ??= issue.message;
  }
  if (e.issues.length === 0) out.other = e.message;
  return out;
}

/**
 * One calendar's time zone, weekly hours and closed days, saved whole. `teamId` is a
 * team's id or 'default' for the organization's own calendar.
 */
export function CalendarEditor({
  teamId,
  initial,
  onSaved,
}: {
  teamId: string;
  initial: BusinessCalendar;
  onSaved: (calendar: BusinessCalendar) => void;
}) {
  const t = useT();
  const id = useId();
  const counter = useRef(0);
  const nextKey = () => ++counter.current;
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [hours, setHours] = useState<EditedHours[]>(() =>
    initial.hours.map((h) => ({ ...h, key: nextKey() })),
  );
  const [holidays, setHolidays] = useState(initial.holidays);
  const [errors, setErrors] = useState<Errors>(NONE);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(NONE);
    try {
      const calendar = {
        timeZone: timeZone.trim(),
        hours: hours.map(({ day, opens, closes }) => ({
          day,
          opens: opens.trim(),
          closes: closes.trim(),
        })),
        holidays,
      };
      onSaved(await saveCalendar(teamId, calendar));
    } catch (err) {
      setErrors(errorsOf(err, t('web.error.network')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="calendar-editor" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-zone`}>{t('web.sla.calendar.time-zone')}</label>
        <p className="hint" id={`${id}-zone-hint`}>
          {t('web.sla.calendar.time-zone-hint')}
        </p>
        <input
          id={`${id}-zone`}
          list={`${id}-zones`}
          autoComplete="off"
          maxLength={64}
          aria-describedby={`${id}-zone-hint${errors.timeZone ? ` ${id}-zone-error` : ''}`}
          aria-invalid={errors.timeZone ? true : undefined}
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
        />
        <datalist id={`${id}-zones`}>
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {errors.timeZone && (
          <p className="form-error" role="alert" id={`${id}-zone-error`}>
            {errors.timeZone}
          </p>
        )}
      </div>
      <WeeklyHours hours={hours} errors={errors.intervals} nextKey={nextKey} onChange={setHours} />
      <FormError message={errors.hours ?? null} />
      <HolidaysEditor holidays={holidays} errors={errors.holidays} onChange={setHolidays} />
      <FormError message={errors.other} />
      <button type="submit" className="primary" disabled={busy}>
        {t('web.sla.calendar.save')}
      </button>
    </form>
  );
}
