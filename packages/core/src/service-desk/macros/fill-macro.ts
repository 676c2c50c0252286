import { firstClassLanguage } from '../../patients/language';
import { isCalendarDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { MacroActions, MacroBody, MacroContent, MacroLanguage } from './macro';
import { parseTemplate, type MacroFacts, type MacroPlaceholder } from './placeholders';

/** The text chosen for a reader, and whether it is in the language they asked for. */
export interface ChosenBody {
  body: MacroBody;
  language: MacroLanguage;
  /** True when the macro has no text in the reader's language and another was used. */
  fallback: boolean;
}

/**
 * The text in the patient's language; else the organization's default language; else
 * English; else whichever language the macro has. The answer says which one was used,
 * so the agent sees when a patient will get a reply in a language other than theirs.
 */
export function chooseBody(
  macro: Pick<MacroContent, 'bodies'>,
  language: string,
  organizationLanguage: MacroLanguage = 'en',
): ChosenBody {
  const wanted = firstClassLanguage(language);
  for (const lang of [wanted, organizationLanguage, 'en']) {
    const body = macro.bodies.find((b) => b.language === lang);
    if (body) return { body, language: body.language, fallback: body.language !== wanted };
  }
  const first = macro.bodies[0];
  if (!first) {
    throw new DomainError('unprocessable', 'macros.no-text', 'The macro has no text.');
  }
  return { body: first, language: first.language, fallback: true };
}

export interface RenderedMacro {
  /** The language of the text (the reader's, or the fallback chosen). */
  language: MacroLanguage;
  fallback: boolean;
  /** Null for a macro without a subject in that language. One line, never a line break. */
  subject: string | null;
  body: string;
  actions: MacroActions;
  /** Placeholders that had no value and were given the catalog's neutral word. */
  missing: string[];
}

export interface FillOptions {
  organizationLanguage?: MacroLanguage;
  /** The neutral words' catalog, in the language of the text chosen. */
  words: (key: string, language: MacroLanguage) => string;
}

/** The neutral word for a placeholder without a value: "Hello there", never "Hello undefined". */
const FALLBACK: Record<MacroPlaceholder, string> = {
  'patient.firstName': 'macros.fallback.patient',
  'patient.fullName': 'macros.fallback.patient',
  'case.number': 'macros.fallback.case-number',
  'case.subject': 'macros.fallback.case-subject',
  'case.dueDate': 'macros.fallback.due-date',
  'agent.firstName': 'macros.fallback.agent',
  'organization.name': 'macros.fallback.organization',
  'portal.link': 'macros.fallback.portal-link',
};

/** Longest value put into a macro; a subject longer than this is a broken record, not a subject. */
const MAX_VALUE = 500;

// C0/C1 controls, bidi overrides and isolates, zero-width and BOM: a value is shown as
// plain text on one line and must not reorder or hide the text around it.
const HIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** A fact as plain text on one line: line breaks become spaces, hidden characters go. */
function plainValue(value: string): string {
  const text = value.normalize('NFC').replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
  const points = [...text];
  return points.length > MAX_VALUE ? `${points.slice(0, MAX_VALUE - 1).join('')}…` : text;
}

function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new DomainError('validation', 'validation.timeZone.invalid', 'Unknown time zone.', [
      { path: 'timeZone', messageKey: 'validation.timeZone.invalid', detail: timeZone },
    ]);
  }
}

/**
 * A due date as the reader says it, in their time zone: "30. mars 2025 kl. 04:30",
 * "2025. gada 30. marts 04:30". A calendar date (YYYY-MM-DD) has no time of day and no
 * zone. Null when the value is not a date.
 */
export function formatMacroDate(
  value: string,
  language: MacroLanguage,
  timeZone: string,
): string | null {
  if (isCalendarDate(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, d),
    );
  }
  // ISO 8601 instants only: Date.parse accepts free-form text we must not guess at.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    return null;
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(ms);
}

/**
 * Fills a macro for one reader: the text in their language (see chooseBody), each
 * placeholder replaced by its fact as plain text, dates in the reader's language and
 * time zone. One pass over the template: a value that itself contains `{{…}}` is text,
 * never expanded again. The result is text; whoever shows it escapes it. The neutral
 * words come from `options.words`, so the web app can use the catalog it has loaded
 * (renderMacro uses core's catalogs).
 */
export function fillMacro(
  macro: MacroContent,
  language: string,
  facts: MacroFacts,
  timeZone: string,
  options: FillOptions,
): RenderedMacro {
  checkTimeZone(timeZone);
  const chosen = chooseBody(macro, language, options.organizationLanguage);
  const missing = new Set<string>();
  const valueOf = (name: MacroPlaceholder): string => {
    const raw = facts[name];
    const text =
      raw == null
        ? ''
        : name === 'case.dueDate'
          ? (formatMacroDate(raw.trim(), chosen.language, timeZone) ?? '')
          : plainValue(raw);
    if (text !== '') return text;
    missing.add(name);
    return options.words(FALLBACK[name], chosen.language);
  };
  const fill = (template: string): string =>
    parseTemplate(template)
      .parts.map((part) => {
        if (part.kind === 'text') return part.text;
        if (part.known) return valueOf(part.name as MacroPlaceholder);
        // Refused when the macro is saved; a row from before the list changed says nothing.
        missing.add(part.name);
        return '';
      })
      .join('');
  const subject = chosen.body.subject === undefined ? null : fill(chosen.body.subject);
  return {
    language: chosen.language,
    fallback: chosen.fallback,
    subject: subject === null ? null : subject.replace(/[\r\n]+/g, ' ').trim(),
    body: fill(chosen.body.body),
    actions: macro.actions,
    missing: [...missing],
  };
}
