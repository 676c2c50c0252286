import { useState } from 'react';
import { useT } from '../i18n/i18n-provider';
import { PatientSearch } from './patient-search/patient-search';
import { PatientSummaryLine } from './patient-search/patient-summary-line';
import type { PatientSummary } from './patient-search/search-patients';

export function ConsoleHome() {
  const t = useT();
  const [chosen, setChosen] = useState<PatientSummary | null>(null);
  return (
    <>
      <h1>{t('web.console.home.title')}</h1>
      <PatientSearch onOpen={setChosen} />
      {chosen && (
        <section className="chosen-patient" aria-live="polite" data-testid="chosen-patient">
          <h2>{t('web.console.patient.chosen')}</h2>
          <PatientSummaryLine patient={chosen} />
        </section>
      )}
    </>
  );
}
