/**
 * Where an inbound e-mail goes: into an existing case, into a new case, or to the quarantine
 * admins review (issue #5 points 4 and 10). Pure: the server parses the message and looks the
 * case up; this decides. No message is ever dropped — every outcome keeps it somewhere a
 * person will see it.
 */

/** Why a message was held back or flagged; each has a message key `mail.quarantine.reason.*`. */
export const QUARANTINE_REASONS = [
  /** The MIME structure could not be parsed. */
  'unparseable',
  /** Multiparts nested deeper than the parser is allowed to follow. */
  'too-deeply-nested',
  /** More MIME parts than any genuine message carries. */
  'too-many-parts',
  /** An attachment whose bytes are a program or script (type sniffed, not declared). */
  'executable-attachment',
  /** An attachment larger than a case accepts. */
  'attachment-too-large',
  /** No usable From address. */
  'no-sender',
  /** An auto-reply or bounce (RFC 3834 Auto-Submitted): never opens a case, so no mail loop. */
  'auto-submitted',
  /** Points at a case (by Message-ID) but comes from an address not on that case. */
  'sender-not-on-case',
  /** Processing kept failing; kept for a person to look at instead of retrying forever. */
  'processing-failed',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** A case as the mailbox port finds it: who may write into it. */
export interface MailCase {
  caseId: string;
  /** Lower-cased addresses of the case's patient and of caregivers with consent in force. */
  allowedSenders: readonly string[];
}

/** What the server learnt about one parsed message. */
export interface ThreadingFacts {
  /** The From address, lower-cased; null when missing or unparseable. */
  sender: string | null;
  /**
   * The case of the reply token found in a recipient address or the subject; null when
   * there was none or it matches no case (stale, forged, mistyped) — both count as no token.
   */
  tokenCase: MailCase | null;
  /** The case one of In-Reply-To / References points at, if any. */
  referencedCase: MailCase | null;
  /** Auto-Submitted other than "no", or a bounce (null envelope sender). */
  autoSubmitted: boolean;
  /** A reason found by the content checks (structure, attachments), if any. */
  suspicion: QuarantineReason | null;
}

export type ThreadingDecision =
  /**
   * Add to the case. `senderOnFile` is false when a valid token came from an address not
   * on the case: the message still belongs there (the token proves it answers our mail),
   * but staff must see the flag and reply only to addresses on file — a forwarded thread
   * must not turn into a disclosure to whoever forwarded it.
   */
  | { kind: 'append'; caseId: string; senderOnFile: boolean }
  /** A new request: open a case. */
  | { kind: 'new-case' }
  /**
   * Hold it. `openCase`: open a new case marked quarantined (a possible spoof, which still
   * is somebody's request) rather than keep the message in the mail quarantine only.
   */
  | { kind: 'quarantine'; reason: QuarantineReason; openCase: boolean };

export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

function isAllowed(sender: string | null, mailCase: MailCase): boolean {
  if (sender === null) return false;
  const s = normalizeAddress(sender);
  return mailCase.allowedSenders.some((a) => normalizeAddress(a) === s);
}

/**
 * The rules, in order:
 * 1. Content that failed the checks, and mail without a sender, is held (no case).
 * 2. Auto-replies and bounces are held: opening or feeding cases with them starts loops.
 * 3. A valid reply token appends to its case, flagged when the sender is not on file —
 *    the token is 130 random bits only ever sent to the case's addresses.
 * 4. Without a valid token, a Message-ID match appends only when the sender is on the case;
 *    anyone else gets a NEW quarantined case, never someone else's (Message-IDs travel in
 *    every forwarded and quoted mail, so they prove nothing about the sender).
 * 5. Anything else is a new request.
 */
export function decideThreading(facts: ThreadingFacts): ThreadingDecision {
  if (facts.suspicion !== null) {
    return { kind: 'quarantine', reason: facts.suspicion, openCase: false };
  }
  if (facts.sender === null) return { kind: 'quarantine', reason: 'no-sender', openCase: false };
  if (facts.autoSubmitted) {
    return { kind: 'quarantine', reason: 'auto-submitted', openCase: false };
  }
  if (facts.tokenCase) {
    return {
      kind: 'append',
      caseId: facts.tokenCase.caseId,
      senderOnFile: isAllowed(facts.sender, facts.tokenCase),
    };
  }
  if (facts.referencedCase) {
    return isAllowed(facts.sender, facts.referencedCase)
      ? { kind: 'append', caseId: facts.referencedCase.caseId, senderOnFile: true }
      : { kind: 'quarantine', reason: 'sender-not-on-case', openCase: true };
  }
  return { kind: 'new-case' };
}
