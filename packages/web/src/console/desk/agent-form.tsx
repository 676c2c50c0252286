import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { BUILT_IN_CASE_CATEGORIES } from '@caredesk/core/cases';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { ModalDialog } from '../../shell/modal-dialog';
import { FormError } from '../../sign-in/form-error';
import { useProblemSubmit } from '../admin/use-problem-submit';
import { ChoiceSet, LanguageChoice } from './choice-set';
import { saveAgent, type Agent } from './routing-api';
import { categoryName, languageName } from './routing-labels';

/** An agent's languages, skills and capacity, in a dialog. Availability is theirs to set. */
export function AgentForm({
  agent,
  onSaved,
  onCancel,
}: {
  agent: Agent;
  onSaved: (saved: Agent) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const id = useId();
  const [languages, setLanguages] = useState(agent.languages);
  const [categories, setCategories] = useState(agent.categories);
  const [capacity, setCapacity] = useState(String(agent.capacity));
  const save = useProblemSubmit(['languages', 'categories', 'capacity']);
  const codes = [
    ...BUILT_IN_CASE_CATEGORIES,
    ...agent.categories.filter((c) => !(BUILT_IN_CASE_CATEGORIES as readonly string[]).includes(c)),
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = capacity.trim();
    if (!/^\d{1,3}$/.test(n) || Number(n) > 200)
      return save.refuse({ capacity: t('web.routing.agents.capacity-invalid') });
    await save.run(async () => {
      onSaved(await saveAgent(agent.accountId, { languages, categories, capacity: Number(n) }));
    });
  };

  const capacityError = save.fieldErrors.capacity;
  return (
    <ModalDialog titleId={`${id}-title`} onCancel={onCancel}>
      <h2 id={`${id}-title`}>{t('web.routing.agents.edit-title', { name: agent.displayName })}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <LanguageChoice
          legend={t('web.routing.agents.languages')}
          value={languages}
          name={(tag) => languageName(language, tag)}
          otherLabel={t('web.routing.languages.other')}
          otherHint={t('web.routing.languages.other-hint')}
          error={save.fieldErrors.languages}
          onChange={setLanguages}
        />
        <ChoiceSet
          legend={t('web.routing.agents.skills')}
          codes={codes}
          chosen={categories}
          label={(c) => categoryName(t, c)}
          onChange={setCategories}
        />
        <div className="field">
          <label htmlFor={`${id}-capacity`}>{t('web.routing.agents.capacity')}</label>
          <p className="hint" id={`${id}-capacity-hint`}>
            {t('web.routing.agents.capacity-hint')}
          </p>
          <input
            id={`${id}-capacity`}
            className="narrow"
            inputMode="numeric"
            autoComplete="off"
            maxLength={3}
            value={capacity}
            aria-invalid={capacityError ? true : undefined}
            aria-describedby={`${id}-capacity-hint${capacityError ? ` ${id}-capacity-error` : ''}`}
            onChange={(e) => setCapacity(e.target.value)}
          />
          {capacityError && (
            <p className="form-error" role="alert" id={`${id}-capacity-error`}>
              {capacityError}
            </p>
          )}
        </div>
        <FormError message={save.error} />
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={save.busy}>
            {t('web.routing.agents.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('web.routing.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
