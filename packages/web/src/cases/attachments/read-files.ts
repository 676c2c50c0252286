import type { AttachmentUpload } from '../cases-api';
import { SNIFF_BYTES, toBase64, type FileFacts } from './attachment-rules';

/** A chosen file with what the rules need to judge it: its name, size and first bytes. */
export async function factsOf(file: File): Promise<FileFacts & { file: File }> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return { file, name: file.name, size: file.size, head };
}

/** The chosen files as the API takes them: each one's name and bytes in base64. */
export function readUploads(files: readonly File[]): Promise<AttachmentUpload[]> {
  return Promise.all(
    files.map(async (f) => ({
      filename: f.name,
      contentBase64: toBase64(new Uint8Array(await f.arrayBuffer())),
    })),
  );
}
