import type { IOptions } from 'sanitize-html';

/**
 * HTML from an e-mail, made safe to show on a staff screen (issue #5 point 4; OWASP ASVS
 * 5.0 V1.3, sanitisation by allow-list). Only text formatting survives: no script, style,
 * event handler, link, image (a remote image is a read receipt and leaks the reader's
 * address), form, frame or embedded object. The text inside dropped elements is kept,
 * except where it is code or markup (script, style, title, template...).
 */
const OPTIONS: IOptions = {
  allowedTags: [
    'p',
    'br',
    'div',
    'span',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'strike',
    'del',
    'ins',
    'mark',
    'small',
    'sub',
    'sup',
    'blockquote',
    'q',
    'cite',
    'pre',
    'code',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
  ],
  allowedAttributes: { td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: [],
  allowedSchemesAppliedToAttributes: [],
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'head',
    'template',
    'xmp',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
  ],
  // A parser bomb of nested elements costs time, not correctness: cap the depth kept.
  nestingLimit: 64,
};

/** Largest HTML body sanitised; a longer one is shown as its plain-text version only. */
export const MAX_SANITISED_HTML = 2 * 1024 * 1024;

/**
 * Loaded on first use, not at start-up: the sanitiser and its HTML and CSS parsers are a
 * tenth of the server's start-up, and many servers never receive HTML mail.
 */
export async function sanitizeMailHtml(html: string): Promise<string | null> {
  if (html.length > MAX_SANITISED_HTML) return null;
  const { default: sanitizeHtml } = await import('sanitize-html');
  return sanitizeHtml(html, OPTIONS).trim();
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Plain text from HTML that `sanitizeMailHtml` produced (only formatting tags are left), for
 * a message that came as HTML alone: block ends become line breaks, tags go, entities decode.
 */
export function sanitizedHtmlToText(safeHtml: string): string {
  return safeHtml
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|blockquote|pre|table|ul|ol|dt|dd|caption)>/gi, '\n')
    .replace(/<\/t[dh]>/gi, '\t')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
