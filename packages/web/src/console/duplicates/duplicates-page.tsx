import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-provider';
import '../../styles/console-admin.css';
import { DuplicatePairItem, type MergeOutcome } from './duplicate-pair';
import { fetchDuplicates, pairKey, type DuplicatePair } from './duplicates-api';

/** What was decided last, as a message key, so a change of language says it again. */
type Announcement =
  { kind: 'merged'; survivorId: string } | { kind: 'dismissed'; first: string; second: string };

const headingIdOf = (p: DuplicatePair) => `pair-${p.patientId}-${p.candidateId}`;

/**
 * Duplicate review (issue #4 point 4, permission patient.merge): the pairs the registry
 * flagged, each compared side by side and then merged or marked as two people. A decided
 * pair leaves the list, focus moves to the next one, and what happened is announced.
 */
export function DuplicatesPage() {
  const t = useT();
  const [pairs, setPairs] = useState<DuplicatePair[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [said, setSaid] = useState<Announcement | null>(null);
  // Where focus goes once a decided pair has left the list: a pair's heading id, or '' for the title.
  const focusNext = useRef<string | null>(null);
  const [moved, setMoved] = useState(0);
  // Bumped for a record that a merge changed: pairs naming it are read again.
  const [stamps, setStamps] = useState<Record<string, number>>({});
  const title = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async (cursor: string | null) => {
    try {
      const page = await fetchDuplicates(cursor);
      setPairs((before) => {
        const known = new Set(before.map(pairKey));
        return cursor
          ? [...before, ...page.items.filter((p) => !known.has(pairKey(p)))]
          : page.items;
      });
      setNext(page.nextCursor);
      setState('ready');
    } catch {
      setState('failed');
    }
  }, []);
  useEffect(() => {
    void load(null);
  }, [load]);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    (target === '' ? title.current : document.getElementById(target))?.focus();
  }, [moved]);

  /** Takes decided pairs off the list and puts focus on the pair that took their place. */
  const remove = (gone: (p: DuplicatePair) => boolean) => {
    setPairs((before) => {
      const first = before.findIndex(gone);
      const left = before.filter((p) => !gone(p));
      const target = left[Math.min(first, left.length - 1)];
      focusNext.current = target ? headingIdOf(target) : '';
      return left;
    });
    setMoved((n) => n + 1);
  };

  const merged = (pair: DuplicatePair, { kept, gone }: MergeOutcome) => {
    // Pairs naming the merged-away record have nothing left to decide (the server hides them too).
    remove((p) => pairKey(p) === pairKey(pair) || [p.patientId, p.candidateId].includes(gone.id));
    setStamps((s) => ({ ...s, [kept.id]: (s[kept.id] ?? 0) + 1 }));
    setSaid({ kind: 'merged', survivorId: kept.id });
  };

  const dismissed = (pair: DuplicatePair, [first, second]: [string, string]) => {
    remove((p) => pairKey(p) === pairKey(pair));
    setSaid({ kind: 'dismissed', first, second });
  };

  return (
    <>
      <h1 ref={title} tabIndex={-1}>
        {t('web.duplicates.title')}
      </h1>
      <p>{t('web.duplicates.intro')}</p>
      <div role="status" className={said ? 'notice announcement' : undefined}>
        {said?.kind === 'dismissed' &&
          t('web.duplicates.dismissed', { first: said.first, second: said.second })}
        {said?.kind === 'merged' && (
          <>
            {t('web.duplicates.merged')}{' '}
            <Link to={`/console/patients/${said.survivorId}`}>
              {t('web.duplicates.open-survivor')}
            </Link>
          </>
        )}
      </div>
      {state === 'loading' && <p role="status">{t('web.loading')}</p>}
      {state === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {state === 'ready' && pairs.length === 0 && !next && <p>{t('web.duplicates.empty')}</p>}
      {pairs.length > 0 && (
        <ol className="plain duplicate-pairs" data-testid="duplicate-pairs">
          {pairs.map((p) => (
            <DuplicatePairItem
              // A new key reads the records again after a merge changed one of them.
              key={`${pairKey(p)}:${stamps[p.patientId] ?? 0}:${stamps[p.candidateId] ?? 0}`}
              pair={p}
              headingId={headingIdOf(p)}
              onMerged={(outcome) => merged(p, outcome)}
              onDismissed={(names) => dismissed(p, names)}
            />
          ))}
        </ol>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {t('web.duplicates.more')}
        </button>
      )}
    </>
  );
}
