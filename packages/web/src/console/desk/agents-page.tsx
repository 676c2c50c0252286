import { useCallback, useEffect, useState } from 'react';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import type { Said } from '../admin/said';
import '../../styles/console-admin.css';
import '../../styles/console-routing.css';
import { AgentForm } from './agent-form';
import { fetchAgents, type Agent } from './routing-api';
import { availabilityName, categoryName, languageName, listOr } from './routing-labels';

/**
 * Everyone who works cases, with what routing knows about them (issue #5 point 3,
 * permission desk.configure): the languages they serve patients in, their skills, how
 * many cases they hold at once, and whether they take new ones now.
 *
 * On a phone each row becomes a card; the explicit roles keep it a table for screen
 * readers once CSS has changed how it is drawn.
 */
export function AgentsPage() {
  const t = useT();
  const { language } = useLanguage();
  const [agents, setAgents] = useState<Agent[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [said, setSaid] = useState<Said | null>(null);
  const [editing, setEditing] = useState<Agent | null>(null);

  const load = useCallback(async () => {
    try {
      setAgents(await fetchAgents());
      setState('ready');
    } catch {
      setState('failed');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const saved = (agent: Agent) => {
    setAgents((list) => list.map((a) => (a.accountId === agent.accountId ? agent : a)));
    setSaid({ key: 'web.routing.agents.saved', values: { name: agent.displayName } });
    setEditing(null);
  };

  const headers = [
    t('web.routing.agents.name'),
    t('web.routing.agents.languages'),
    t('web.routing.agents.skills'),
    t('web.routing.agents.capacity'),
    t('web.routing.agents.availability'),
  ];
  return (
    <>
      <h1>{t('web.routing.agents.title')}</h1>
      <p>{t('web.routing.agents.intro')}</p>
      <div role="status" className={said ? 'notice announcement' : undefined}>
        {said && t(said.key, said.values)}
      </div>
      {state === 'loading' && <p role="status">{t('web.loading')}</p>}
      {state === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {state === 'ready' && agents.length === 0 && <p>{t('web.routing.agents.empty')}</p>}
      {state === 'ready' && agents.length > 0 && (
        <table className="agents" role="table" data-testid="agents">
          <caption className="visually-hidden">{t('web.routing.agents.title')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {headers.map((h) => (
                <th key={h} role="columnheader" scope="col">
                  {h}
                </th>
              ))}
              <th role="columnheader" scope="col">
                <span className="visually-hidden">{t('web.routing.agents.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {agents.map((a) => (
              <tr key={a.accountId} role="row">
                <td role="cell" className="agent-name">
                  <strong>{a.displayName}</strong>
                  <span className="secondary">{a.email}</span>
                  {!a.configured && (
                    <span className="secondary">{t('web.routing.agents.defaults')}</span>
                  )}
                </td>
                <td role="cell" data-label={headers[1]}>
                  {listOr(
                    a.languages.map((l) => languageName(language, l)),
                    t('web.routing.none'),
                  )}
                </td>
                <td role="cell" data-label={headers[2]}>
                  {listOr(
                    a.categories.map((c) => categoryName(t, c)),
                    t('web.routing.none'),
                  )}
                </td>
                <td role="cell" data-label={headers[3]}>
                  {a.capacity}
                </td>
                <td role="cell" data-label={headers[4]}>
                  <span className={`availability ${a.availability}`}>
                    {availabilityName(t, a.availability)}
                  </span>
                </td>
                <td role="cell" className="agent-actions">
                  <button
                    type="button"
                    aria-label={t('web.routing.edit-named', { name: a.displayName })}
                    onClick={() => setEditing(a)}
                  >
                    {t('web.routing.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <AgentForm agent={editing} onSaved={saved} onCancel={() => setEditing(null)} />}
    </>
  );
}
