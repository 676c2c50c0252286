import type { MacroActions } from '@caredesk/core/service-desk';
import { useT } from '../../i18n/i18n-provider';
import { categoryLabel, STATUS_LABEL } from './macro-labels';

/** What the macro will also do to the case, in plain words, before anyone uses it. */
export function MacroActionsSummary({ actions }: { actions: MacroActions }) {
  const t = useT();
  const lines: string[] = [];
  if (actions.setStatus)
    lines.push(t('web.macros.does.status', { status: t(STATUS_LABEL[actions.setStatus]) }));
  if (actions.setCategory)
    lines.push(t('web.macros.does.category', { category: categoryLabel(t, actions.setCategory) }));
  if (actions.addTags?.length)
    lines.push(t('web.macros.does.add-tags', { tags: actions.addTags.join(', ') }));
  if (actions.removeTags?.length)
    lines.push(t('web.macros.does.remove-tags', { tags: actions.removeTags.join(', ') }));
  if (lines.length === 0) return null;
  return (
    <div className="macro-does">
      <p>{t('web.macros.does.title')}</p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
