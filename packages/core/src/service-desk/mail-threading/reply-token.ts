/**
 * Reply tokens tie an e-mail reply to its case without trusting the sender's address.
 * Every outbound message of a case carries its token twice: in the Reply-To address
 * (`reply+<token>@<mail domain>`, RFC 5233 subaddressing) and in the subject (`[ref:<token>]`),
 * because some mail clients drop the Reply-To or rewrite the recipient and others strip
 * subject tags. Tokens are 26 lower-case base32 characters (130 random bits, RFC 4648 §6):
 * unguessable, and safe in a local part that mail servers may lower-case.
 */

export const REPLY_TOKEN_LENGTH = 26;
const TOKEN = `[a-z2-7]{${REPLY_TOKEN_LENGTH}}`;
const TOKEN_ONLY = new RegExp(`^${TOKEN}$`);
const SUBJECT_MARKER = new RegExp(`\\[ref:(${TOKEN})\\]`, 'i');
const LOCAL_PART = new RegExp(`^reply\\+(${TOKEN})$`, 'i');

/** True when `value` has the shape of a reply token (it may still match no case). */
export function isReplyToken(value: string): boolean {
  return TOKEN_ONLY.test(value);
}

/** The address a recipient's reply goes to: `reply+<token>@<mailDomain>`. */
export function replyAddress(token: string, mailDomain: string): string {
  if (!isReplyToken(token)) throw new RangeError('not a reply token');
  return `reply+${token}@${mailDomain.toLowerCase()}`;
}

/** The tag appended to an outbound subject, so a reply without our Reply-To still threads. */
export function subjectMarker(token: string): string {
  if (!isReplyToken(token)) throw new RangeError('not a reply token');
  return `[ref:${token}]`;
}

/** The token in one address, when it is a reply address of `mailDomain`. */
export function tokenFromAddress(address: string, mailDomain: string): string | null {
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const domain = address
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (domain !== mailDomain.toLowerCase()) return null;
  const match = LOCAL_PART.exec(address.slice(0, at).trim());
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * The reply token of an inbound message: from its recipient addresses first (envelope
 * RCPT TO, To, Cc, Delivered-To, X-Original-To — whichever the caller collected), then from
 * the subject. The address wins because a subject is easier to copy into an unrelated mail.
 */
export function findReplyToken(
  recipients: readonly string[],
  subject: string | null,
  mailDomain: string,
): string | null {
  for (const address of recipients) {
    const token = tokenFromAddress(address, mailDomain);
    if (token) return token;
  }
  const match = subject ? SUBJECT_MARKER.exec(subject) : null;
  return match?.[1]?.toLowerCase() ?? null;
}
