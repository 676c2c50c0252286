import { Link } from 'react-router';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';

interface QueueLoad {
  queueId: string | null;
  name: string | null;
  active: number;
  unassigned: number;
  warning: number;
  breached: number;
}

interface AgentLoad {
  accountId: string;
  name: string;
  active: number;
  breached: number;
}

const fetchOverview = () =>
  api<{ queues: QueueLoad[]; agents: AgentLoad[] }>('GET', '/api/desk/overview');

/**
 * The supervisor's view of the desk (issue #5 §3, case.supervise): per queue the active
 * cases, how many nobody has yet, and how many are warning or breached; per agent their
 * load. Queues with breaches come first.
 */
export function DeskOverviewPage() {
  const t = useT();
  const overview = useResource(fetchOverview, []);
  return (
    <>
      <h1>{t('web.desk-overview.title')}</h1>
      <p>
        <Link to="/console/cases?view=unassigned">{t('web.desk-overview.open-unassigned')}</Link>
        {' · '}
        <Link to="/console/cases?view=breaching">{t('web.desk-overview.open-breaching')}</Link>
      </p>
      {overview.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
      {(overview.kind === 'failed' || overview.kind === 'unavailable') && (
        <p role="alert">{t('web.error.network')}</p>
      )}
      {overview.kind === 'ready' && (
        <>
          <h2>{t('web.desk-overview.queues')}</h2>
          {overview.value.queues.length === 0 ? (
            <p>{t('web.desk-overview.nothing-active')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('web.desk-overview.queue')}</th>
                    <th scope="col">{t('web.desk-overview.active')}</th>
                    <th scope="col">{t('web.desk-overview.unassigned')}</th>
                    <th scope="col">{t('web.desk-overview.warning')}</th>
                    <th scope="col">{t('web.desk-overview.breached')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.value.queues.map((q) => (
                    <tr key={q.queueId ?? 'none'}>
                      <th scope="row">{q.name ?? t('web.desk-overview.no-queue')}</th>
                      <td>{q.active}</td>
                      <td>{q.unassigned}</td>
                      <td>{q.warning}</td>
                      <td className={q.breached > 0 ? 'overdue' : undefined}>{q.breached}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>{t('web.desk-overview.agents')}</h2>
          {overview.value.agents.length === 0 ? (
            <p>{t('web.desk-overview.nothing-active')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('web.desk-overview.agent')}</th>
                    <th scope="col">{t('web.desk-overview.active')}</th>
                    <th scope="col">{t('web.desk-overview.breached')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.value.agents.map((a) => (
                    <tr key={a.accountId}>
                      <th scope="row">{a.name}</th>
                      <td>{a.active}</td>
                      <td className={a.breached > 0 ? 'overdue' : undefined}>{a.breached}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
