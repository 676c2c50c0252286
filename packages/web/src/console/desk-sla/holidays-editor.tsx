import { useId, useState } from 'react';
import { useLanguage, useT } from '../../i18n/i18n-provider';

/** A local date (YYYY-MM-DD) written out in the reader's language, e.g. "24 June 2026". */
function dateLabel(language: string, date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(at);
}

/** Days the desk is closed all day (public holidays, closures), kept in date order. */
export function HolidaysEditor({
  holidays,
  errors,
  onChange,
}: {
  holidays: string[];
  /** Keyed by the date's place in `holidays`. */
  errors: Record<number, string>;
  onChange: (next: string[]) => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const id = useId();
  const [date, setDate] = useState('');
  const add = () => {
    if (!date || holidays.includes(date)) return;
    onChange([...holidays, date].sort());
    setDate('');
  };
  return (
    <fieldset className="holidays">
      <legend>{t('web.sla.calendar.holidays')}</legend>
      {holidays.length === 0 ? (
        <p className="secondary">{t('web.sla.calendar.no-holidays')}</p>
      ) : (
        <ul className="plain" aria-label={t('web.sla.calendar.holidays')}>
          {holidays.map((d, index) => (
            <li key={d} className="holiday">
              <time dateTime={d}>{dateLabel(language, d)}</time>
              <button
                type="button"
                className="danger-outline"
                aria-label={t('web.sla.calendar.remove-holiday', { date: dateLabel(language, d) })}
                onClick={() => onChange(holidays.filter((x) => x !== d))}
              >
                {t('web.sla.remove')}
              </button>
              {errors[index] && (
                <p className="form-error" role="alert">
                  {errors[index]}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="add-holiday">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('web.sla.calendar.holiday-date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <button type="button" onClick={add}>
          {t('web.sla.calendar.add-holiday')}
        </button>
      </div>
    </fieldset>
  );
}
