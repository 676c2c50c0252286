import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-provider';
import type { HelpedPerson } from './helping-api';

/**
 * Whom the caregiver is looking at, and the others they can switch to: ordinary links
 * (Tab and Enter; the current one marked for screen readers), one address per person, so
 * the choice lives in the URL and never in a session (security brief §2: no "current
 * patient" kept in session state).
 */
export function PersonSwitcher({
  people,
  current,
}: {
  people: readonly HelpedPerson[];
  current: string;
}) {
  const t = useT();
  return (
    <nav className="person-switcher" aria-label={t('web.helping.switch')}>
      <ul>
        {people.map((p) => (
          <li key={p.patientId}>
            <Link
              to={`/portal/helping/${encodeURIComponent(p.patientId)}`}
              aria-current={p.patientId === current ? 'page' : undefined}
            >
              {p.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
