import { useSession } from '../../app/session';
import { MacroPicker, type InsertedMacro } from '../macros/macro-picker';
import type { MacroSlotProps } from './case-slots';

/** A macro's tag changes applied to the case's tags (added once, removed if present). */
export function tagsAfter(current: readonly string[], m: InsertedMacro): string[] {
  const remove = new Set(m.actions.removeTags ?? []);
  const kept = current.filter((t) => !remove.has(t));
  return [...kept, ...(m.actions.addTags ?? []).filter((t) => !kept.includes(t))];
}

/**
 * The macro picker in the case page's reply composer (issue #5 §6): the macro is filled
 * by the server in the patient's language with this case's facts; its text goes into
 * the reply box, a status it sets waits for the reply to be sent, and category and tag
 * changes are saved at once (with the version the page read).
 */
function CaseMacroPicker({ detail, insertText, setStatusOnSend, changeCase }: MacroSlotProps) {
  const { permissions } = useSession();
  if (!permissions.has('case.work')) return null;
  return (
    <MacroPicker
      language={detail.case.language}
      facts={detail.macroFacts ?? {}}
      onInsert={(m) => {
        insertText(m.body);
        setStatusOnSend(m.actions.setStatus ?? null);
        const tags = tagsAfter(detail.case.tags, m);
        const tagsChanged = tags.join(',') !== detail.case.tags.join(',');
        const category =
          m.actions.setCategory && m.actions.setCategory !== detail.case.category
            ? m.actions.setCategory
            : undefined;
        if (category || tagsChanged)
          void changeCase({ ...(category ? { category } : {}), ...(tagsChanged ? { tags } : {}) });
      }}
    />
  );
}

export const caseMacroSlot = (props: MacroSlotProps) => <CaseMacroPicker {...props} />;
