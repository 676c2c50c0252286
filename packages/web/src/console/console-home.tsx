import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n-provider';
import { PatientSearch } from './patient-search/patient-search';

export function ConsoleHome() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <h1>{t('web.console.home.title')}</h1>
      <PatientSearch onOpen={(p) => void navigate(`/console/patients/${p.id}`)} />
    </>
  );
}
