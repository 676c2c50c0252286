import { useMemo } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { describedBy, FieldError } from './field-error';
import { controlId, type FieldErrors, type ProfileDraft } from './profile-draft';

type Quiet = Pick<ProfileDraft, 'quietOn' | 'quietStart' | 'quietEnd' | 'quietZone'>;

/** Every zone the browser knows, with the one on file kept even if it does not. */
function zonesWith(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}

/**
 * Times of day the clinic keeps quiet (no calls, no messages), in the patient's own zone;
 * a span past midnight (21:00 to 08:00) is the usual case, not an error.
 */
export function QuietHoursFields({
  value,
  errors,
  onChange,
}: {
  value: Quiet;
  errors: FieldErrors;
  onChange: (change: Partial<Quiet>) => void;
}) {
  const t = useT();
  const zones = useMemo(() => zonesWith(value.quietZone), [value.quietZone]);
  const hintId = 'profile-quiet-hint';
  return (
    <section className="patient-section" aria-labelledby="profile-quiet-title">
      <h2 id="profile-quiet-title">{t('web.profile.quiet.legend')}</h2>
      <p className="hint" id={hintId}>
        {t('web.profile.quiet.hint')}
      </p>
      <div className="choice">
        <input
          id="profile-quiet-on"
          type="checkbox"
          checked={value.quietOn}
          onChange={(e) => onChange({ quietOn: e.target.checked })}
          aria-describedby={hintId}
        />
        <label htmlFor="profile-quiet-on">{t('web.profile.quiet.on')}</label>
      </div>
      {value.quietOn && (
        <div className="quiet-times">
          <div className="field">
            <label htmlFor={controlId('quiet-start')}>{t('web.profile.quiet.start')}</label>
            <FieldError errors={errors} field="quiet-start" />
            <input
              id={controlId('quiet-start')}
              type="time"
              value={value.quietStart}
              onChange={(e) => onChange({ quietStart: e.target.value })}
              {...describedBy(errors, 'quiet-start')}
            />
          </div>
          <div className="field">
            <label htmlFor={controlId('quiet-end')}>{t('web.profile.quiet.end')}</label>
            <FieldError errors={errors} field="quiet-end" />
            <input
              id={controlId('quiet-end')}
              type="time"
              value={value.quietEnd}
              onChange={(e) => onChange({ quietEnd: e.target.value })}
              {...describedBy(errors, 'quiet-end')}
            />
          </div>
          <div className="field">
            <label htmlFor={controlId('quiet-zone')}>{t('web.profile.quiet.zone')}</label>
            <FieldError errors={errors} field="quiet-zone" />
            <select
              id={controlId('quiet-zone')}
              value={value.quietZone}
              onChange={(e) => onChange({ quietZone: e.target.value })}
              {...describedBy(errors, 'quiet-zone')}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </section>
  );
}
