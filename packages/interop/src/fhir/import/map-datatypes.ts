/**
 * FHIR R4 general-purpose datatypes -> core value objects
 * (https://hl7.org/fhir/R4/datatypes.html). Each reader reports bad values at their path.
 */
import type {
  Address,
  CodedValue,
  ContactPoint,
  ContactUse,
  Identifier,
  Money,
  NameUse,
  PersonName,
} from '@caredesk/core';
import { canonicalText, textProblem } from '@caredesk/core';
import type { JsonNode } from './json-node';
import { isFhirDateTime } from './fhir-dates';
import { normalizeCountry, normalizeLanguage, normalizePhone } from './contact-normalization';
import { currencyDigits, decimalToMinorUnits } from './money';

/** Longest name part accepted; real names are far shorter, 1000 leaves room for odd data. */
export const MAX_NAME_CODE_POINTS = 1000;

export interface DatatypeOptions {
  /** ISO 3166-1 alpha-2 country whose dial plan national phone numbers follow. */
  defaultCountry: string;
  /** ISO 4217 currency for Money without one (Money.currency is 0..1 in R4). */
  defaultCurrency: string;
}

/** https://hl7.org/fhir/R4/valueset-name-use.html */
const NAME_USES: ReadonlySet<string> = new Set<NameUse>([
  'official',
  'usual',
  'nickname',
  'maiden',
  'old',
  'anonymous',
  'temp',
]);

/** A person-entered string: NFC, trimmed, and free of control, bidi and Zalgo tricks. */
export function personText(node: JsonNode, key: string): string | undefined {
  const value = node.string(key);
  if (value === undefined) return undefined;
  const problem = textProblem(value, MAX_NAME_CODE_POINTS);
  if (problem !== null) {
    node.get(key).issue(problem === 'too-long' ? 'too-long' : 'invalid', `${key}: ${problem}`);
    return undefined;
  }
  return canonicalText(value);
}

function personTexts(node: JsonNode, key: string): string[] {
  return node.list(key).flatMap((item, i) => {
    if (typeof item.value !== 'string') {
      if (item.present) item.issue('structure', `${key} items must be strings`);
      return [];
    }
    const problem = textProblem(item.value, MAX_NAME_CODE_POINTS);
    if (problem !== null) {
      item.issue(problem === 'too-long' ? 'too-long' : 'invalid', `${key}[${i}]: ${problem}`);
      return [];
    }
    const text = canonicalText(item.value);
    return text === '' ? [] : [text];
  });
}

/**
 * HumanName (https://hl7.org/fhir/R4/datatypes.html#HumanName). Synthea's numbered names
 * ("Adalberto875") are kept as written. A name given only as `text` keeps that text as the
 * family name, since core has no free-text name. Missing `use` is `usual`: nothing says
 * the name is the legal one.
 */
export function personName(n: JsonNode): PersonName | null {
  if (!n.record) {
    if (n.present) n.issue('structure', 'HumanName must be an object');
    return null;
  }
  const useRaw = n.string('use');
  if (useRaw !== undefined && !NAME_USES.has(useRaw)) {
    n.get('use').issue('code-invalid', `name use "${useRaw.slice(0, 32)}" is not in name-use`);
  }
  const given = personTexts(n, 'given');
  let family = personText(n, 'family') ?? '';
  const text = personText(n, 'text');
  if (family === '' && given.length === 0 && text) family = text;
  if (family === '' && given.length === 0) return null;
  return {
    use: useRaw !== undefined && NAME_USES.has(useRaw) ? (useRaw as NameUse) : 'usual',
    given,
    family,
    prefix: personTexts(n, 'prefix'),
    suffix: personTexts(n, 'suffix'),
  };
}

export function personNames(owner: JsonNode, key = 'name'): PersonName[] {
  return owner.list(key).flatMap((n) => {
    const name = personName(n);
    return name ? [name] : [];
  });
}

/** Identifier; the type is the first coding's code (v2 table 0203: MR, SS, DL...). */
export function identifiers(owner: JsonNode, key = 'identifier'): Identifier[] {
  return owner.list(key).flatMap((n): Identifier[] => {
    const value = n.string('value');
    if (value === undefined || value.trim() === '') return [];
    const typeCode = n.object('type')?.list('coding')[0]?.string('code');
    return [{ system: n.string('system') ?? '', value: value.trim(), type: typeCode }];
  });
}

const CONTACT_USES: ReadonlySet<string> = new Set<ContactUse>([
  'home',
  'work',
  'mobile',
  'temp',
  'old',
]);

/**
 * ContactPoint (https://hl7.org/fhir/R4/datatypes.html#ContactPoint). Only phone, sms and
 * email reach a patient; fax, pager and url are dropped. Phones become E.164 when the dial
 * plan makes that certain; otherwise the number is kept as written so no way of reaching
 * the person is lost (the outreach layer refuses non-E.164 numbers for SMS).
 */
