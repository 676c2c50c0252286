/**
 * Patient search parameters (https://hl7.org/fhir/R4/patient.html#search, syntax in
 * https://hl7.org/fhir/R4/search.html) -> a plain query object for the store. Strict:
 * unknown parameters, modifiers and malformed values are rejected with an OperationOutcome
 * (as with `Prefer: handling=strict`), so a typo never silently widens a search. Values are
 * data only; the store binds them as parameters, so SQL metacharacters are harmless here.
 */
import type { OperationOutcome } from '@medplum/fhirtypes';
import type { IssueInput } from '../operation-outcome';
import { operationOutcome } from '../operation-outcome';
import { isFhirDate } from '../import/fhir-dates';

/** https://hl7.org/fhir/R4/search.html#prefix: the ones the store can answer. */
export type DatePrefix = 'eq' | 'lt' | 'gt' | 'le' | 'ge';

export interface PatientSearchQuery {
  name?: string;
  /** value is a FHIR date at the precision given (YYYY, YYYY-MM or YYYY-MM-DD). */
  birthDate?: { op: DatePrefix; value: string };
  /** `system|value`; system '' means "no system" (`|value`), undefined means any system. */
  identifier?: { system?: string; value?: string };
  count: number;
  cursor?: string;
}

export type PatientSearchResult =
  { ok: true; query: PatientSearchQuery } | { ok: false; outcome: OperationOutcome };

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;
const MAX_VALUE_LENGTH = 256;

export const PATIENT_SEARCH_PARAMS = [
  {
    name: 'name',
    type: 'string' as const,
    definition: 'http://hl7.org/fhir/SearchParameter/Patient-name',
    documentation: 'Starts-with match on any part of any name, accent- and case-insensitive.',
  },
  {
    name: 'birthdate',
    type: 'date' as const,
    definition: 'http://hl7.org/fhir/SearchParameter/individual-birthdate',
    documentation: 'Prefixes eq, lt, gt, le, ge; partial dates (YYYY, YYYY-MM) allowed.',
  },
  {
    name: 'identifier',
    type: 'token' as const,
    definition: 'http://hl7.org/fhir/SearchParameter/Patient-identifier',
    documentation: 'system|value, value, or system|.',
  },
];

const CONTROL = /\p{Cc}/u;
const CURSOR = /^[A-Za-z0-9_\-.~=]{1,512}$/;

/** Splits a token on its first unescaped `|` and removes FHIR search escapes (\|, \, \$ \\). */
function splitToken(raw: string): { system?: string; value: string } | 'or' {
  let system: string | undefined;
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      current += raw[i + 1];
      i += 1;
    } else if (ch === ',') {
      return 'or';
    } else if (ch === '|' && system === undefined) {
      system = current;
      current = '';
    } else {
      current += ch;
    }
  }
  return system === undefined ? { value: current } : { system, value: current };
}

type Params = URLSearchParams | Record<string, string | readonly string[] | undefined>;

function entriesOf(params: Params): Array<[string, string]> {
  if (params instanceof URLSearchParams) return [...params.entries()];
  return Object.entries(params).flatMap(([k, v]): Array<[string, string]> => {
    if (v === undefined) return [];
    return typeof v === 'string' ? [[k, v]] : v.map((x): [string, string] => [k, x]);
  });
}

export function parsePatientSearch(params: Params): PatientSearchResult {
  const issues: IssueInput[] = [];
  const bad = (code: IssueInput['code'], param: string, diagnostics: string): void => {
    issues.push({ code, diagnostics, expression: param });
  };
  const query: PatientSearchQuery = { count: DEFAULT_COUNT };
  const seen = new Set<string>();
  for (const [rawKey, value] of entriesOf(params)) {
    const [key = '', modifier] = rawKey.split(':', 2);
    const label = rawKey.slice(0, 64);
    if (seen.has(key)) {
      bad('not-supported', label, `${label} given more than once (AND searches are not supported)`);
      continue;
    }
    seen.add(key);
    if (modifier !== undefined) {
      bad('not-supported', label, `modifier :${modifier.slice(0, 32)} is not supported`);
      continue;
    }
    if (value.length > MAX_VALUE_LENGTH || CONTROL.test(value)) {
      bad('invalid', label, `${label} is too long or contains control characters`);
      continue;
    }
    switch (key) {
      case 'name': {
        const name = value.normalize('NFC').trim();
        if (name === '') bad('invalid', 'name', 'name must not be empty');
        else query.name = name;
        break;
      }
      case 'birthdate': {
        const m = /^(eq|ne|lt|gt|le|ge|sa|eb|ap)?(.*)$/.exec(value)!;
        const prefix = m[1] ?? 'eq';
        const date = m[2] ?? '';
        if (!['eq', 'lt', 'gt', 'le', 'ge'].includes(prefix)) {
          bad('not-supported', 'birthdate', `prefix ${prefix} is not supported`);
        } else if (!isFhirDate(date)) {
          bad('invalid', 'birthdate', 'birthdate must be [prefix]YYYY, YYYY-MM or YYYY-MM-DD');
        } else {
          query.birthDate = { op: prefix as DatePrefix, value: date };
        }
        break;
      }
      case 'identifier': {
        const token = splitToken(value);
        if (token === 'or') {
          bad('not-supported', 'identifier', 'OR (comma) searches are not supported');
        } else if (token.value === '' && !token.system) {
          bad('invalid', 'identifier', 'identifier needs a value or a system');
        } else {
          query.identifier = {
            ...(token.system !== undefined ? { system: token.system } : {}),
            ...(token.value !== '' ? { value: token.value } : {}),
          };
        }
        break;
      }
      case '_count': {
        if (!/^-?\d{1,9}$/.test(value)) {
          bad('invalid', '_count', '_count must be an integer');
        } else {
          // Clamped rather than rejected: the client gets a page size the server can serve.
          query.count = Math.min(MAX_COUNT, Math.max(1, Number(value)));
        }
        break;
      }
      case '_cursor': {
        if (!CURSOR.test(value))
          bad('invalid', '_cursor', '_cursor is not a cursor this server issued');
        else query.cursor = value;
        break;
      }
      default:
        bad('not-supported', label, `unknown search parameter ${label}`);
    }
  }
  return issues.length > 0 ? { ok: false, outcome: operationOutcome(issues) } : { ok: true, query };
}
