/**
 * Contact-point validation. Phones are stored in E.164 (ITU-T E.164: '+', country code,
 * at most 15 digits) so that SMS gateways and the phone typeahead agree on one form.
 */
const E164 = /^\+[1-9]\d{6,14}$/;

/** Country calling codes for the markets CareDesk ships with, used for local numbers. */
const DEFAULT_CALLING_CODES: Record<string, string> = { US: '1', LV: '371', NO: '47', ES: '34' };

/**
 * Normalises a phone number to E.164. Accepts spaces, dashes, dots and parentheses.
 * A number without '+' is read in `defaultCountry` (a US 10-digit number, a Latvian or
 * Norwegian 8-digit one). Returns null when it cannot be a phone number.
 */
export function normalizePhone(raw: string, defaultCountry = 'US'): string | null {
  const trimmed = raw.trim();
  if (trimmed.length > 32 || !/^[+\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  let e164: string;
  if (trimmed.startsWith('+')) e164 = `+${digits}`;
  else if (trimmed.startsWith('00')) e164 = `+${digits.slice(2)}`;
  else {
    const code = DEFAULT_CALLING_CODES[defaultCountry.toUpperCase()] ?? '1';
    const national =
      code === '1' && digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    e164 = `+${code}${national}`;
  }
  return E164.test(e164) ? e164 : null;
}

// Pragmatic address check: one @, a dot in the domain, no spaces or angle brackets.
// Bounded pieces keep it linear (ReDoS).
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63}){1,8}$/i;

/** Lower-cases and checks an e-mail address; null when it is not one. */
export function normalizeEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return value.length <= 254 && EMAIL.test(value) ? value : null;
}

/** Digits of the national part of an E.164 number, for typeahead on local numbers. */
export function nationalDigits(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  for (const code of ['371', '47', '34', '1']) {
    if (digits.startsWith(code)) return digits.slice(code.length);
  }
  return digits;
}
