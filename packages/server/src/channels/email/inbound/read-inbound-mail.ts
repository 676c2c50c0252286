import { createHash } from 'node:crypto';
import {
  canonicalMessageId,
  isExecutableFile,
  safeContentType,
  sniffContentType,
  type QuarantineReason,
} from '@caredesk/core';
import type { ParsedMail } from 'mailparser';
import type { InboundAttachment } from './case-mailbox';
import { checkMimeStructure, MIME_LIMITS } from './mime-structure';
import { sanitizedHtmlToText, sanitizeMailHtml } from './sanitize-mail-html';

/** Size limits on what a message hands to a case (the raw message always stays stored). */
export const CONTENT_LIMITS = {
  /** One attachment (issue #5 point 4: attachments have a size limit). */
  maxAttachmentBytes: 20 * 1024 * 1024,
  maxTextChars: 1_000_000,
  maxSubjectChars: 998,
  maxFilenameChars: 255,
} as const;

/** Everything processing needs from one message; never thrown away, never throws. */
export interface ReadMail {
  /** Why it must be held, or null when it may go to a case. */
  suspicion: QuarantineReason | null;
  /** From address, lower-cased; null when missing or not an address. */
  from: string | null;
  fromName: string | null;
  subject: string;
  text: string;
  safeHtml: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Addresses from To, Cc, Delivered-To, X-Original-To and Envelope-To (for reply tokens). */
  recipients: string[];
  /** RFC 3834 Auto-Submitted, a bounce report, or a Precedence of bulk/junk/auto_reply. */
  autoSubmitted: boolean;
  attachments: InboundAttachment[];
  /** Executable attachments left out (kept in the raw message): their names. */
  withheld: string[];
}

const EMPTY: Omit<ReadMail, 'suspicion'> = {
  from: null,
  fromName: null,
  subject: '',
  text: '',
  safeHtml: null,
  messageId: null,
  inReplyTo: null,
  references: [],
  recipients: [],
  autoSubmitted: false,
  attachments: [],
  withheld: [],
};

const ADDRESS = /[^\s<>,;:"()[\]]+@[^\s<>,;:"()[\]]+/g;
const TOKEN_HEADERS = new Set(['to', 'cc', 'delivered-to', 'x-original-to', 'envelope-to']);

function headerText(mail: ParsedMail, name: string): string {
  return mail.headerLines
    .filter((h) => h.key === name)
    .map((h) => h.line.slice(h.line.indexOf(':') + 1))
    .join(' ');
}

function isAutoSubmitted(mail: ParsedMail): boolean {
  const auto = headerText(mail, 'auto-submitted').trim().toLowerCase();
  if (auto !== '' && auto !== 'no') return true;
  if (/\b(bulk|junk|auto_reply)\b/i.test(headerText(mail, 'precedence'))) return true;
  if (headerText(mail, 'x-autoreply') !== '' || headerText(mail, 'x-autorespond') !== '') {
    return true;
  }
  return /multipart\/report/i.test(headerText(mail, 'content-type'));
}

function cleanFilename(name: string | undefined): string {
  // Only the last path segment, no control or bidi-override characters (a "gpj.exe" trick).
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return clean.slice(0, CONTENT_LIMITS.maxFilenameChars);
}

function attachmentsOf(mail: ParsedMail): {
  attachments: InboundAttachment[];
  withheld: string[];
  suspicion: QuarantineReason | null;
} {
  const attachments: InboundAttachment[] = [];
  const withheld: string[] = [];
  let suspicion: QuarantineReason | null = null;
  for (const a of mail.attachments) {
    const filename = cleanFilename(a.filename);
    const sniffed = sniffContentType(a.content);
    if (isExecutableFile(sniffed, filename)) {
      withheld.push(filename);
      suspicion = 'executable-attachment';
      continue;
    }
    if (a.content.length > CONTENT_LIMITS.maxAttachmentBytes) {
      suspicion ??= 'attachment-too-large';
    }
    attachments.push({
      filename,
      contentType: safeContentType(sniffed),
      size: a.content.length,
      sha256: createHash('sha256').update(a.content).digest('hex'),
      content: a.content,
    });
  }
  return { attachments, withheld, suspicion };
}

function fromOf(mail: ParsedMail): { from: string | null; fromName: string | null } {
  const first = mail.from?.value[0];
  const address = first?.address?.trim().toLowerCase() ?? '';
  const valid = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address) && address.length <= 320;
  return {
    from: valid ? address : null,
    fromName: first?.name ? first.name.slice(0, 200) : null,
  };
}

/**
 * Parses a raw message into what a case needs, with the checks of issue #5 point 10: a MIME
 * tree too deep or too wide, an unparseable structure, an executable attachment, an
 * attachment over the limit. Each sets `suspicion`; nothing here throws, whatever the bytes.
 */
export async function readInboundMail(raw: Buffer): Promise<ReadMail> {
  const structure = await checkMimeStructure(raw);
  if (structure !== null) return { ...EMPTY, suspicion: structure };
  let mail: ParsedMail;
  try {
    // Loaded on first use: the parser is a fifth of the server's start-up otherwise.
    const { simpleParser } = await import('mailparser');
    mail = await simpleParser(raw, {
      keepCidLinks: true,
      skipImageLinks: true,
      skipTextLinks: true,
      skipTextToHtml: true,
      maxHtmlLengthToParse: 2 * 1024 * 1024,
      maxChildNodes: MIME_LIMITS.maxParts + 1,
      maxHeadSize: MIME_LIMITS.maxHeadBytes,
      checksumAlgo: false,
    });
  } catch {
    return { ...EMPTY, suspicion: 'unparseable' };
  }
  const { attachments, withheld, suspicion } = attachmentsOf(mail);
  const references =
    typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []);
  const recipients = mail.headerLines
    .filter((h) => TOKEN_HEADERS.has(h.key))
    .flatMap((h) => h.line.slice(h.line.indexOf(':') + 1).match(ADDRESS) ?? []);
  const safeHtml = typeof mail.html === 'string' ? await sanitizeMailHtml(mail.html) : null;
  // mailparser converts HTML to text only outside multipart/alternative; do the rest here.
  const text = (mail.text ?? '').trim() || (safeHtml ? sanitizedHtmlToText(safeHtml) : '');
  return {
    suspicion,
    ...fromOf(mail),
    subject: (mail.subject ?? '').slice(0, CONTENT_LIMITS.maxSubjectChars),
    text: text.slice(0, CONTENT_LIMITS.maxTextChars),
    safeHtml,
    messageId: canonicalMessageId(mail.messageId),
    inReplyTo: mail.inReplyTo ?? null,
    references,
    recipients,
    autoSubmitted: isAutoSubmitted(mail),
    attachments,
    withheld,
  };
}
