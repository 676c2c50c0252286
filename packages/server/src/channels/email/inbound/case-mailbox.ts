import type { MailCase } from '@caredesk/core';

export type { MailCase } from '@caredesk/core';

/** One attachment of an inbound message, its type sniffed from its bytes. */
export interface InboundAttachment {
  /** As the sender named it, control characters and path separators removed; may be ''. */
  filename: string;
  /**
   * Sniffed from the bytes, never taken from the header; HTML, SVG and XML arrive as
   * text/plain (neutralised). Executables never get here: they quarantine the message.
   */
  contentType: string;
  size: number;
  /** Hex SHA-256 of `content`. */
  sha256: string;
  content: Buffer;
}

/** A parsed, checked inbound message, as a case receives it. */
export interface InboundMailContent {
  /** The inbound_mail row: the raw message stays there; dedupe on this id. */
  inboundMailId: string;
  /** The From address, lower-cased. */
  from: string;
  /** The From display name, if any (plain text, never markup). */
  fromName: string | null;
  subject: string;
  /** Plain text body (from the text part, or converted from HTML). */
  text: string;
  /** The HTML body after the allow-list sanitiser, or null when the message had none. */
  safeHtml: string | null;
  /** Canonical `<id@host>`, or null when the message carried none. */
  messageId: string | null;
  receivedAt: Date;
  /**
   * False when a valid reply token came from an address not on the case: the reply belongs
   * to the case, but staff should see the flag and answer only addresses on file.
   */
  senderOnFile: boolean;
  attachments: InboundAttachment[];
}

/**
 * The port between the mail channel and cases (implemented by the case service). Processing
 * is at least once — a job redelivered after a crash calls `append` or `open` again for the
 * same message — so implementations MUST be idempotent on `mail.inboundMailId`: a second
 * `append` adds nothing, a second `open` returns the case the first one opened.
 */
export interface CaseMailbox {
  /** The case whose reply token this is (tokens are lower-case base32, 26 characters). */
  findByReplyToken(organizationId: string, token: string): Promise<MailCase | null>;
  /**
   * The case holding a message (sent or received) with one of these Message-IDs, canonical
   * `<id@host>` strings, most specific first (In-Reply-To, then References newest first).
   */
  findByMessageIds(organizationId: string, messageIds: string[]): Promise<MailCase | null>;
  /** Adds the message to the case's timeline (and reopens it per the desk's rules). */
  append(organizationId: string, caseId: string, mail: InboundMailContent): Promise<void>;
  /**
   * Opens a case from the message (channel e-mail). `quarantined`: the message looked like
   * a reply to someone else's case from an address not on it; the case must be held for
   * staff to check the sender before anything is disclosed.
   */
  open(
    organizationId: string,
    mail: InboundMailContent,
    quarantined: boolean,
  ): Promise<{ caseId: string }>;
}