export function contactPoints(owner: JsonNode, opts: DatatypeOptions, key = 'telecom') {
  return owner.list(key).flatMap((n): ContactPoint[] => {
    const system = n.string('system');
    const raw = n.string('value')?.trim();
    if (raw === undefined || raw === '') return [];
    if (system !== 'phone' && system !== 'sms' && system !== 'email') return [];
    const use = n.string('use');
    const rank = n.integer('rank');
    const value =
      system === 'email' ? raw.toLowerCase() : (normalizePhone(raw, opts.defaultCountry) ?? raw);
    return [
      {
        system,
        value,
        use: use !== undefined && CONTACT_USES.has(use) ? (use as ContactUse) : undefined,
        rank: rank !== undefined && rank > 0 ? rank : undefined,
      },
    ];
  });
}

const ADDRESS_USES: ReadonlySet<string> = new Set(['home', 'work', 'temp', 'old', 'billing']);

/** Address (https://hl7.org/fhir/R4/datatypes.html#Address). */
export function address(n: JsonNode): Address | null {
  if (!n.record) return null;
  const lines = personTexts(n, 'line');
  const city = personText(n, 'city') ?? '';
  const country = n.string('country');
  const use = n.string('use');
  const result: Address = {
    use: use !== undefined && ADDRESS_USES.has(use) ? (use as Address['use']) : undefined,
    lines,
    city,
    district: personText(n, 'district'),
    state: personText(n, 'state'),
    postalCode: n.string('postalCode')?.trim(),
    country: country === undefined ? undefined : normalizeCountry(country),
  };
  if (lines.length === 0 && city === '' && !result.postalCode && !result.state) return null;
  return result;
}

export function addresses(owner: JsonNode, key = 'address'): Address[] {
  return owner.list(key).flatMap((n) => {
    const a = address(n);
    return a ? [a] : [];
  });
}

/**
 * CodeableConcept -> CodedValue: the first coding with a code. A concept with only text
 * keeps the text as its code, since that is all the sender knew.
 */
export function codedValue(n: JsonNode | undefined): CodedValue | null {
  if (!n?.record) return null;
  const text = n.string('text');
  for (const coding of n.list('coding')) {
    const code = coding.string('code');
    if (code !== undefined && code.trim() !== '') {
      return {
        system: coding.string('system') ?? null,
        code,
        display: coding.string('display') ?? text ?? null,
      };
    }
  }
  return text ? { system: null, code: text, display: text } : null;
}

export function codedValues(owner: JsonNode, key: string): CodedValue[] {
  return owner.list(key).flatMap((n) => {
    const c = codedValue(n);
    return c ? [c] : [];
  });
}

/** For 1..1 concepts that arrive empty: data-absent-reason#unknown says so explicitly. */
export const UNKNOWN_CODE: CodedValue = {
  system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  code: 'unknown',
  display: 'Unknown',
};

/** A Coding (not a CodeableConcept) -> CodedValue. */
export function codingValue(n: JsonNode | undefined): CodedValue | null {
  const code = n?.string('code');
  if (!n || code === undefined || code === '') return null;
  return { system: n.string('system') ?? null, code, display: n.string('display') ?? null };
}

/** A dateTime element: kept as written when valid, reported when not. */
export function dateTime(owner: JsonNode, key: string): string | null {
  const value = owner.string(key);
  if (value === undefined) return null;
  if (!isFhirDateTime(value)) {
    owner.get(key).issue('invalid', `${key} "${value.slice(0, 40)}" is not a FHIR dateTime`);
    return null;
  }
  return value;
}

/** Period.start / Period.end (https://hl7.org/fhir/R4/datatypes.html#Period). */
export function period(owner: JsonNode, key: string): { start: string | null; end: string | null } {
  const p = owner.object(key);
  if (!p) return { start: null, end: null };
  return { start: dateTime(p, 'start'), end: dateTime(p, 'end') };
}

/** Money -> integer minor units; reported when the value or currency is unusable. */
export function money(n: JsonNode | undefined, opts: DatatypeOptions): Money | null {
  if (!n?.record) return null;
  const value = n.decimal('value');
  if (value === undefined) return null;
  const currency = n.string('currency') ?? opts.defaultCurrency;
  const digits = currencyDigits(currency);
  if (digits === null) {
    n.get('currency').issue('code-invalid', `currency "${currency.slice(0, 8)}" is not ISO 4217`);
    return null;
  }
  const amountMinor = decimalToMinorUnits(value, digits);
  if (amountMinor === null) {
    n.get('value').issue('invalid', 'amount is not a representable decimal');
    return null;
  }
  return { amountMinor, currency };
}

/**
 * Patient/RelatedPerson.communication: the preferred language, else the first listed
 * (https://hl7.org/fhir/R4/patient-definitions.html#Patient.communication).
 */
export function preferredLanguage(owner: JsonNode): string | null {
  const comms = owner.list('communication');
  const chosen = comms.find((c) => c.boolean('preferred') === true) ?? comms[0];
  const code = chosen?.object('language')?.list('coding')[0]?.string('code');
  return code === undefined ? null : normalizeLanguage(code);
}
