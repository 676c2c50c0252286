import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-provider';
import type { Resource } from '../../patient-record/use-resource';

/** A titled part of the patient page, with its own loading, hidden and failed states. */
export function Section<T>({
  title,
  resource,
  empty,
  children,
}: {
  title: string;
  resource: Resource<T[]>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const t = useT();
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="patient-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {resource.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
      {resource.kind === 'unavailable' && <p>{t('web.patient.section-hidden')}</p>}
      {resource.kind === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {resource.kind === 'ready' &&
        (resource.value.length === 0 ? <p>{empty}</p> : children(resource.value))}
    </section>
  );
}
