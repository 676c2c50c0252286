import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';

export type Resource<T> =
  | { kind: 'loading' }
  | { kind: 'ready'; value: T }
  /** Not found, or not for this person to see: the API answers both with 404. */
  | { kind: 'unavailable' }
  | { kind: 'failed' };

/** One GET for a section of a page; each section loads, and fails, on its own. */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [state, setState] = useState<Resource<T>>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    load().then(
      (value) => current && setState({ kind: 'ready', value }),
      (e: unknown) => {
        if (!current) return;
        const hidden = e instanceof ApiError && (e.status === 404 || e.status === 403);
        setState({ kind: hidden ? 'unavailable' : 'failed' });
      },
    );
    return () => {
      current = false;
    };
    // The caller names what the load depends on, as with useEffect.
  }, deps);
  return state;
}
