import { useEffect, useState } from 'react';
import type { SlaPolicy } from '@caredesk/core/service-desk';
import { useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';
import '../../styles/console-admin.css';
import '../../styles/console-sla.css';
import type { Said } from '../admin/said';
import { CalendarSection } from './calendar-section';
import { PoliciesSection } from './policies-section';
import { fetchCalendars, fetchPolicies, type CalendarListing } from './sla-api';
import { sortPolicies } from './sla-labels';

/**
 * SLA configuration for supervisors (issue #5 §2, permission desk.configure): the
 * first-response and resolution targets per case category and priority, and the
 * business hours they are counted in. Every change is recorded in the audit trail.
 */
export function SlaPage() {
  const t = useT();
  const loadedPolicies = useResource(fetchPolicies, []);
  const loadedCalendars = useResource(fetchCalendars, []);
  const [policies, setPolicies] = useState<SlaPolicy[] | null>(null);
  const [calendars, setCalendars] = useState<CalendarListing | null>(null);
  const [said, setSaid] = useState<Said | null>(null);
  useEffect(() => {
    if (loadedPolicies.kind === 'ready') setPolicies(sortPolicies(loadedPolicies.value));
  }, [loadedPolicies]);
  useEffect(() => {
    if (loadedCalendars.kind === 'ready') setCalendars(loadedCalendars.value);
  }, [loadedCalendars]);
  const failed = loadedPolicies.kind === 'failed' || loadedCalendars.kind === 'failed';

  return (
    <>
      <h1>{t('web.sla.title')}</h1>
      <p>{t('web.sla.intro')}</p>
      <div role="status" className={said ? 'notice announcement' : undefined}>
        {said && t(said.key, said.values)}
      </div>
      {failed && <p role="alert">{t('web.error.network')}</p>}
      {(!policies || !calendars) && !failed && <p role="status">{t('web.loading')}</p>}
      {policies && <PoliciesSection policies={policies} onChange={setPolicies} onSaid={setSaid} />}
      {calendars && (
        <CalendarSection listing={calendars} onChange={setCalendars} onSaid={setSaid} />
      )}
    </>
  );
}
