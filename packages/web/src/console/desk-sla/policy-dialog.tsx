import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { BUILT_IN_CASE_CATEGORIES, CASE_PRIORITIES, type CasePriority } from '@caredesk/core/cases';
import {
  SLA_BREACH_ACTIONS,
  type SlaBreachAction,
  type SlaPolicy,
} from '@caredesk/core/service-desk';
import { useT } from '../../i18n/i18n-provider';
import { ModalDialog } from '../../shell/modal-dialog';
import { FormError } from '../../sign-in/form-error';
import { useProblemSubmit } from '../admin/use-problem-submit';
import { DurationInput, minutesOf, type DurationValue } from './duration-input';
import { savePolicy } from './sla-api';
import { categoryLabel, DURATION_UNITS, priorityLabel, unitFor } from './sla-labels';

/** Fields whose refusals show beside them; the others' show above the buttons. */
const FIELDS = ['firstResponseMinutes', 'resolutionMinutes', 'warnAtShare'] as const;

const durationOf = (minutes: number): DurationValue => {
  const unit = unitFor(minutes);
  return { amount: String(minutes / DURATION_UNITS[unit]), unit };
};

/**
 * Sets the targets of one category × priority cell: first response and resolution in
 * business time, when to warn, and what a breach sets off. Editing keeps the cell; adding
 * chooses it (and says so when that cell already has targets, which this replaces).
 */
export function PolicyDialog({
  editing,
  policies,
  onSaved,
  onCancel,
}: {
  /** The policy to change, or null to add one. */
  editing: SlaPolicy | null;
  policies: SlaPolicy[];
  onSaved: (policy: SlaPolicy) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [category, setCategory] = useState(editing?.category ?? '*');
  const [priority, setPriority] = useState<CasePriority | '*'>(editing?.priority ?? '*');
  const [first, setFirst] = useState(durationOf(editing?.firstResponseMinutes ?? 240));
  const [resolution, setResolution] = useState(durationOf(editing?.resolutionMinutes ?? 480));
  const [warnPercent, setWarnPercent] = useState(
    String(Math.round((editing?.warnAtShare ?? 0.75) * 100)),
  );
  const [onBreach, setOnBreach] = useState<SlaBreachAction[]>(
    editing?.onBreach ?? ['notify-supervisor'],
  );
  const form = useProblemSubmit(FIELDS);
  const categories = [
    '*',
    ...BUILT_IN_CASE_CATEGORIES,
    ...policies
      .map((p) => p.category)
      .filter((c) => c !== '*' && !(BUILT_IN_CASE_CATEGORIES as readonly string[]).includes(c)),
  ];
  const replaces =
    !editing && policies.some((p) => p.category === category && p.priority === priority);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const firstResponseMinutes = minutesOf(first);
    const resolutionMinutes = minutesOf(resolution);
    const warn = Number(warnPercent);
    const refused: Record<string, string> = {};
    if (firstResponseMinutes === null) refused.firstResponseMinutes = t('web.sla.target-invalid');
    if (resolutionMinutes === null) refused.resolutionMinutes = t('web.sla.target-invalid');
    if (!Number.isInteger(warn) || warn < 1 || warn > 99)
      refused.warnAtShare = t('web.sla.warn-invalid');
    if (firstResponseMinutes === null || resolutionMinutes === null || refused.warnAtShare)
      return form.refuse(refused);
    void form.run(async () => {
      onSaved(
        await savePolicy({
          category,
          priority,
          firstResponseMinutes,
          resolutionMinutes,
          warnAtShare: warn / 100,
          onBreach: SLA_BREACH_ACTIONS.filter((a) => onBreach.includes(a)),
        }),
      );
    });
  };

  const title = editing
    ? t('web.sla.edit.title', {
        category: categoryLabel(t, editing.category),
        priority: priorityLabel(t, editing.priority),
      })
    : t('web.sla.add.title');
  return (
    <ModalDialog titleId={`${id}-title`} onCancel={onCancel}>
      <form onSubmit={submit} noValidate className="policy-form">
        <h2 id={`${id}-title`}>{title}</h2>
        {!editing && (
          <>
            <div className="field">
              <label htmlFor={`${id}-category`}>{t('web.sla.category')}</label>
              <select
                id={`${id}-category`}
                value={category}
                onChange={(e) => setCategory(e.target.value)}
              >
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(t, c)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-priority`}>{t('web.sla.priority')}</label>
              <select
                id={`${id}-priority`}
                value={priority}
                onChange={(e) => setPriority(e.target.value as CasePriority | '*')}
              >
                {(['*', ...CASE_PRIORITIES] as const).map((p) => (
                  <option key={p} value={p}>
                    {priorityLabel(t, p)}
                  </option>
                ))}
              </select>
            </div>
            {replaces && <p className="notice">{t('web.sla.add.replaces')}</p>}
          </>
        )}
        <p className="hint">{t('web.sla.business-time-hint')}</p>
        <DurationInput
          label={t('web.sla.first-response')}
          value={first}
          error={form.fieldErrors.firstResponseMinutes}
          onChange={setFirst}
        />
        <DurationInput
          label={t('web.sla.resolution')}
          value={resolution}
          error={form.fieldErrors.resolutionMinutes}
          onChange={setResolution}
        />
        <div className="field">
          <label htmlFor={`${id}-warn`}>{t('web.sla.warn-at')}</label>
          <p className="hint" id={`${id}-warn-hint`}>
            {t('web.sla.warn-at-hint')}
          </p>
          <input
            id={`${id}-warn`}
            className="percent"
            inputMode="numeric"
            maxLength={3}
            aria-describedby={`${id}-warn-hint${form.fieldErrors.warnAtShare ? ` ${id}-warn-error` : ''}`}
            aria-invalid={form.fieldErrors.warnAtShare ? true : undefined}
            value={warnPercent}
            onChange={(e) => setWarnPercent(e.target.value)}
          />
          {form.fieldErrors.warnAtShare && (
            <p className="form-error" role="alert" id={`${id}-warn-error`}>
              {form.fieldErrors.warnAtShare}
            </p>
          )}
        </div>
        <fieldset>
          <legend>{t('web.sla.on-breach')}</legend>
          {SLA_BREACH_ACTIONS.map((a) => (
            <div className="choice" key={a}>
              <input
                type="checkbox"
                id={`${id}-${a}`}
                checked={onBreach.includes(a)}
                onChange={(e) =>
                  setOnBreach((list) =>
                    e.target.checked ? [...list, a] : list.filter((x) => x !== a),
                  )
                }
              />
              <label htmlFor={`${id}-${a}`}>{t(`web.sla.breach.${a}`)}</label>
            </div>
          ))}
        </fieldset>
        <FormError message={form.error} />
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {t('web.sla.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('web.sla.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
