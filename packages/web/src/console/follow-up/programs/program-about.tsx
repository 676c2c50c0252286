import { useT } from '../../../i18n/i18n-provider';
import { useCategories } from '../../cases/use-categories';
import { FieldError, LocalizedFields, TextField, type FieldErrors } from './program-fields';
import { fieldId, TRIGGER_KINDS, type ProgramForm, type TriggerKind } from './program-form';
import { TRIGGER_KEY } from './program-labels';

/**
 * The program as a whole: its name and description in every language, what starts it
 * (with the HL7 patient classes and dispositions as comma-separated codes), and the
 * category of the case its plans open.
 */
export function ProgramAbout({
  form,
  onChange,
  errors,
}: {
  form: ProgramForm;
  onChange: (change: Partial<ProgramForm>) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const categories = useCategories();
  // The loaded category stays choosable while the list loads, or if it was since removed.
  const codes = categories.codes.includes(form.caseCategory)
    ? categories.codes
    : [form.caseCategory, ...categories.codes];
  const withClasses = form.triggerKind === 'discharge' || form.triggerKind === 'visit-end';
  return (
    <section className="fup-section" aria-labelledby="fup-about-title">
      <h2 id="fup-about-title">{t('web.followUp.programs.about')}</h2>
      <LocalizedFields
        path="name"
        legend={t('web.followUp.programs.name')}
        value={form.name}
        errors={errors}
        onChange={(name) => onChange({ name })}
      />
      <LocalizedFields
        path="description"
        legend={t('web.followUp.programs.description')}
        value={form.description}
        errors={errors}
        multiline
        onChange={(description) => onChange({ description })}
      />
      <div className="fup-row">
        <div className="field">
          <label htmlFor={fieldId('trigger')}>{t('web.followUp.programs.trigger')}</label>
          <select
            id={fieldId('trigger')}
            value={form.triggerKind}
            aria-invalid={errors.trigger ? true : undefined}
            aria-describedby={errors.trigger ? `${fieldId('trigger')}-error` : undefined}
            onChange={(e) => onChange({ triggerKind: e.target.value as TriggerKind })}
          >
            {TRIGGER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(TRIGGER_KEY[k])}
              </option>
            ))}
          </select>
          <FieldError path="trigger" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={fieldId('caseCategory')}>{t('web.followUp.programs.category')}</label>
          <select
            id={fieldId('caseCategory')}
            value={form.caseCategory}
            aria-invalid={errors.caseCategory ? true : undefined}
            aria-describedby={errors.caseCategory ? `${fieldId('caseCategory')}-error` : undefined}
            onChange={(e) => onChange({ caseCategory: e.target.value })}
          >
            {codes.map((c) => (
              <option key={c} value={c}>
                {categories.name(c)}
              </option>
            ))}
          </select>
          <FieldError path="caseCategory" errors={errors} />
        </div>
      </div>
      {withClasses && (
        <TextField
          path="trigger/patientClasses"
          label={t('web.followUp.programs.patient-classes')}
          hint={t('web.followUp.programs.patient-classes-hint')}
          value={form.patientClasses}
          errors={errors}
          onChange={(patientClasses) => onChange({ patientClasses })}
        />
      )}
      {form.triggerKind === 'discharge' && (
        <TextField
          path="trigger/excludeDispositions"
          label={t('web.followUp.programs.exclude-dispositions')}
          hint={t('web.followUp.programs.exclude-dispositions-hint')}
          value={form.excludeDispositions}
          errors={errors}
          onChange={(excludeDispositions) => onChange({ excludeDispositions })}
        />
      )}
    </section>
  );
}
