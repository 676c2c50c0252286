import type { ReactNode } from 'react';
import type { DataCategory } from '@caredesk/core/consent';
import { useT } from '../../i18n/i18n-provider';
import type { Resource } from '../../patient-record/use-resource';
import { sectionKey } from '../caregivers/invite-fields';

/** One part of the shared record, titled by its category in plain words. */
export function HelpingSection({
  category,
  shared,
  children,
}: {
  category: DataCategory;
  shared: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const id = `helping-${category}`;
  return (
    <section
      className={shared ? 'patient-section' : 'patient-section not-shared'}
      aria-labelledby={id}
      data-testid={`section-${category}`}
    >
      <h2 id={id}>{t(sectionKey(category))}</h2>
      {children}
    </section>
  );
}

/**
 * A shared section's own loading, ended and failed states. A 404 here means the sharing
 * stopped after the page loaded (the server decides on every request): say so plainly.
 */
export function SectionBody<T>({
  resource,
  name,
  children,
}: {
  resource: Resource<T>;
  name: string;
  children: (value: T) => ReactNode;
}) {
  const t = useT();
  switch (resource.kind) {
    case 'loading':
      return <p role="status">{t('web.loading')}</p>;
    case 'unavailable':
      return <p role="alert">{t('web.helping.section-ended', { name })}</p>;
    case 'failed':
      return <p role="alert">{t('web.error.network')}</p>;
    case 'ready':
      return children(resource.value);
  }
}
