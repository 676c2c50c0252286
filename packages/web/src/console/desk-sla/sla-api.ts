import type { BusinessCalendar, SlaPolicy, SlaPolicyInput } from '@caredesk/core/service-desk';
import { api } from '../../api/client';

/** GET /api/desk/calendars: the calendar teams share, and each team's own (or null). */
export interface CalendarListing {
  organizationDefault: {
    calendar: BusinessCalendar;
    /** 'organization': taken from the clinic's record until someone saves a default. */
    source: 'default' | 'organization';
    updatedAt: string | null;
  };
  teams: Array<{
    teamId: string;
    name: string;
    calendar: BusinessCalendar | null;
    updatedAt: string | null;
  }>;
}

export const fetchPolicies = () =>
  api<{ items: SlaPolicy[] }>('GET', '/api/desk/sla-policies').then((r) => r.items);

/** Sets the targets of one category × priority cell, creating or replacing its policy. */
export const savePolicy = (input: SlaPolicyInput) =>
  api<SlaPolicy>('PUT', '/api/desk/sla-policies', input);

export const deletePolicy = (id: string) =>
  api<undefined>('DELETE', `/api/desk/sla-policies/${encodeURIComponent(id)}`);

export const fetchCalendars = () => api<CalendarListing>('GET', '/api/desk/calendars');

/** Saves a team's calendar, or the organization's default for teamId 'default'. */
export const saveCalendar = (teamId: string, calendar: BusinessCalendar) =>
  api<{ calendar: BusinessCalendar }>(
    'PUT',
    `/api/desk/calendars/${encodeURIComponent(teamId)}`,
    calendar,
  ).then((r) => r.calendar);
