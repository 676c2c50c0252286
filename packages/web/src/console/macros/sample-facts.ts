import type { MacroFacts } from '@caredesk/core/service-desk';

/** Catalog lookups for the sample values, in the language the preview is shown in. */
export type Words = (key: string) => string;

/**
 * A believable case to fill a macro with while it is written: a patient named in the
 * preview's language, a due date two days from now at 15:00 in the viewer's time zone,
 * and the signed-in person as the agent. `unidentified` leaves the patient out, as for a
 * caller not yet identified.
 */
export function sampleFacts(
  words: Words,
  agentName: string,
  now: Date,
  unidentified = false,
): MacroFacts {
  const due = new Date(now);
  due.setDate(due.getDate() + 2);
  due.setHours(15, 0, 0, 0);
  return {
    'patient.firstName': unidentified ? null : words('web.macros.sample.first-name'),
    'patient.fullName': unidentified ? null : words('web.macros.sample.full-name'),
    'case.number': 'C-1042',
    'case.subject': words('web.macros.sample.case-subject'),
    'case.dueDate': due.toISOString(),
    'agent.firstName': agentName.split(/\s+/)[0] ?? agentName,
    'organization.name': words('web.macros.sample.organization'),
    'portal.link': `${globalThis.location?.origin ?? ''}/portal`,
  };
}
