import { FOLLOW_UP_STEP_KINDS, type FollowUpStepKind } from '@caredesk/core/care-transitions';
import { useLanguage, useT } from '../../../i18n/i18n-provider';
import { inLanguage, STEP_KIND_KEY } from '../follow-up-labels';
import { CheckField, FieldError, TextField, type FieldErrors } from './program-fields';
import { emptyText, fieldId, type StepForm, type TextLanguage } from './program-form';
import { StepRules } from './step-rules';

/**
 * One step of a program: its key, kind and due time, whether it is required, its rules,
 * and its title, script and checklist in the language chosen above the steps.
 */
export function StepEditor({
  step,
  index,
  count,
  language,
  onChange,
  onMove,
  onRemove,
  errors,
}: {
  step: StepForm;
  index: number;
  count: number;
  language: TextLanguage;
  onChange: (change: Partial<StepForm>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const { language: reader } = useLanguage();
  const at = `steps/${index}`;
  const n = index + 1;
  const title = inLanguage(step.title, reader) || t(STEP_KIND_KEY[step.kind]);
  const setItem = (j: number, text: string) =>
    onChange({
      checklist: step.checklist.map((item, k) => (k === j ? { ...item, [language]: text } : item)),
    });
  return (
    <li
      className="fup-step"
      id={fieldId(at)}
      tabIndex={-1}
      aria-labelledby={`${fieldId(at)}-title`}
    >
      <h3 id={`${fieldId(at)}-title`}>
        {t('web.followUp.programs.step', { n })}: {title}
      </h3>
      <FieldError path={at} errors={errors} />
      <TextField
        path={`${at}/key`}
        label={t('web.followUp.programs.step.key')}
        hint={t('web.followUp.programs.step.key-hint')}
        value={step.key}
        errors={errors}
        onChange={(key) => onChange({ key })}
      />
      <div className="fup-row">
        <div className="field">
          <label htmlFor={fieldId(`${at}/kind`)}>{t('web.followUp.programs.step.kind')}</label>
          <select
            id={fieldId(`${at}/kind`)}
            value={step.kind}
            onChange={(e) => onChange({ kind: e.target.value as FollowUpStepKind })}
          >
            {FOLLOW_UP_STEP_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(STEP_KIND_KEY[k])}
              </option>
            ))}
          </select>
          <FieldError path={`${at}/kind`} errors={errors} />
        </div>
        <TextField
          path={`${at}/dueBusinessDays`}
          label={t('web.followUp.programs.step.due')}
          numeric
          value={step.dueBusinessDays}
          errors={errors}
          onChange={(dueBusinessDays) => onChange({ dueBusinessDays })}
        />
      </div>
      <CheckField
        path={`${at}/required`}
        label={t('web.followUp.programs.step.required')}
        checked={step.required}
        onChange={(required) => onChange({ required })}
      />
      <CheckField
        path={`${at}/needsCaregiverConsent`}
        label={t('web.followUp.programs.step.consent')}
        checked={step.needsCaregiverConsent}
        onChange={(needsCaregiverConsent) => onChange({ needsCaregiverConsent })}
      />
      <StepRules step={step} at={at} language={language} onChange={onChange} errors={errors} />
      <TextField
        path={`${at}/title/${language}`}
        label={t('web.followUp.programs.step.title')}
        lang={language}
        value={step.title[language]}
        errors={errors}
        onChange={(text) => onChange({ title: { ...step.title, [language]: text } })}
      />
      <TextField
        path={`${at}/script/${language}`}
        label={t('web.followUp.programs.step.script')}
        lang={language}
        multiline
        value={step.script[language]}
        errors={errors}
        onChange={(text) => onChange({ script: { ...step.script, [language]: text } })}
      />
      <fieldset className="fup-checklist" id={fieldId(`${at}/checklist`)} tabIndex={-1}>
        <legend>{t('web.followUp.programs.step.checklist')}</legend>
        <FieldError path={`${at}/checklist`} errors={errors} />
        <ol className="plain">
          {step.checklist.map((item, j) => (
            <li key={j} className="fup-checklist-item">
              <TextField
                path={`${at}/checklist/${j}/${language}`}
                label={t('web.followUp.programs.step.checklist-item', { n: j + 1 })}
                lang={language}
                value={item[language]}
                errors={errors}
                onChange={(text) => setItem(j, text)}
              />
              <button
                type="button"

                onClick={() => onChange({ checklist: step.checklist.filter((_, k) => k !== j) })}
              >
                {t('web.followUp.programs.step.remove-item', { n: j + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => onChange({ checklist: [...step.checklist, emptyText()] })}
        >
          {t('web.followUp.programs.step.add-item')}
        </button>
      </fieldset>
      <div className="fup-step-buttons">
        <button type="button" disabled={index === 0} onClick={() => onMove(-1)}>
          {t('web.followUp.programs.step.up', { n })}
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => onMove(1)}>
          {t('web.followUp.programs.step.down', { n })}
        </button>
        <button type="button" className="danger-outline" onClick={onRemove}>
          {t('web.followUp.programs.step.remove', { n })}
        </button>
      </div>
    </li>
  );
}
