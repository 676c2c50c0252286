import { randomUUID } from 'node:crypto';
import type { TestDatabase } from '../../../storage/testing/test-database';

/** An open service-desk case about a patient, as the desk would have it. */
export async function openCase(
  t: TestDatabase,
  organizationId: string,
  patientId: string,
): Promise<string> {
  const id = randomUUID();
  const at = '2026-11-23T09:00:00.000Z';
  await t.database.db
    .insertInto('cases')
    .values({
      id,
      organization_id: organizationId,
      number: 1,
      patient_id: patientId,
      caller: null,
      channel: 'phone',
      category: 'general',
      priority: 'routine',
      status: 'open',
      is_active: 1,
      subject: 'Question about discharge letter',
      language: 'lv',
      assignee_id: null,
      team_id: null,
      queue_id: null,
      tags: '[]',
      links: '[]',
      reply_token: id,
      created_by: null,
      created_at: at,
      updated_at: at,
      status_changed_at: at,
      first_response_at: null,
      resolved_at: null,
      closed_at: null,
      verified_at: null,
      sla_policy_id: null,
      sla_first_response_due: null,
      sla_resolution_due: null,
      sla_state: 'none',
      sla_sort: '9999',
      sla_next_check_at: null,
      sla_pauses: '[]',
      version: 1,
    })
    .execute();
  return id;
}
