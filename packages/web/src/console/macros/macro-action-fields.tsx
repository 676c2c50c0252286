import { BUILT_IN_CASE_CATEGORIES, CASE_STATUSES, type CaseStatus } from '@caredesk/core/cases';
import { useId } from 'react';
import { useT } from '../../i18n/i18n-provider';
import type { DraftField, MacroDraft } from './macro-draft';
import { categoryLabel, STATUS_LABEL } from './macro-labels';

type ActionsPart = Pick<MacroDraft, 'setStatus' | 'setCategory' | 'addTags' | 'removeTags'>;

function Problem({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" id={id}>
      {message}
    </p>
  );
}

/** What using the macro also does to the case: its status, its category, its tags. */
export function MacroActionFields({
  value,
  onChange,
  errors,
}: {
  value: ActionsPart;
  onChange: (next: ActionsPart) => void;
  errors: Partial<Record<DraftField, string>>;
}) {
  const t = useT();
  const id = useId();
  const described = (f: DraftField) => (errors[f] ? `${id}-${f}-error` : undefined);
  // A category an administrator added is kept and shown by its code.
  const categories: string[] = [...BUILT_IN_CASE_CATEGORIES];
  if (value.setCategory && !categories.includes(value.setCategory))
    categories.push(value.setCategory);
  return (
    <fieldset className="macro-actions">
      <legend>{t('web.macros.actions.legend')}</legend>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('web.macros.actions.status')}</label>
        <select
          id={`${id}-status`}
          value={value.setStatus}
          aria-describedby={described('setStatus')}
          onChange={(e) => onChange({ ...value, setStatus: e.target.value as CaseStatus | '' })}
        >
          <option value="">{t('web.macros.actions.no-change')}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_LABEL[s])}
            </option>
          ))}
        </select>
        <Problem id={`${id}-setStatus-error`} message={errors.setStatus} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('web.macros.actions.category')}</label>
        <select
          id={`${id}-category`}
          value={value.setCategory}
          aria-describedby={described('setCategory')}
          onChange={(e) => onChange({ ...value, setCategory: e.target.value })}
        >
          <option value="">{t('web.macros.actions.no-change')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(t, c)}
            </option>
          ))}
        </select>
        <Problem id={`${id}-setCategory-error`} message={errors.setCategory} />
      </div>
      {(['addTags', 'removeTags'] as const).map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`${id}-${f}`}>
            {t(f === 'addTags' ? 'web.macros.actions.add-tags' : 'web.macros.actions.remove-tags')}
          </label>
          <input
            id={`${id}-${f}`}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={1200}
            value={value[f]}
            aria-invalid={errors[f] ? true : undefined}
            aria-describedby={[`${id}-tags-hint`, described(f)].filter(Boolean).join(' ')}
            onChange={(e) => onChange({ ...value, [f]: e.target.value })}
          />
          <Problem id={`${id}-${f}-error`} message={errors[f]} />
        </div>
      ))}
      <p className="hint" id={`${id}-tags-hint`}>
        {t('web.macros.actions.tags-hint')}
      </p>
    </fieldset>
  );
}
