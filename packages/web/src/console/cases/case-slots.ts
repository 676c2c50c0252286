import type { ReactNode } from 'react';
import type { CaseDetail, CasePatch, CaseStatus } from '../../cases/cases-api';

/** What the reply composer lends a macro picker. */
export interface ComposerHooks {
  /** Puts text into the reply box at the cursor (replacing any selection). */
  insertText: (text: string) => void;
  /** Whether the reply is a public answer or an internal note. */
  visibility: 'public' | 'internal';
  /**
   * Makes the next public reply also set this status (a macro's "set status"), shown
   * under the reply box until sent or dropped; null drops it.
   */
  setStatusOnSend: (status: CaseStatus | null) => void;
}

/** What a macro picker gets: the case (with `macroFacts` for its placeholders) and the composer. */
export interface MacroSlotProps extends ComposerHooks {
  detail: CaseDetail;
  /**
   * Changes the case now (a macro's category or tags), with the version the page read;
   * a change someone made meanwhile is said plainly and the page reloads.
   */
  changeCase: (patch: Pick<CasePatch, 'category' | 'tags'>) => Promise<void>;
}

/** What knowledge-base suggestions get: the case and its conversation, to search from. */
export interface KbSlotProps {
  detail: CaseDetail;
  /** Puts text (an article's link or passage) into the reply box. */
  insertText: (text: string) => void;
}

/**
 * Places on the case page kept for other parts of the desk (issue #5 points 6 and 7):
 * the macro picker above the reply box, knowledge-base suggestions beside the
 * conversation. Each renders inside an element marked data-slot="macro-picker" /
 * data-slot="kb-suggestions", which stays empty until given. Pass them to <CasePage
 * slots={...} /> in console-routes.tsx.
 */
export interface CaseSlots {
  macroPicker?: (props: MacroSlotProps) => ReactNode;
  kbSuggestions?: (props: KbSlotProps) => ReactNode;
}
