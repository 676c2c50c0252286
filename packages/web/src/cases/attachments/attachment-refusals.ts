import { ApiError } from '../../api/client';
import type { MessageKey } from '../../i18n/languages';
import { issueFileIndex } from './attachment-rules';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * What to tell the sender when the server refused the files of a message (the whole
 * message is refused then: nothing was sent). Each refused file is named with the
 * server's reason, already in the reader's language; null when the refusal was about
 * something else (the text, the case), which the form shows as usual.
 */
export function attachmentRefusals(
  t: T,
  e: unknown,
  files: readonly { name: string }[],
): string[] | null {
  if (!(e instanceof ApiError) || files.length === 0) return null;
  const named = e.issues.flatMap((issue) => {
    const i = issueFileIndex(issue.path);
    const name = i === null ? undefined : files[i]?.name;
    return name === undefined
      ? []
      : [t('web.attachments.refused', { name, reason: issue.message })];
  });
  if (named.length > 0) return named;
  // The body as a whole was over the server's limit, or a refusal names no single file.
  if (e.status === 413 || e.code === 'case.attachment.too-large')
    return [t('web.attachments.too-large-all')];
  if (e.code === 'case.attachment.refused') return [t('web.attachments.refused-any')];
  const general = e.issues.filter((i) => /(?:^|\/)attachments$/.test(i.path));
  return general.length > 0 ? general.map((i) => i.message) : null;
}
