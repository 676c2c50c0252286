import { createHash } from 'node:crypto';
import {
  DomainError,
  isExecutableFile,
  safeContentType,
  sniffContentType,
  type FieldIssue,
} from '@caredesk/core';
import type { InboundMessageFields } from './case-writes';

/** Per file and per message: enough for a photo of an insurance card or a scanned form. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_MESSAGE_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export type Upload = { filename: string; contentBase64: string };
export type CheckedAttachment = InboundMessageFields['attachments'][number];

/** A file name safe to show and to save: no paths, controls or bidi overrides. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return cleaned.slice(0, 200) || 'attachment';
}

/**
 * Checks files attached to a message (issue #5 §4): the type comes from the bytes, never
 * from the name or the sender; programs are refused (by bytes or by the extension they
 * would be saved with); HTML, SVG and XML are kept as plain text so nothing in them runs
 * in a browser; a checksum is stored with each.
 */
export function checkUploads(uploads: readonly Upload[]): CheckedAttachment[] {
  if (uploads.length > MAX_ATTACHMENTS)
    throw new DomainError('validation', 'problem.validation', 'Too many files.', [
      {
        path: 'attachments',
        messageKey: 'validation.list.tooMany',
        detail: `at most ${MAX_ATTACHMENTS}`,
      },
    ]);
  const issues: FieldIssue[] = [];
  let total = 0;
  const out = uploads.map((u, i) => {
    const content = Buffer.from(u.contentBase64, 'base64');
    total += content.length;
    const filename = cleanFilename(u.filename);
    const sniffed = sniffContentType(content);
    if (content.length === 0 || content.length > MAX_ATTACHMENT_BYTES)
      issues.push({
        path: `attachments/${i}`,
        messageKey: 'case.attachment.too-large',
        detail: `empty or over ${MAX_ATTACHMENT_BYTES} bytes`,
      });
    else if (isExecutableFile(sniffed, filename))
      issues.push({
        path: `attachments/${i}`,
        messageKey: 'case.attachment.refused',
        detail: 'programs are not accepted',
      });
    return {
      filename,
      contentType: safeContentType(sniffed),
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    };
  });
  if (total > MAX_MESSAGE_ATTACHMENT_BYTES)
    issues.push({
      path: 'attachments',
      messageKey: 'case.attachment.too-large',
      detail: `over ${MAX_MESSAGE_ATTACHMENT_BYTES} bytes in all`,
    });
  if (issues.length)
    throw new DomainError('validation', 'problem.validation', 'An attachment was refused.', issues);
  return out;
}
