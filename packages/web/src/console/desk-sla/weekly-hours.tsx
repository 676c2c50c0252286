import { useId } from 'react';
import type { OpeningHours } from '@caredesk/core';
import { useLanguage, useT } from '../../i18n/i18n-provider';

/** One interval as edited, with a stable key for React and the list it is sent in. */
export interface EditedHours extends OpeningHours {
  key: number;
}

/** Monday first (ISO 8601); OpeningHours counts Sunday as 0. */
const WEEK: OpeningHours['day'][] = [1, 2, 3, 4, 5, 6, 0];

/** The weekday's name in the reader's language, from the browser's own calendar data. */
function weekdayName(language: string, day: number): string {
  // 7 January 2024 was a Sunday.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 7 + day)),
  );
}

/** "mandag" → "Mandag" for a heading; the name stays as it is inside sentences. */
function capitalized(name: string, language: string): string {
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/**
 * The week's opening hours, day by day: any number of intervals per day (a lunch break is
 * two), none meaning closed. Times are typed as HH:MM so that 24:00 (open until
 * midnight) can be written. `errors` are keyed by the interval's place in `hours`.
 */
export function WeeklyHours({
  hours,
  errors,
  nextKey,
  onChange,
}: {
  hours: EditedHours[];
  errors: Record<number, string>;
  nextKey: () => number;
  onChange: (next: EditedHours[]) => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const id = useId();
  const set = (key: number, change: Partial<OpeningHours>) =>
    onChange(hours.map((h) => (h.key === key ? { ...h, ...change } : h)));

  return (
    <fieldset className="weekly-hours">
      <legend>{t('web.sla.calendar.hours')}</legend>
      <p className="hint">{t('web.sla.calendar.hours-hint')}</p>
      <div className="week">
        {WEEK.map((day) => {
          const name = weekdayName(language, day);
          const today = hours.map((h, index) => ({ h, index })).filter((x) => x.h.day === day);
          return (
            <div className="weekday" key={day}>
              <h3 id={`${id}-day-${day}`}>{capitalized(name, language)}</h3>
              {today.length === 0 && <p className="secondary">{t('web.sla.calendar.closed')}</p>}
              <ul className="plain" aria-labelledby={`${id}-day-${day}`}>
                {today.map(({ h, index }) => (
                  <li key={h.key} className="interval">
                    <div className="field">
                      <label htmlFor={`${id}-${h.key}-opens`}>{t('web.sla.calendar.opens')}</label>
                      <input
                        id={`${id}-${h.key}-opens`}
                        inputMode="numeric"
                        maxLength={5}
                        placeholder="08:00"
                        aria-invalid={errors[index] ? true : undefined}
                        aria-describedby={errors[index] ? `${id}-${h.key}-error` : undefined}
                        value={h.opens}
                        onChange={(e) => set(h.key, { opens: e.target.value })}
                      />
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-${h.key}-closes`}>
                        {t('web.sla.calendar.closes')}
                      </label>
                      <input
                        id={`${id}-${h.key}-closes`}
                        inputMode="numeric"
                        maxLength={5}
                        placeholder="17:00"
                        aria-invalid={errors[index] ? true : undefined}
                        aria-describedby={errors[index] ? `${id}-${h.key}-error` : undefined}
                        value={h.closes}
                        onChange={(e) => set(h.key, { closes: e.target.value })}
                      />
                    </div>
                    <button
                      type="button"
                      className="danger-outline"
                      aria-label={t('web.sla.calendar.remove-hours', {
                        day: name,
                        opens: h.opens,
                        closes: h.closes,
                      })}
                      onClick={() => onChange(hours.filter((x) => x.key !== h.key))}
                    >
                      {t('web.sla.remove')}
                    </button>
                    {errors[index] && (
                      <p className="form-error" role="alert" id={`${id}-${h.key}-error`}>
                        {errors[index]}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                onClick={() =>
                  onChange([...hours, { key: nextKey(), day, opens: '08:00', closes: '17:00' }])
                }
              >
                {t('web.sla.calendar.add-hours', { day: name })}
              </button>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
