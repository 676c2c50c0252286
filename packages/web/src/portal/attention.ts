import type { Consent, Patient } from '../patient-record/patient-api';

/** Sharing that ends within this many days is worth a word on the home page. */
export const SHARING_ENDS_SOON_DAYS = 14;

export type AttentionItem =
  | { kind: 'no-contact'; key: string }
  | { kind: 'sharing-ends'; key: string; name: string; ends: string; days: number };

const DAY_MS = 86_400_000;

/**
 * The home page's list, from the patient's own record and the consents in force:
 * - no phone and no e-mail: reminders and replies have nowhere to go;
 * - a caregiver's access that ends soon: renew it or let it lapse, but knowingly.
 */
export function attentionItems(input: {
  patient: Patient;
  consents: Consent[];
  /** Caregivers' names by RelatedPerson id. */
  names: ReadonlyMap<string, string>;
  now: Date;
}): AttentionItem[] {
  const items: AttentionItem[] = [];
  const reachable = input.patient.telecom.some((c) => c.system === 'phone' || c.system === 'email');
  if (!reachable) items.push({ kind: 'no-contact', key: 'no-contact' });
  const soon = input.now.getTime() + SHARING_ENDS_SOON_DAYS * DAY_MS;
  const ending = input.consents
    .filter((c) => c.periodEnd && Date.parse(c.periodEnd) <= soon)
    .sort((a, b) => Date.parse(a.periodEnd!) - Date.parse(b.periodEnd!));
  for (const c of ending) {
    const name = input.names.get(c.relatedPersonId);
    if (!name) continue;
    const days = Math.max(0, Math.ceil((Date.parse(c.periodEnd!) - input.now.getTime()) / DAY_MS));
    items.push({ kind: 'sharing-ends', key: c.id, name, ends: c.periodEnd!, days });
  }
  return items;
}
