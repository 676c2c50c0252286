import { cleanTelecom, issue, type Ctx, type Validated } from './field-checks';
import { normalizeLanguage } from './language';
import type { Patient } from './patient';

/**
 * How the clinic reaches a patient: contact points, the language and channel to use, and
 * the hours to keep quiet. The part of the record a patient keeps up to date themselves
 * (portal "My profile"); names, identifiers, birth date and the rest stay with staff.
 */
export type ContactPreferences = Pick<
  Patient,
  'telecom' | 'preferredLanguage' | 'preferredChannel' | 'quietHours'
>;

export const CONTACT_PREFERENCE_FIELDS = [
  'telecom',
  'preferredLanguage',
  'preferredChannel',
  'quietHours',
] as const satisfies ReadonlyArray<keyof ContactPreferences>;

export const MAX_CONTACTS = 20;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks and canonicalises contact preferences into `ctx`: E.164 phones, lower-cased
 * e-mails, a BCP-47 language (Norwegian as `nb`), HH:MM quiet hours in a known zone.
 * Shared by the whole-record update and the patient's own one, so both agree.
 */
export function cleanContactPreferences(
  ctx: Ctx,
  input: ContactPreferences,
  defaultCountry: string,
): ContactPreferences {
  if (input.telecom.length > MAX_CONTACTS) {
    issue(ctx, 'telecom', 'validation.list.tooMany', `telecom: at most ${MAX_CONTACTS}`);
  }
  const language = normalizeLanguage(input.preferredLanguage);
  if (language === null) {
    issue(ctx, 'preferredLanguage', 'validation.language.invalid', 'not a BCP-47 language tag');
  }
  if (input.quietHours) {
    const q = input.quietHours;
    if (!HHMM.test(q.start) || !HHMM.test(q.end)) {
      issue(ctx, 'quietHours', 'validation.time.invalid', 'quiet hours are HH:MM');
    }
    if (!isTimeZone(q.timeZone)) {
      issue(ctx, 'quietHours/timeZone', 'validation.timeZone.invalid', 'unknown IANA time zone');
    }
  }
  return {
    telecom: input.telecom.map((c, i) => cleanTelecom(ctx, `telecom/${i}`, c, defaultCountry)),
    preferredLanguage: language ?? input.preferredLanguage,
    preferredChannel: input.preferredChannel,
    quietHours: input.quietHours,
  };
}

/** Checks a patient's own update of how to reach them (the portal profile). */
export function validateContactPreferences(
  input: ContactPreferences,
  opts: { defaultCountry?: string } = {},
): Validated<ContactPreferences> {
  const ctx: Ctx = { issues: [] };
  const value = cleanContactPreferences(ctx, input, opts.defaultCountry ?? 'US');
  return ctx.issues.length > 0 ? { ok: false, issues: ctx.issues } : { ok: true, value };
}
