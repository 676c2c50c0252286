import { useId } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { DURATION_UNITS, type DurationUnit } from './sla-labels';

export interface DurationValue {
  amount: string;
  unit: DurationUnit;
}

/** Whole minutes of a duration as typed, or null when it is not a positive number. */
export function minutesOf(v: DurationValue): number | null {
  const amount = Number(v.amount.replace(',', '.'));
  if (!v.amount.trim() || !Number.isFinite(amount) || amount <= 0) return null;
  const minutes = Math.round(amount * DURATION_UNITS[v.unit]);
  return minutes >= 1 ? minutes : null;
}

/**
 * A target in business time: an amount and its unit (minutes, hours or business days),
 * one labelled group so a screen reader says which target the unit belongs to.
 */
export function DurationInput({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: DurationValue;
  error: string | undefined;
  onChange: (next: DurationValue) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="duration" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      <div className="duration-controls">
        <div className="field">
          <label htmlFor={`${id}-amount`}>{t('web.sla.amount')}</label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            autoComplete="off"
            maxLength={8}
            aria-invalid={error ? true : undefined}
            value={value.amount}
            onChange={(e) => onChange({ ...value, amount: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('web.sla.unit')}</label>
          <select
            id={`${id}-unit`}
            value={value.unit}
            onChange={(e) => onChange({ ...value, unit: e.target.value as DurationUnit })}
          >
            <option value="minutes">{t('web.sla.unit.minutes')}</option>
            <option value="hours">{t('web.sla.unit.hours')}</option>
            <option value="days">{t('web.sla.unit.days')}</option>
          </select>
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
