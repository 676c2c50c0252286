import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { searchHelpArticles, type KbHit } from '../../knowledge/kb-api';
import { useDebounced } from '../../knowledge/use-debounced';

/**
 * Sends education from the knowledge base (issue #6 point 4): staff find a published
 * patient article and send it; the patient gets its title and link on the case, in the
 * case's language, and the step is done.
 */
export function EducationForm({
  busy,
  preset,
  onSend,
}: {
  busy: boolean;
  /** The program's own choice of article, when it names one. */
  preset: string | null;
  onSend: (articleId: string) => Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const { language } = useLanguage();
  const [q, setQ] = useState('');
  const query = useDebounced(q, 300);
  const [hits, setHits] = useState<KbHit[]>([]);
  const [chosen, setChosen] = useState<string | null>(preset);
  useEffect(() => {
    let live = true;
    searchHelpArticles({ q: query, category: '', language }, null)
      .then((page) => live && setHits(page.items.slice(0, 8)))
      .catch(() => live && setHits([]));
    return () => {
      live = false;
    };
  }, [query, language]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (chosen) await onSend(chosen);
  };
  return (
    <form className="follow-up-form" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('web.followUp.education.legend')}</legend>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('web.followUp.education.search')}</label>
          <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        {hits.length === 0 ? (
          <p>{t('web.followUp.education.none')}</p>
        ) : (
          <ul className="plain follow-up-articles">
            {hits.map((hit) => (
              <li key={hit.id}>
                <label>
                  <input
                    type="radio"
                    name={`${id}-article`}
                    value={hit.id}
                    checked={chosen === hit.id}
                    onChange={() => setChosen(hit.id)}
                  />{' '}
                  {hit.title}
                </label>
              </li>
            ))}
          </ul>
        )}
        <button type="submit" className="primary" disabled={busy || !chosen}>
          {t('web.followUp.education.send')}
        </button>
      </fieldset>
    </form>
  );
}
