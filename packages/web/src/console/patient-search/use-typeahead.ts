import { useEffect, useRef, useState } from 'react';
import { searchPatients, type PatientSummary } from './search-patients';

/** Pause after the last keystroke before asking: one search per word typed, not per letter. */
const DEBOUNCE_MS = 150;

export type TypeaheadState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'results'; items: PatientSummary[] }
  | { kind: 'failed'; message: string };

/**
 * Search as you type. Only the newest query's answer is shown: an older, slower one
 * arriving late would otherwise replace it.
 */
export function useTypeahead(query: string): TypeaheadState {
  const [state, setState] = useState<TypeaheadState>({ kind: 'idle' });
  const latest = useRef(0);
  useEffect(() => {
    const q = query.trim();
    const ticket = ++latest.current;
    if (q.length === 0) {
      setState({ kind: 'idle' });
      return;
    }
    setState({ kind: 'searching' });
    const timer = setTimeout(() => {
      searchPatients(q).then(
        (page) => ticket === latest.current && setState({ kind: 'results', items: page.items }),
        (e: Error) => ticket === latest.current && setState({ kind: 'failed', message: e.message }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  return state;
}
