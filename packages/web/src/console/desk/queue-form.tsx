import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { BUILT_IN_CASE_CATEGORIES, CASE_CHANNELS, CASE_PRIORITIES } from '@caredesk/core/cases';
import { QUEUE_STRATEGIES } from '@caredesk/core/service-desk';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { ModalDialog } from '../../shell/modal-dialog';
import { FormError } from '../../sign-in/form-error';
import type { Team } from '../admin/admin-api';
import { TextInput } from '../admin/text-input';
import { useProblemSubmit } from '../admin/use-problem-submit';
import { ChoiceSet, LanguageChoice } from './choice-set';
import { createQueue, saveQueue, type Queue, type QueueDraft } from './routing-api';
import {
  categoryName,
  channelName,
  languageName,
  priorityName,
  strategyName,
} from './routing-labels';

const EMPTY: QueueDraft = {
  name: '',
  teamId: null,
  strategy: 'least-loaded',
  requiredSkills: { languages: [], categories: [] },
  matches: { categories: [], priorities: [], channels: [] },
  order: 100,
  active: true,
};

const draftOf = (q: Queue): QueueDraft => ({
  name: q.name,
  teamId: q.teamId,
  strategy: q.strategy,
  requiredSkills: q.requiredSkills,
  matches: q.matches,
  order: q.order,
  active: q.active,
});

/**
 * A queue, new or existing, in a dialog: its name and place in the order, what it takes,
 * what agents need, and how it hands cases out. The server checks everything again.
 */
export function QueueForm({
  queue,
  teams,
  onSaved,
  onCancel,
}: {
  queue: Queue | null;
  /** The organization's teams, or null when this person may not list them. */
  teams: Team[] | null;
  onSaved: (saved: Queue, created: boolean) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const id = useId();
  const [draft, setDraft] = useState<QueueDraft>(queue ? draftOf(queue) : EMPTY);
  const [order, setOrder] = useState(String(draft.order));
  const save = useProblemSubmit(['name', 'order', 'teamId', 'requiredSkills', 'matches']);
  const set = (patch: Partial<QueueDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // Categories administrators added show too, as codes, once a queue uses them.
  const categories = [
    ...BUILT_IN_CASE_CATEGORIES,
    ...[...draft.matches.categories, ...draft.requiredSkills.categories].filter(
      (c) => !(BUILT_IN_CASE_CATEGORIES as readonly string[]).includes(c),
    ),
  ].filter((c, i, all) => all.indexOf(c) === i);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const refusals: Record<string, string> = {};
    if (!draft.name.trim()) refusals.name = t('web.routing.queue.name-required');
    if (!/^\d{1,5}$/.test(order.trim())) refusals.order = t('web.routing.queue.order-invalid');
    if (Object.keys(refusals).length > 0) return save.refuse(refusals);
    const body = { ...draft, name: draft.name.trim(), order: Number(order.trim()) };
    await save.run(async () => {
      const saved = queue ? await saveQueue(queue.id, body) : await createQueue(body);
      onSaved(saved, queue === null);
    });
  };

  return (
    <ModalDialog titleId={`${id}-title`} onCancel={onCancel}>
      <h2 id={`${id}-title`}>
        {queue
          ? t('web.routing.queue.edit-title', { queue: queue.name })
          : t('web.routing.queues.new')}
      </h2>
      <form className="queue-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextInput
          label={t('web.routing.queue.name')}
          error={save.fieldErrors.name}
          autoComplete="off"
          maxLength={100}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <div className="field">
          <label htmlFor={`${id}-order`}>{t('web.routing.queue.order')}</label>
          <p className="hint" id={`${id}-order-hint`}>
            {t('web.routing.queue.order-hint')}
          </p>
          <input
            id={`${id}-order`}
            className="narrow"
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            value={order}
            aria-invalid={save.fieldErrors.order ? true : undefined}
            aria-describedby={`${id}-order-hint${save.fieldErrors.order ? ` ${id}-order-error` : ''}`}
            onChange={(e) => setOrder(e.target.value)}
          />
          {save.fieldErrors.order && (
            <p className="form-error" role="alert" id={`${id}-order-error`}>
              {save.fieldErrors.order}
            </p>
          )}
        </div>
        <fieldset>
          <legend>{t('web.routing.queue.strategy')}</legend>
          {QUEUE_STRATEGIES.map((s) => (
            <div className="pick" key={s}>
              <input
                type="radio"
                name={`${id}-strategy`}
                id={`${id}-${s}`}
                checked={draft.strategy === s}
                onChange={() => set({ strategy: s })}
              />
              <label htmlFor={`${id}-${s}`}>{strategyName(t, s)}</label>
            </div>
          ))}
        </fieldset>
        <ChoiceSet
          legend={t('web.routing.queue.takes-categories')}
          hint={t('web.routing.queue.any-hint')}
          codes={categories}
          chosen={draft.matches.categories}
          label={(c) => categoryName(t, c)}
          onChange={(c) => set({ matches: { ...draft.matches, categories: c } })}
        />
        <ChoiceSet
          legend={t('web.routing.queue.takes-priorities')}
          hint={t('web.routing.queue.any-hint')}
          codes={CASE_PRIORITIES}
          chosen={draft.matches.priorities}
          label={(p) => priorityName(t, p)}
          onChange={(p) => set({ matches: { ...draft.matches, priorities: p } })}
        />
        <ChoiceSet
          legend={t('web.routing.queue.takes-channels')}
          hint={t('web.routing.queue.any-hint')}
          codes={CASE_CHANNELS}
          chosen={draft.matches.channels}
          label={(c) => channelName(t, c)}
          onChange={(c) => set({ matches: { ...draft.matches, channels: c } })}
        />
        <LanguageChoice
          legend={t('web.routing.queue.needs-languages')}
          hint={t('web.routing.queue.needs-languages-hint')}
          value={draft.requiredSkills.languages}
          name={(tag) => languageName(language, tag)}
          otherLabel={t('web.routing.languages.other')}
          otherHint={t('web.routing.languages.other-hint')}
          error={save.fieldErrors.requiredSkills}
          onChange={(l) => set({ requiredSkills: { ...draft.requiredSkills, languages: l } })}
        />
        <ChoiceSet
          legend={t('web.routing.queue.needs-skills')}
          hint={t('web.routing.queue.needs-skills-hint')}
          codes={categories}
          chosen={draft.requiredSkills.categories}
          label={(c) => categoryName(t, c)}
          onChange={(c) => set({ requiredSkills: { ...draft.requiredSkills, categories: c } })}
        />
        {teams && (
          <div className="field">
            <label htmlFor={`${id}-team`}>{t('web.routing.queue.team')}</label>
            <select
              id={`${id}-team`}
              value={draft.teamId ?? ''}
              onChange={(e) => set({ teamId: e.target.value || null })}
            >
              <option value="">{t('web.routing.queue.team-anyone')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="pick">
          <input
            type="checkbox"
            id={`${id}-active`}
            checked={draft.active}
            onChange={(e) => set({ active: e.target.checked })}
          />
          <label htmlFor={`${id}-active`}>{t('web.routing.queue.active-label')}</label>
        </div>
        <FormError message={save.error} />
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={save.busy}>
            {t('web.routing.queue.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('web.routing.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
