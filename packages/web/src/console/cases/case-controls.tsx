import { useState } from 'react';
import type { FormEvent } from 'react';
import { CASE_PRIORITIES, CASE_STATUSES, canMove, type CasePriority } from '@caredesk/core/cases';
import type { CasePatch, CaseStatus, CaseView, StaffMember } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { priorityName, statusName } from './case-labels';
import { parseTags } from './case-tags';
import { CaseField } from './new-case-fields';
import type { Categories } from './use-categories';

/**
 * Status, priority, category, tags and (for those who may list staff) the assignee, saved
 * together with the version read: a change someone made meanwhile is refused by the
 * server (409) and the page says so and reloads. Remounted (keyed by version) after every
 * save, so it always starts from what the server holds.
 */
export function CaseControls({
  value,
  categories,
  staff,
  busy,
  onSave,
}: {
  value: CaseView;
  categories: Categories;
  staff: StaffMember[] | null;
  busy: boolean;
  onSave: (patch: Omit<CasePatch, 'version'>) => void;
}) {
  const t = useT();
  const [status, setStatus] = useState<CaseStatus>(value.status);
  const [priority, setPriority] = useState<CasePriority>(value.priority);
  const [category, setCategory] = useState(value.category);
  const [tags, setTags] = useState(value.tags.join(', '));
  const [assignee, setAssignee] = useState(value.assigneeId ?? '');

  // Only the moves the case's state machine allows from here (core/src/cases/case-status.ts).
  const statuses = CASE_STATUSES.filter((s) => s === value.status || canMove(value.status, s));
  const codes = categories.codes.includes(value.category)
    ? categories.codes
    : [value.category, ...categories.codes];
  const people =
    staff && value.assigneeId && !staff.some((s) => s.id === value.assigneeId)
      ? null // the assignee is not among those listed: keep the list from misleading
      : staff;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch: Omit<CasePatch, 'version'> = {};
    if (status !== value.status) patch.status = status;
    if (priority !== value.priority) patch.priority = priority;
    if (category !== value.category) patch.category = category;
    const nextTags = parseTags(tags);
    if (nextTags.join(',') !== value.tags.join(',')) patch.tags = nextTags;
    if (people && assignee !== (value.assigneeId ?? '')) patch.assigneeId = assignee || null;
    onSave(patch);
  };

  return (
    <section className="case-panel" aria-labelledby="case-controls-title">
      <h2 id="case-controls-title">{t('web.cases.controls.title')}</h2>
      <form onSubmit={submit} noValidate>
        <CaseField label={t('web.cases.column.status')}>
          {(c) => (
            <select {...c} value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {statusName(t, s)}
                </option>
              ))}
            </select>
          )}
        </CaseField>
        <CaseField label={t('web.cases.column.priority')}>
          {(c) => (
            <select
              {...c}
              value={priority}
              onChange={(e) => setPriority(e.target.value as CasePriority)}
            >
              {CASE_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {priorityName(t, p)}
                </option>
              ))}
            </select>
          )}
        </CaseField>
        <CaseField label={t('web.cases.column.category')}>
          {(c) => (
            <select {...c} value={category} onChange={(e) => setCategory(e.target.value)}>
              {codes.map((x) => (
                <option key={x} value={x}>
                  {categories.name(x)}
                </option>
              ))}
            </select>
          )}
        </CaseField>
        {people && (
          <CaseField label={t('web.cases.column.assignee')}>
            {(c) => (
              <select {...c} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                <option value="">{t('web.cases.assignee.nobody')}</option>
                {people.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName}
                  </option>
                ))}
              </select>
            )}
          </CaseField>
        )}
        <CaseField label={t('web.cases.tags')} hint={t('web.cases.tags.hint')}>
          {(c) => (
            <input
              {...c}
              autoComplete="off"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
            />
          )}
        </CaseField>
        <button type="submit" className="primary" disabled={busy}>
          {t('web.cases.controls.save')}
        </button>
      </form>
    </section>
  );
}
