/**
 * HL7 v2 data types as ADT messages carry them (HL7 v2 chapter 2A): DTM times, HD
 * assigning authorities, CX identifiers, XPN names, XAD addresses, XTN phones. Bad data is
 * a DomainError naming the field, so the sender gets AE and the message is kept (standards
 * brief §3, Robustness); anything merely unusable (a fax number, a "1" for a language) is
 * dropped rather than refused.
 */
import {
  DomainError,
  instantOfWallTime,
  normalizeEmail,
  normalizePhone,
  type Address,
  type ContactPoint,
  type NameUse,
  type PersonName,
} from '@caredesk/core';
import type { Hl7Message, Hl7Repetition } from '@caredesk/interop/hl7v2';

/** Component `c` (1-based), subcomponent `s`, of one repetition; '' when absent. */
export function part(rep: Hl7Repetition | undefined, c: number, s = 1): string {
  return (rep?.[c - 1]?.[s - 1] ?? '').trim();
}

/** A whole component with its subcomponents joined (SAD street parts, FN surname parts). */
export function joined(rep: Hl7Repetition | undefined, c: number): string {
  return (rep?.[c - 1] ?? [])
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
}

export function invalid(reason: string, message: string): DomainError {
  return new DomainError('validation', `hl7.adt.${reason}`, message);
}

// DTM: YYYY[MM[DD[HH[MM[SS[.S{1,4}]]]]]][+/-ZZZZ] (chapter 2A.22). Real senders stop at
// the minute and use offsets like +0110 (standards brief §3).
const DTM = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/;

interface DtmParts {
  y: number;
  mo: number | undefined;
  d: number | undefined;
  h: number;
  mi: number;
  s: number;
  ms: number;
  offsetMinutes: number | null;
}

function readDtm(value: string, fieldName: string): DtmParts {
  const m = DTM.exec(value);
  const bad = () =>
    invalid('badTime', `${fieldName} is not an HL7 date/time (YYYYMMDDHHMMSS+ZZZZ): "${value}".`);
  if (!m) throw bad();
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(num);
  const offset = m[8];
  const offsetMinutes = offset
    ? (offset.startsWith('-') ? -1 : 1) *
      (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3)))
    : null;
  const parts: DtmParts = {
    y: y!,
    mo,
    d,
    h: h ?? 0,
    mi: mi ?? 0,
    s: s ?? 0,
    ms: m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0,
    offsetMinutes,
  };
  const check = new Date(Date.UTC(parts.y, (mo ?? 1) - 1, d ?? 1, parts.h, parts.mi, parts.s));
  const offsetOk = !offset || (Number(offset.slice(3)) < 60 && Number(offset.slice(1, 3)) <= 14);
  if (
    parts.y < 1800 ||
    check.getUTCMonth() !== (mo ?? 1) - 1 ||
    check.getUTCDate() !== (d ?? 1) ||
    parts.h > 23 ||
    parts.mi > 59 ||
    parts.s > 59 ||
    !offsetOk
  )
    throw bad();
  return parts;
}

/**
 * A DTM as an ISO 8601 UTC instant, null when empty. A time without an offset is the
 * sender's local time (chapter 2A.22): read in `zone`, the organization's time zone.
 */
export function hl7Instant(value: string, fieldName: string, zone = 'UTC'): string | null {
  const v = value.trim();
  if (v === '') return null;
  const p = readDtm(v, fieldName);
  const wall = Date.UTC(p.y, (p.mo ?? 1) - 1, p.d ?? 1, p.h, p.mi, p.s, p.ms);
  const utc =
    p.offsetMinutes === null ? instantOfWallTime(zone, wall) : wall - p.offsetMinutes * 60_000;
  return new Date(utc).toISOString();
}

/**
 * A DTM as a calendar date (YYYY-MM-DD) in the sender's own zone, for birth dates: a birth
 * at 23:30+0200 was on that day, not the UTC one. Null when empty or coarser than a day.
 */
export function hl7Date(value: string, fieldName: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  const p = readDtm(v, fieldName);
  if (p.mo === undefined || p.d === undefined) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
}

/** The first field of `segment`-`n` that holds a value, as an instant (fallback chains). */
export function firstInstant(
  message: Hl7Message,
  paths: readonly string[],
  zone: string,
): string | null {
  for (const path of paths) {
    const at = hl7Instant(message.get(path), path, zone);
    if (at) return at;
  }
  return null;
}

const OID = /^[0-2](\.\d{1,20}){1,40}$/;

/**
 * A stable identifier system for an assigning authority (HD, chapter 2A.33): the universal
 * id when there is one (an OID becomes urn:oid:, as FHIR does), else the namespace id.
 * Null when the HD is empty.
 */
export function authoritySystem(rep: Hl7Repetition | undefined, c: number): string | null {
  const namespace = part(rep, c, 1);
  const universal = part(rep, c, 2);
  if (universal && OID.test(universal)) return `urn:oid:${universal}`;
  const key = universal || namespace;
  return key ? `urn:caredesk:hl7v2:authority:${encodeURIComponent(key)}` : null;
}

export interface Cx {
  value: string;
  system: string;
  type: string;
}

