/**
 * Normalising what people type: phone numbers to E.164 and language tags to the form
 * CareDesk routes outreach by. Pure, table-driven, no telephony library: the registry
 * only needs a stable key for deduplication and an SMS-able number when one is obvious.
 */

interface CountryDialPlan {
  callingCode: string;
  /** National significant number lengths (without the trunk prefix). */
  lengths: number[];
  /** Domestic trunk prefix dropped in international form (0 in NL, GB, AU...). */
  trunk?: string;
}

/** The jurisdictions CareDesk serves first (US, NO, LV, ES) and a few neighbours. */
const DIAL_PLANS: Record<string, CountryDialPlan> = {
  US: { callingCode: '1', lengths: [10] },
  CA: { callingCode: '1', lengths: [10] },
  NO: { callingCode: '47', lengths: [8] },
  LV: { callingCode: '371', lengths: [8] },
  ES: { callingCode: '34', lengths: [9] },
  GB: { callingCode: '44', lengths: [10], trunk: '0' },
  NL: { callingCode: '31', lengths: [9], trunk: '0' },
  DE: { callingCode: '49', lengths: [10, 11], trunk: '0' },
  FR: { callingCode: '33', lengths: [9], trunk: '0' },
  AU: { callingCode: '61', lengths: [9], trunk: '0' },
  SE: { callingCode: '46', lengths: [7, 8, 9], trunk: '0' },
  DK: { callingCode: '45', lengths: [8] },
};

/**
 * E.164 (`+` and up to 15 digits, https://www.itu.int/rec/T-REC-E.164) for `raw`, or null
 * when it cannot be done without guessing. Numbers already written with `+` or `00` keep
 * their own country; national numbers use `defaultCountry`'s dial plan.
 */
export function normalizePhone(raw: string, defaultCountry: string): string | null {
  const trimmed = raw.trim();
  // Letters mean an extension or vanity number ("x123", "1-800-FLOWERS"): do not guess.
  if (!/^[+\d\s().\-/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 0) return null;
  if (trimmed.startsWith('+') || trimmed.startsWith('00')) {
    const international = trimmed.startsWith('+') ? digits : digits.slice(2);
    return /^[1-9]\d{6,14}$/.test(international) ? `+${international}` : null;
  }
  const plan = DIAL_PLANS[defaultCountry.toUpperCase()];
  if (!plan) return null;
  let national = digits;
  if (plan.trunk && national.startsWith(plan.trunk)) national = national.slice(plan.trunk.length);
  // NANP numbers are often written with the country code but no plus: 1-555-186-2275.
  if (plan.callingCode === '1' && national.length === 11 && national.startsWith('1')) {
    national = national.slice(1);
  }
  if (!plan.lengths.includes(national.length)) return null;
  // NANP area codes never start with 0 or 1; "(03) 5555 6473" is Australian, not +1 035...
  // The exchange digit is not checked: Synthea's 555-1xx numbers would fail it.
  if (plan.callingCode === '1' && !/^[2-9]/.test(national)) return null;
  return `+${plan.callingCode}${national}`;
}

/** The languages CareDesk has catalogs for; for these only the primary subtag matters. */
const FIRST_CLASS = new Set(['en', 'es', 'lv', 'nb']);

/**
 * BCP-47 tag (https://www.rfc-editor.org/info/bcp47) as CareDesk stores it. Standards brief
 * §0: `no`, `no-NO` and `nb-NO` are all Bokmål -> `nb`. For the first-class languages the
 * region is dropped (`en-US` -> `en`, `es-MX` -> `es`) because catalogs are per language.
 * Nynorsk (`nn`) is a different written standard and is kept. Other tags are kept,
 * lower-cased. Returns null for something that is not a well-formed tag.
 */
export function normalizeLanguage(raw: string): string | null {
  const tag = raw.trim().replace(/_/g, '-').toLowerCase();
  let canonical: string;
  try {
    const first = Intl.getCanonicalLocales(tag)[0];
    if (first === undefined) return null;
    canonical = first.toLowerCase();
  } catch {
    return null;
  }
  const primary = canonical.split('-')[0] ?? canonical;
  if (primary === 'no' || primary === 'nb') return 'nb';
  if (FIRST_CLASS.has(primary)) return primary;
  return canonical;
}

/** ISO 3166-1 alpha-3 -> alpha-2 for the codes seen in FHIR examples and our markets. */
const ALPHA3: Record<string, string> = {
  USA: 'US',
  CAN: 'CA',
  MEX: 'MX',
  NOR: 'NO',
  LVA: 'LV',
  ESP: 'ES',
  GBR: 'GB',
  NLD: 'NL',
  DEU: 'DE',
  FRA: 'FR',
  AUS: 'AU',
  SWE: 'SE',
  DNK: 'DK',
  FIN: 'FI',
  EST: 'EE',
  LTU: 'LT',
  POL: 'PL',
  CHE: 'CH',
  AUT: 'AT',
  BEL: 'BE',
  ITA: 'IT',
  PRT: 'PT',
  IRL: 'IE',
  ISL: 'IS',
  NZL: 'NZ',
  IND: 'IN',
  CHN: 'CN',
  JPN: 'JP',
  BRA: 'BR',
  UKR: 'UA',
  RUS: 'RU',
};

/**
 * Address.country is free text in FHIR ("ISO 3166 2 or 3 letter code" is only advised);
 * core stores alpha-2. Unknown spellings become undefined rather than a wrong code.
 */
export function normalizeCountry(raw: string): string | undefined {
  const value = raw.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(value)) return value;
  return ALPHA3[value];
}
