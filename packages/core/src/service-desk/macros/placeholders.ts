/**
 * Placeholders a macro may contain: a fixed allow-list, so a macro can only ever say
 * what these facts say (never an arbitrary field of the record), and a typo is caught
 * when the macro is saved rather than shown to a patient.
 */
export const MACRO_PLACEHOLDERS = [
  'patient.firstName',
  'patient.fullName',
  'case.number',
  'case.subject',
  'case.dueDate',
  'agent.firstName',
  'organization.name',
  'portal.link',
] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];

/**
 * The values a macro is filled with, as plain text. `case.dueDate` is an ISO instant
 * (or a YYYY-MM-DD date), formatted for the reader when the macro is rendered. A missing
 * or null value gets a neutral word from the catalog.
 */
export type MacroFacts = Partial<Record<MacroPlaceholder, string | null>>;

export function isMacroPlaceholder(name: string): name is MacroPlaceholder {
  return (MACRO_PLACEHOLDERS as readonly string[]).includes(name);
}

/** `{{patient.firstName}}`: what the editor inserts. */
export const placeholderToken = (name: MacroPlaceholder): string => `{{${name}}}`;

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'placeholder'; name: string; known: boolean };

export interface ParsedTemplate {
  parts: TemplatePart[];
  /** Offset of a `{{` that is never closed, or null. */
  unclosedAt: number | null;
}

/** A placeholder name is short; anything longer between braces is text gone wrong. */
const MAX_NAME = 64;

/**
 * Splits a template into text and `{{ name }}` placeholders (spaces inside the braces
 * allowed). One linear scan with indexOf: no regular expression that hostile input could
 * make backtrack.
 */
export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{{', at);
    if (open < 0) break;
    const close = template.indexOf('}}', open + 2);
    if (close < 0) {
      if (open > at) parts.push({ kind: 'text', text: template.slice(at, open) });
      parts.push({ kind: 'text', text: template.slice(open) });
      return { parts, unclosedAt: open };
    }
    if (open > at) parts.push({ kind: 'text', text: template.slice(at, open) });
    const name = template
      .slice(open + 2, close)
      .trim()
      .slice(0, MAX_NAME + 1);
    parts.push({ kind: 'placeholder', name, known: isMacroPlaceholder(name) });
    at = close + 2;
  }
  if (at < template.length) parts.push({ kind: 'text', text: template.slice(at) });
  return { parts, unclosedAt: null };
}

/** The placeholders a template uses, known or not, in order of first use. */
export function placeholdersIn(template: string): string[] {
  const names = parseTemplate(template).parts.flatMap((p) =>
    p.kind === 'placeholder' ? [p.name] : [],
  );
  return [...new Set(names)];
}