/**
 * The identifiers of a CX field of the given type (CX.5, table 0203). The system is the
 * assigning authority (CX.4), else the assigning facility (CX.6), else the sending
 * facility (MSH-4): HL7 lets the authority be implied by the sender when it is left out.
 */
export function identifiersOfType(message: Hl7Message, path: string, type: string): Cx[] {
  const fallback = authoritySystem(message.getField('MSH-4')[0], 1) ?? 'urn:caredesk:hl7v2:sender';
  return message
    .getField(path)
    .filter((rep) => part(rep, 5).toUpperCase() === type && part(rep, 1) !== '')
    .map((rep) => ({
      value: part(rep, 1),
      system: authoritySystem(rep, 4) ?? authoritySystem(rep, 6) ?? fallback,
      type,
    }));
}

/** XPN.7 name type (table 0200) → FHIR name use. */
const NAME_USE: Record<string, NameUse> = {
  L: 'official',
  D: 'usual',
  M: 'maiden',
  N: 'nickname',
  A: 'usual',
  S: 'anonymous',
  T: 'temp',
  U: 'anonymous',
};

/** XPN repetitions → names (every repetition, standards brief §3: PID-5); empty ones dropped. */
export function personNames(reps: readonly Hl7Repetition[]): PersonName[] {
  return reps
    .map((rep) => {
      const family = part(rep, 1);
      const given = [part(rep, 2), part(rep, 3)].filter(Boolean);
      return {
        use: NAME_USE[part(rep, 7).toUpperCase()] ?? 'official',
        family,
        given,
        prefix: [part(rep, 5)].filter(Boolean),
        suffix: [part(rep, 4), part(rep, 6)].filter(Boolean),
      };
    })
    .filter((n) => n.family !== '' || n.given.length > 0);
}

/** ISO 3166 alpha-3 → alpha-2 for the countries CareDesk's markets see; XAD.6 is often alpha-3. */
const ALPHA3: Record<string, string> = {
  USA: 'US',
  LVA: 'LV',
  NOR: 'NO',
  ESP: 'ES',
  CAN: 'CA',
  GBR: 'GB',
  SWE: 'SE',
  DNK: 'DK',
  DEU: 'DE',
  LTU: 'LT',
  EST: 'EE',
  MEX: 'MX',
};

function country(raw: string): string | undefined {
  const c = raw.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(c)) return c;
  return ALPHA3[c];
}

/** XAD.7 address type (table 0190) → FHIR address use. */
const ADDRESS_USE: Record<string, Address['use']> = {
  H: 'home',
  HOME: 'home',
  B: 'work',
  O: 'work',
  C: 'temp',
  BA: 'old',
  BDL: 'old',
};

/** XAD repetitions → addresses; one without street or city is dropped. */
export function addresses(reps: readonly Hl7Repetition[]): Address[] {
  return reps
    .map((rep): Address => {
      const state = part(rep, 4);
      const postalCode = part(rep, 5);
      return {
        use: ADDRESS_USE[part(rep, 7).toUpperCase()],
        lines: [joined(rep, 1), part(rep, 2)].filter(Boolean),
        city: part(rep, 3),
        state: state || undefined,
        postalCode: postalCode || undefined,
        country: country(part(rep, 6)),
      };
    })
    .filter((a) => a.lines.length > 0 || a.city !== '');
}

/** XTN equipment types (table 0202) that cannot take a call or text from CareDesk. */
const UNREACHABLE = new Set(['FX', 'BP', 'TDD', 'TTY', 'X.400', 'MD']);

/**
 * A +1 number must have ten national digits (NANP); feeds send fragments like "121111"
 * that the generic E.164 check would let through as +1121111, which no one can dial.
 */
function shortNanp(e164: string): boolean {
  return e164.startsWith('+1') && e164.length !== 12;
}

/**
 * XTN repetitions → contact points in E.164 (or e-mail), `use` for the field (PID-13 home,
 * PID-14 work). Faxes, beepers and numbers that cannot be normalised are dropped.
 */
export function contactPoints(
  reps: readonly Hl7Repetition[],
  use: 'home' | 'work',
  defaultCountry: string,
): ContactPoint[] {
  const out: ContactPoint[] = [];
  for (const rep of reps) {
    const equipment = part(rep, 3).toUpperCase();
    if (part(rep, 2).toUpperCase() === 'NET' || equipment === 'INTERNET') {
      const email = normalizeEmail(part(rep, 4));
      if (email) out.push({ system: 'email', value: email, use });
      continue;
    }
    if (UNREACHABLE.has(equipment)) continue;
    const structured = [part(rep, 6), part(rep, 7)].join('');
    const countryCode = part(rep, 5).replace(/\D/g, '');
    const candidates = [
      structured.length >= 7 && countryCode ? `+${countryCode}${structured}` : '',
      structured.length >= 7 ? structured : '',
      part(rep, 12),
      part(rep, 1),
    ].filter(Boolean);
    const value = candidates
      .map((c) => normalizePhone(c, defaultCountry))
      .find((p): p is string => p !== null && !shortNanp(p));
    if (value && !out.some((c) => c.value === value)) {
      out.push({ system: 'phone', value, use: equipment === 'CP' ? 'mobile' : use });
    }
  }
  return out;
}
