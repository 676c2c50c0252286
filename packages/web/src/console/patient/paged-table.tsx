import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n-provider';
import type { Pages } from '../../patient-record/use-pages';
import { Section } from './section';

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  /** A column most records leave empty: shown only when one of those listed has it. */
  shownWhen?: (item: T) => boolean;
}

/**
 * A section of the patient page holding a compact table, newest first, with "show more"
 * for the next page. On a narrow screen the table scrolls inside its own labelled,
 * focusable region, never the page. When the last page comes in the button goes away,
 * and focus moves to the table rather than being lost.
 */
export function PagedTable<T>({
  title,
  pages,
  empty,
  moreLabel,
  columns,
  rowKey,
  rowClass,
  testId,
}: {
  title: string;
  pages: Pages<T>;
  empty: string;
  moreLabel: string;
  columns: Column<T>[];
  rowKey: (item: T) => string;
  rowClass?: (item: T) => string | undefined;
  testId?: string;
}) {
  const t = useT();
  const region = useRef<HTMLDivElement>(null);
  const askedForMore = useRef(false);
  const { hasMore, loadingMore, moreFailed, more } = pages;
  useEffect(() => {
    if (!askedForMore.current || loadingMore) return;
    askedForMore.current = false;
    if (!hasMore) region.current?.focus();
  }, [hasMore, loadingMore]);

  return (
    <Section title={title} resource={pages.resource} empty={empty}>
      {(items) => {
        const shown = columns.filter((c) => !c.shownWhen || items.some(c.shownWhen));
        return (
          <>
            <div
              className="table-scroll"
              tabIndex={0}
              role="region"
              aria-label={title}
              ref={region}
            >
              <table className="paged-table" data-testid={testId}>
                <thead>
                  <tr>
                    {shown.map((c) => (
                      <th scope="col" key={c.header}>
                        {c.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={rowKey(item)} className={rowClass?.(item)}>
                      {shown.map((c) => (
                        <td key={c.header}>{c.cell(item)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {hasMore && (
              <button
                type="button"
                className="link"
                aria-disabled={loadingMore}
                onClick={() => {
                  askedForMore.current = true;
                  more();
                }}
              >
                {moreLabel}
              </button>
            )}
            {loadingMore && <p role="status">{t('web.loading')}</p>}
            {moreFailed && <p role="alert">{t('web.error.network')}</p>}
          </>
        );
      }}
    </Section>
  );
}
