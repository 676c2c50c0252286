import { Link } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';
import type { KbSlotProps } from './case-slots';

interface Suggestion {
  id: string;
  audience: 'internal' | 'patient';
  title: string;
  excerpt: string;
  /** Not in the case's language: shown in another. */
  fallback: boolean;
}

/**
 * Articles that may answer this case (issue #5 §7), found by the server from the case's
 * own words; a patient-facing one can be linked in the reply, an internal one is for the
 * agent to read.
 */
function CaseKbSuggestions({ detail, insertText }: KbSlotProps) {
  const t = useT();
  const { permissions } = useSession();
  const caseId = detail.case.id;
  const found = useResource(
    () => api<{ items: Suggestion[] }>('GET', `/api/cases/${caseId}/kb-suggestions`),
    [caseId, permissions.has('kb.read')],
  );
  if (!permissions.has('kb.read') || found.kind !== 'ready' || found.value.items.length === 0)
    return null;
  return (
    <section aria-labelledby="kb-suggest-heading" className="kb-suggestions">
      <h2 id="kb-suggest-heading">{t('web.kb-suggest.title')}</h2>
      <ul>
        {found.value.items.map((a) => (
          <li key={a.id}>
            <Link to={`/console/knowledge/${a.id}`}>{a.title}</Link>
            {a.audience === 'internal' && <span> ({t('web.kb-suggest.internal')})</span>}
            <p>{a.excerpt}</p>
            {a.audience === 'patient' && (
              <button
                type="button"
                onClick={() =>
                  insertText(`${a.title}: ${window.location.origin}/portal/help-articles/${a.id}`)
                }
              >
                {t('web.kb-suggest.insert')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const caseKbSlot = (props: KbSlotProps) => <CaseKbSuggestions {...props} />;
