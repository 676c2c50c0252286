import { useId, useState } from 'react';
import type { BusinessCalendar } from '@caredesk/core/service-desk';
import { useT } from '../../i18n/i18n-provider';
import type { Said } from '../admin/said';
import { CalendarEditor } from './calendar-editor';
import type { CalendarListing } from './sla-api';

/**
 * Business hours the targets are counted in: the organization's default, and any team's
 * own (a nurse line open around the clock, a billing office with shorter hours).
 */
export function CalendarSection({
  listing,
  onChange,
  onSaid,
}: {
  listing: CalendarListing;
  onChange: (next: CalendarListing) => void;
  onSaid: (said: Said) => void;
}) {
  const t = useT();
  const id = useId();
  const [scope, setScope] = useState('default');
  const team = listing.teams.find((x) => x.teamId === scope);
  const initial = team?.calendar ?? listing.organizationDefault.calendar;

  const saved = (calendar: BusinessCalendar) => {
    const at = new Date().toISOString();
    onChange(
      scope === 'default'
        ? { ...listing, organizationDefault: { calendar, source: 'default', updatedAt: at } }
        : {
            ...listing,
            teams: listing.teams.map((x) =>
              x.teamId === scope ? { ...x, calendar, updatedAt: at } : x,
            ),
          },
    );
    onSaid(
      team
        ? { key: 'web.sla.calendar.saved-team', values: { team: team.name } }
        : { key: 'web.sla.calendar.saved-default' },
    );
  };

  return (
    <section className="admin-section" aria-labelledby="sla-calendar-title">
      <h2 id="sla-calendar-title">{t('web.sla.calendar.title')}</h2>
      <p>{t('web.sla.calendar.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-scope`}>{t('web.sla.calendar.which')}</label>
        <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="default">{t('web.sla.calendar.default')}</option>
          {listing.teams.map((x) => (
            <option key={x.teamId} value={x.teamId}>
              {t('web.sla.calendar.team', { team: x.name })}
            </option>
          ))}
        </select>
      </div>
      {team && !team.calendar && (
        <p className="notice">{t('web.sla.calendar.team-uses-default')}</p>
      )}
      {!team && listing.organizationDefault.source === 'organization' && (
        <p className="notice">{t('web.sla.calendar.from-organization')}</p>
      )}
      {/* A fresh editor per calendar (the key), so nothing typed for one leaks into another. */}
      <CalendarEditor key={scope} teamId={scope} initial={initial} onSaved={saved} />
    </section>
  );
}
