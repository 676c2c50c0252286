import { useT } from '../../../i18n/i18n-provider';
import { LANGUAGE_NAME } from '../../macros/macro-labels';
import { FieldError, type FieldErrors } from './program-fields';
import {
  fieldId,
  languageOf,
  moved,
  newStep,
  TEXT_LANGUAGES,
  type StepForm,
  type TextLanguage,
} from './program-form';
import { StepEditor } from './step-editor';

/**
 * The program's steps in order, each with its own fields, and one language switch for
 * their texts: seven steps in four languages at once would be a wall of fields. A
 * language whose texts the server refused says so on its switch.
 */
export function ProgramSteps({
  steps,
  onChange,
  language,
  onLanguage,
  errors,
  readOnly,
}: {
  steps: StepForm[];
  /** Older versions: read in any language, changed in none. */
  readOnly: boolean;
  onChange: (steps: StepForm[]) => void;
  language: TextLanguage;
  onLanguage: (language: TextLanguage) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const failing = (l: TextLanguage) =>
    Object.keys(errors).some((path) => path.startsWith('steps/') && languageOf(path) === l);
  return (
    <section className="fup-section" aria-labelledby="fup-steps-title">
      <h2 id="fup-steps-title">{t('web.followUp.programs.steps')}</h2>
      <p className="hint">{t('web.followUp.programs.steps-hint')}</p>
      <div id={fieldId('steps')} tabIndex={-1}>
        <FieldError path="steps" errors={errors} />
      </div>
      <fieldset className="fup-languages">
        <legend>{t('web.followUp.programs.texts-in')}</legend>
        {TEXT_LANGUAGES.map((l) => {
          const name = t(LANGUAGE_NAME[l]);
          return (
            <div className="choice" key={l}>
              <input
                type="radio"
                id={`fup-texts-${l}`}
                name="fup-texts"
                checked={language === l}
                onChange={() => onLanguage(l)}
              />
              <label htmlFor={`fup-texts-${l}`} className={failing(l) ? 'has-error' : undefined}>
                {failing(l) ? (
                  t('web.followUp.programs.texts-has-error', { language: name })
                ) : (
                  <span lang={l}>{name}</span>
                )}
              </label>
            </div>
          );
        })}
      </fieldset>
      <fieldset className="fup-plain" disabled={readOnly}>
        <ol className="plain fup-steps">
          {steps.map((step, i) => (
            <StepEditor
              key={step.uid}
              step={step}
              index={i}
              count={steps.length}
              language={language}
              errors={errors}
              onChange={(change) =>
                onChange(steps.map((s, k) => (k === i ? { ...s, ...change } : s)))
              }
              onMove={(by) => onChange(moved(steps, i, by))}
              onRemove={() => onChange(steps.filter((_, k) => k !== i))}
            />
          ))}
        </ol>
        <button type="button" onClick={() => onChange([...steps, newStep()])}>
          {t('web.followUp.programs.add-step')}
        </button>
      </fieldset>
    </section>
  );
}
