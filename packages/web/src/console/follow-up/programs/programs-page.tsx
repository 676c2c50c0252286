import { Link } from 'react-router';
import { useLanguage, useT } from '../../../i18n/i18n-provider';
import { useResource } from '../../../patient-record/use-resource';
import '../../../styles/console-cases.css';
import '../../../styles/console-follow-up-programs.css';
import '../../../styles/console-routing.css';
import { inLanguage } from '../follow-up-labels';
import { triggerWords } from './program-labels';
import { fetchPrograms } from './programs-api';

/**
 * The organization's follow-up programs (issue #6 point 7): each with the version new
 * plans start under (or that it is retired), how many versions it has had, and what
 * starts it. A program opens in its editor.
 */
export function ProgramsPage() {
  const t = useT();
  const { language } = useLanguage();
  const loaded = useResource(fetchPrograms, []);
  const headers = [
    t('web.followUp.programs.column.name'),
    t('web.followUp.programs.column.trigger'),
    t('web.followUp.programs.column.active'),
    t('web.followUp.programs.column.versions'),
  ];
  return (
    <>
      <h1>{t('web.followUp.programs.title')}</h1>
      <p>{t('web.followUp.programs.intro')}</p>
      {loaded.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
      {(loaded.kind === 'failed' || loaded.kind === 'unavailable') && (
        <p role="alert">{t('web.error.network')}</p>
      )}
      {loaded.kind === 'ready' && loaded.value.length === 0 && (
        <p>{t('web.followUp.programs.empty')}</p>
      )}
      {loaded.kind === 'ready' && loaded.value.length > 0 && (
        <table className="case-table" role="table" data-testid="follow-up-programs">
          <caption className="visually-hidden">{t('web.followUp.programs.title')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {headers.map((h) => (
                <th key={h} role="columnheader" scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {loaded.value.map((p) => (
              <tr key={p.code} role="row">
                <td role="cell" className="case-title">
                  <Link to={`/console/follow-up/programs/${encodeURIComponent(p.code)}`}>
                    <span className="case-subject">
                      {inLanguage(p.latest.definition.name, language)}
                    </span>
                    <span className="case-ref">{p.code}</span>
                  </Link>
                </td>
                <td role="cell" data-label={headers[1]}>
                  {triggerWords(t, p.latest.definition.trigger)}
                </td>
                <td role="cell" data-label={headers[2]}>
                  {p.activeVersion === null
                    ? t('web.followUp.programs.retired')
                    : t('web.followUp.programs.version', { version: p.activeVersion })}
                </td>
                <td role="cell" data-label={headers[3]}>
                  {t('web.followUp.programs.versions', { count: p.versions })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
