import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { Page } from './clinical-api';
import type { Resource } from './use-resource';

export interface Pages<T> {
  /** Everything loaded so far, as one resource (the first page decides its state). */
  resource: Resource<T[]>;
  /** Whether a further page is there to load. */
  hasMore: boolean;
  /** A further page is on its way. */
  loadingMore: boolean;
  /** A further page failed: what is shown stays, and `more` may be tried again. */
  moreFailed: boolean;
  /** Loads the next page (nothing when there is none or one is on its way). */
  more: () => void;
}

/**
 * A keyset-paged list for one section of a page: the first page on mount (and whenever
 * `deps` change), the following ones on request, appended.
 */
export function usePages<T>(
  load: (cursor: string | null) => Promise<Page<T>>,
  deps: readonly unknown[],
): Pages<T> {
  const [resource, setResource] = useState<Resource<T[]>>({ kind: 'loading' });
  const [next, setNext] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  // A page that arrives after `deps` changed belongs to the list before: it is dropped.
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    setResource({ kind: 'loading' });
    setNext(null);
    setLoadingMore(false);
    setMoreFailed(false);
    load(null).then(
      (page) => {
        if (mine !== generation.current) return;
        setResource({ kind: 'ready', value: page.items });
        setNext(page.nextCursor);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        const hidden = e instanceof ApiError && (e.status === 404 || e.status === 403);
        setResource({ kind: hidden ? 'unavailable' : 'failed' });
      },
    );
    // The caller names what the load depends on, as with useEffect.
  }, deps);

  const more = useCallback(() => {
    if (!next || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    load(next).then(
      (page) => {
        if (mine !== generation.current) return;
        setResource((before) =>
          before.kind === 'ready'
            ? { kind: 'ready', value: [...before.value, ...page.items] }
            : before,
        );
        setNext(page.nextCursor);
        setMoreFailed(false);
        setLoadingMore(false);
      },
      () => {
        if (mine !== generation.current) return;
        setMoreFailed(true);
        setLoadingMore(false);
      },
    );
    // `load` is the caller's closure over `deps`; `next` moves from page to page.
  }, [next, loadingMore, ...deps]);

  return { resource, hasMore: next !== null, loadingMore, moreFailed, more };
}
