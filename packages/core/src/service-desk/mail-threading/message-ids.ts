/**
 * Message identifiers (RFC 5322 §3.6.4): `<left@right>`. Threading compares them as exact
 * strings in this canonical form — angle brackets kept, surrounding space removed — since
 * the left part is case-sensitive and mail clients copy the value verbatim into
 * In-Reply-To and References.
 */

/** How many referenced ids are looked up: a References header can be made arbitrarily long. */
export const MAX_REFERENCED_IDS = 50;
const MAX_ID_LENGTH = 998; // RFC 5322 §2.1.1 line limit
const MSG_ID = /<([^<>\s]+@[^<>\s]+)>/g;

/** Every `<id>` in a header value, in the order written. */
export function parseMessageIds(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...value.matchAll(MSG_ID)]
    .map((m) => `<${m[1]}>`)
    .filter((id) => id.length <= MAX_ID_LENGTH);
}

/** One Message-ID in canonical form, or null when the value holds none. */
export function canonicalMessageId(value: string | null | undefined): string | null {
  return parseMessageIds(value)[0] ?? null;
}

/**
 * The ids a reply points at, most specific first: In-Reply-To (the message answered), then
 * References from newest to oldest (RFC 5322 §3.6.4 lists them oldest first). Duplicates
 * removed, at most MAX_REFERENCED_IDS.
 */
export function referencedMessageIds(
  inReplyTo: string | null | undefined,
  references: string | readonly string[] | null | undefined,
): string[] {
  const refs = typeof references === 'string' ? [references] : (references ?? []);
  const ordered = [...parseMessageIds(inReplyTo), ...refs.flatMap(parseMessageIds).reverse()];
  return [...new Set(ordered)].slice(0, MAX_REFERENCED_IDS);
}
