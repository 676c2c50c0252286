import type { DataCategory } from '@caredesk/core/consent';
import type { Relationship } from '@caredesk/core/patients';
import { api } from '../../api/client';

/** One person a signed-in caregiver helps, with what their consent allows right now. */
export interface HelpedPerson {
  patientId: string;
  name: string;
  relationship: Relationship;
  categories: DataCategory[];
  until: string | null;
}

/** GET /api/people-i-help: only people whose sharing is in force now. */
export const fetchPeopleIHelp = () =>
  api<{ items: HelpedPerson[] }>('GET', '/api/people-i-help').then((r) => r.items);
