import { isCalendarDate } from '../shared/dates';
import { canonicalText } from '../shared/text';
import { cleanName, cleanText, issue, MAX_TEXT, type Ctx, type Validated } from './field-checks';
import { cleanContactPreferences } from './contact-preferences';
import type { Address, Identifier, PatientInput } from './patient';

function cleanAddress(ctx: Ctx, path: string, a: Address): Address {
  const t = (p: string, v: string | undefined): string | undefined =>
    v === undefined ? undefined : cleanText(ctx, `${path}/${p}`, v, MAX_TEXT);
  if (a.country !== undefined && !/^[A-Za-z]{2}$/.test(a.country)) {
    issue(ctx, `${path}/country`, 'validation.country.invalid', 'country must be ISO 3166 alpha-2');
  }
  return {
    use: a.use,
    lines: a.lines.map((l, i) => cleanText(ctx, `${path}/lines/${i}`, l, MAX_TEXT)),
    city: cleanText(ctx, `${path}/city`, a.city, MAX_TEXT),
    district: t('district', a.district),
    state: t('state', a.state),
    postalCode: t('postalCode', a.postalCode),
    country: a.country?.toUpperCase(),
  };
}

function cleanIdentifier(ctx: Ctx, path: string, id: Identifier): Identifier {
  return {
    system: cleanText(ctx, `${path}/system`, id.system, 256),
    value: cleanText(ctx, `${path}/value`, id.value, 128),
    type: id.type,
  };
}

export const MAX_NAMES = 10;
export const MAX_IDENTIFIERS = 50;
export const MAX_ADDRESSES = 10;

/**
 * Checks and canonicalises what a person or system entered for a patient: NFC names free
 * of control, bidi-override and invisible characters, E.164 phones, lower-cased e-mails,
 * a real birth date not in the future, a BCP-47 language. `today` is YYYY-MM-DD in the
 * organization's zone (time is injected).
 */
export function validatePatientInput(
  input: PatientInput,
  opts: { today: string; defaultCountry?: string },
): Validated<PatientInput> {
  const ctx: Ctx = { issues: [] };
  const country = opts.defaultCountry ?? 'US';
  // Newborns and unidentified arrivals have no name yet (FHIR Patient.name is 0..*), but a
  // record nobody can name or identify could never be found again.
  // Bounds on repeated elements, whatever the channel (JSON API, FHIR, HL7): a record
  // with 10,000 names is an attack or a broken feed, not a person.
  for (const [field, list, max] of [
    ['names', input.names, MAX_NAMES],
    ['identifiers', input.identifiers, MAX_IDENTIFIERS],
    ['addresses', input.addresses, MAX_ADDRESSES],
  ] as const) {
    if (list.length > max) issue(ctx, field, 'validation.list.tooMany', `${field}: at most ${max}`);
  }
  if (input.names.length === 0 && input.identifiers.length === 0) {
    issue(ctx, 'names', 'validation.name.required', 'a patient needs a name or an identifier');
  }
  const names = input.names.map((n, i) => cleanName(ctx, `names/${i}`, n));
  if (input.birthDate !== null) {
    if (!isCalendarDate(input.birthDate)) {
      issue(
        ctx,
        'birthDate',
        'validation.date.invalid',
        'birthDate must be a real YYYY-MM-DD date',
      );
    } else if (input.birthDate > opts.today || input.birthDate < '1880-01-01') {
      issue(
        ctx,
        'birthDate',
        'validation.birthDate.range',
        'birthDate is in the future or before 1880',
      );
    }
  }
  const contact = cleanContactPreferences(ctx, input, country);
  if (input.genderIdentity !== null) cleanText(ctx, 'genderIdentity', input.genderIdentity, 100);
  if (input.deceasedAt !== null && Number.isNaN(Date.parse(input.deceasedAt))) {
    issue(ctx, 'deceasedAt', 'validation.date.invalid', 'deceasedAt must be a date or instant');
  }
  const identifiers = input.identifiers.map((id, i) =>
    cleanIdentifier(ctx, `identifiers/${i}`, id),
  );
  // The same identifier listed twice (FHIR examples do it, with different `use`) is one
  // identifier: keep the first.
  const seen = new Set<string>();
  const uniqueIdentifiers = identifiers.filter((id) => {
    const key = `${id.system}|${id.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const value: PatientInput = {
    ...input,
    names,
    identifiers: uniqueIdentifiers,
    ...contact,
    addresses: input.addresses.map((a, i) => cleanAddress(ctx, `addresses/${i}`, a)),
    genderIdentity: input.genderIdentity === null ? null : canonicalText(input.genderIdentity),
    deceased: input.deceased || input.deceasedAt !== null,
  };
  return ctx.issues.length > 0 ? { ok: false, issues: ctx.issues } : { ok: true, value };
}
