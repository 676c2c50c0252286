import { useEffect, useRef, useState } from 'react';
import type { SlaPolicy } from '@caredesk/core/service-desk';
import { useT } from '../../i18n/i18n-provider';
import { ConfirmDialog } from '../../shell/confirm-dialog';
import { useProblemSubmit } from '../admin/use-problem-submit';
import type { Said } from '../admin/said';
import { PolicyDialog } from './policy-dialog';
import { deletePolicy } from './sla-api';
import { categoryLabel, durationLabel, priorityLabel, sortPolicies } from './sla-labels';

/**
 * The targets of every category × priority cell that has its own, most general first. A
 * case takes the most specific one that matches it; the table says so above it.
 */
export function PoliciesSection({
  policies,
  onChange,
  onSaid,
}: {
  policies: SlaPolicy[];
  onChange: (next: SlaPolicy[]) => void;
  onSaid: (said: Said) => void;
}) {
  const t = useT();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [removing, setRemoving] = useState<SlaPolicy | null>(null);
  const remove = useProblemSubmit([]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Set when a removal took the row (and the button that opened the dialog) away: once the
  // dialog has closed and tried to give focus back, the section heading takes it instead.
  const focusHeading = useRef(false);
  useEffect(() => {
    if (removing || !focusHeading.current) return;
    focusHeading.current = false;
    heading.current?.focus();
  }, [removing]);
  const cell = (p: SlaPolicy) => ({
    category: categoryLabel(t, p.category),
    priority: priorityLabel(t, p.priority),
  });

  const saved = (policy: SlaPolicy) => {
    const others = policies.filter((p) => p.id !== policy.id);
    onChange(sortPolicies([...others, policy]));
    setEditing(null);
    onSaid({ key: 'web.sla.saved', values: cell(policy) });
  };

  const confirmRemove = async (policy: SlaPolicy) => {
    const done = await remove.run(() => deletePolicy(policy.id));
    if (!done) return;
    focusHeading.current = true;
    onChange(policies.filter((p) => p.id !== policy.id));
    setRemoving(null);
    onSaid({ key: 'web.sla.removed', values: cell(policy) });
  };

  return (
    <section className="admin-section" aria-labelledby="sla-targets-title">
      <h2 id="sla-targets-title" ref={heading} tabIndex={-1}>
        {t('web.sla.targets')}
      </h2>
      <p>{t('web.sla.targets-intro')}</p>
      {policies.length === 0 ? (
        <p>{t('web.sla.empty')}</p>
      ) : (
        <table className="sla-policies" data-testid="sla-policies">
          <thead>
            <tr>
              <th scope="col">{t('web.sla.category')}</th>
              <th scope="col">{t('web.sla.priority')}</th>
              <th scope="col">{t('web.sla.first-response')}</th>
              <th scope="col">{t('web.sla.resolution')}</th>
              <th scope="col">{t('web.sla.warn-at')}</th>
              <th scope="col">{t('web.sla.on-breach')}</th>
              <th scope="col">{t('web.sla.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <tr key={p.id}>
                <td data-label={t('web.sla.category')}>{categoryLabel(t, p.category)}</td>
                <td data-label={t('web.sla.priority')}>{priorityLabel(t, p.priority)}</td>
                <td data-label={t('web.sla.first-response')}>
                  {durationLabel(t, p.firstResponseMinutes)}
                </td>
                <td data-label={t('web.sla.resolution')}>
                  {durationLabel(t, p.resolutionMinutes)}
                </td>
                <td data-label={t('web.sla.warn-at')}>
                  {t('web.sla.percent', { value: Math.round(p.warnAtShare * 100) })}
                </td>
                <td data-label={t('web.sla.on-breach')}>
                  {p.onBreach.length === 0
                    ? t('web.sla.breach.none')
                    : p.onBreach.map((a) => t(`web.sla.breach.${a}`)).join(', ')}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    aria-label={t('web.sla.change-named', cell(p))}
                    onClick={() => setEditing(p)}
                  >
                    {t('web.sla.change')}
                  </button>
                  <button
                    type="button"
                    className="danger-outline"
                    aria-label={t('web.sla.remove-named', cell(p))}
                    onClick={() => setRemoving(p)}
                  >
                    {t('web.sla.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="add-target" onClick={() => setEditing('new')}>
        {t('web.sla.add')}
      </button>
      {editing && (
        <PolicyDialog
          editing={editing === 'new' ? null : editing}
          policies={policies}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('web.sla.remove.title', cell(removing))}
          confirm={t('web.sla.remove')}
          cancel={t('web.sla.cancel')}
          busy={remove.busy}
          error={remove.error}
          onConfirm={() => void confirmRemove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('web.sla.remove.body')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
