import { CONTACT_STEP_KINDS, type EscalationLetterKind } from '@caredesk/core/care-transitions';
import { useT } from '../../../i18n/i18n-provider';
import { CheckField, FieldError, TextField, type FieldErrors } from './program-fields';
import { fieldId, type StepForm, type TextLanguage } from './program-form';
import { SEND_KEY } from './program-labels';

/**
 * A step's timing and escalation rules: whether it repeats (every so many calendar days,
 * so many times), and, for steps worked by calling, what happens after unanswered calls.
 */
export function StepRules({
  step,
  at,
  language,
  onChange,
  errors,
}: {
  step: StepForm;
  /** The step's path, `steps/2`. */
  at: string;
  language: TextLanguage;
  onChange: (change: Partial<StepForm>) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const calls = CONTACT_STEP_KINDS.includes(step.kind);
  return (
    <>
      <div className="fup-rule" id={fieldId(`${at}/repeat`)} tabIndex={-1}>
        <CheckField
          path={`${at}/repeats`}
          label={t('web.followUp.programs.step.repeats')}
          checked={step.repeats}
          onChange={(repeats) =>
            onChange({
              repeats,
              everyDays: step.everyDays || '30',
              times: step.times || '2',
            })
          }
        />
        <FieldError path={`${at}/repeat`} errors={errors} />
        {step.repeats && (
          <div className="fup-row">
            <TextField
              path={`${at}/repeat/everyDays`}
              label={t('web.followUp.programs.step.every-days')}
              numeric
              value={step.everyDays}
              errors={errors}
              onChange={(everyDays) => onChange({ everyDays })}
            />
            <TextField
              path={`${at}/repeat/times`}
              label={t('web.followUp.programs.step.times')}
              numeric
              value={step.times}
              errors={errors}
              onChange={(times) => onChange({ times })}
            />
          </div>
        )}
      </div>
      {(calls || step.escalates) && (
        <div className="fup-rule" id={fieldId(`${at}/escalation`)} tabIndex={-1}>
          <CheckField
            path={`${at}/escalates`}
            label={t('web.followUp.programs.step.escalates')}
            checked={step.escalates}
            onChange={(escalates) => onChange({ escalates })}
          />
          <FieldError path={`${at}/escalation`} errors={errors} />
          {step.escalates && (
            <>
              <TextField
                path={`${at}/escalation/afterUnansweredAttempts`}
                label={t('web.followUp.programs.step.attempts')}
                numeric
                value={step.attempts}
                errors={errors}
                onChange={(attempts) => onChange({ attempts })}
              />
              <CheckField
                path={`${at}/escalation/notifySupervisor`}
                label={t('web.followUp.programs.step.notify')}
                checked={step.notifySupervisor}
                onChange={(notifySupervisor) => onChange({ notifySupervisor })}
              />
              <div className="field">
                <label htmlFor={fieldId(`${at}/escalation/send`)}>
                  {t('web.followUp.programs.step.send')}
                </label>
                <select
                  id={fieldId(`${at}/escalation/send`)}
                  value={step.send}
                  onChange={(e) => onChange({ send: e.target.value as EscalationLetterKind | '' })}
                >
                  {(['', 'portal-message', 'letter'] as const).map((s) => (
                    <option key={s} value={s}>
                      {t(SEND_KEY[s])}
                    </option>
                  ))}
                </select>
              </div>
              {step.send !== '' && (
                <TextField
                  path={`${at}/escalation/message/${language}`}
                  label={t('web.followUp.programs.step.message')}
                  lang={language}
                  multiline
                  value={step.message[language]}
                  errors={errors}
                  onChange={(text) => onChange({ message: { ...step.message, [language]: text } })}
                />
              )}
            </>
          )}
        </div>
      )}
    </>
  );
}
