import { isExecutableFile, sniffContentType, SNIFF_BYTES } from '@caredesk/core/service-desk';

export { SNIFF_BYTES };

/**
 * The server's limits on files sent with a message (server: service-desk/cases/
 * case-attachments.ts), checked here too so that a person hears at once, before a long
 * upload, that a file will not go: at most 5 files, each up to 10 MB, 20 MB in all.
 */
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_MESSAGE_BYTES = 20 * 1024 * 1024;

export type FileProblem = 'empty' | 'too-large' | 'program' | 'too-many' | 'total';

/** What the page knows of a chosen file before reading all of it. */
export interface FileFacts {
  name: string;
  size: number;
  /** Its first SNIFF_BYTES bytes. */
  head: Uint8Array;
}

/**
 * Why a file cannot be sent, or null. A program is told by its bytes and by the name it
 * would be saved with, by the same rule the server applies (core/service-desk/attachments);
 * the server checks again whatever this says.
 */
export function fileProblem(f: FileFacts): 'empty' | 'too-large' | 'program' | null {
  if (f.size === 0) return 'empty';
  if (f.size > MAX_FILE_BYTES) return 'too-large';
  if (isExecutableFile(sniffContentType(f.head), f.name)) return 'program';
  return null;
}

/**
 * Splits newly chosen files into those that join the ones already chosen and those
 * refused (with why), keeping their order; past MAX_FILES files or MAX_MESSAGE_BYTES in
 * all, the later ones are refused.
 */
export function admitFiles<F extends FileFacts>(
  already: readonly { size: number }[],
  chosen: readonly F[],
): { admitted: F[]; refused: Array<{ file: F; problem: FileProblem }> } {
  const admitted: F[] = [];
  const refused: Array<{ file: F; problem: FileProblem }> = [];
  let count = already.length;
  let total = already.reduce((sum, f) => sum + f.size, 0);
  for (const file of chosen) {
    const problem =
      fileProblem(file) ??
      (count >= MAX_FILES ? 'too-many' : total + file.size > MAX_MESSAGE_BYTES ? 'total' : null);
    if (problem) {
      refused.push({ file, problem });
      continue;
    }
    admitted.push(file);
    count += 1;
    total += file.size;
  }
  return { admitted, refused };
}

/** A size as people read it (340 kB, 2.4 MB), in their language's number format. */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** Bytes as base64, in chunks: String.fromCharCode over 10 MB at once overflows the stack. */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The index of the chosen file a server issue is about (`attachments/2`, `body/attachments/2/...`). */
export function issueFileIndex(path: string): number | null {
  const m = /(?:^|\/)attachments\/(\d+)(?:\/|$)/.exec(path);
  return m ? Number(m[1]) : null;
}
