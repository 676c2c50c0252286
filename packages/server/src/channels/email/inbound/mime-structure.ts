import type { Transform } from 'node:stream';
import type { QuarantineReason } from '@caredesk/core';

/**
 * Limits on a message's MIME tree. Real mail rarely nests deeper than 5 levels (a forwarded
 * reply with inline images) or carries more than a few dozen parts; a tree past these is a
 * parser attack or a mail bomb, and goes to the quarantine instead of the full parser.
 */
export const MIME_LIMITS = {
  maxParts: 500,
  maxDepth: 20,
  /** Header block of one part (a 64 KB header is the brief's hostile input). */
  maxHeadBytes: 1024 * 1024,
} as const;

interface SplitNode {
  type: 'node';
  parentNode: SplitNode | false;
}

function depthOf(node: SplitNode): number {
  let depth = 0;
  for (let n: SplitNode | false = node.parentNode; n; n = n.parentNode) depth++;
  return depth;
}

/**
 * Walks the MIME tree without decoding any body (the streaming splitter mailparser itself
 * uses) and says whether it is within the limits. Never throws; a splitter error means the
 * structure cannot be parsed.
 */
export async function checkMimeStructure(raw: Buffer): Promise<QuarantineReason | null> {
  // Loaded on first use, like the mail parser: start-up needs neither.
  const { Splitter } = await import('@zone-eu/mailsplit');
  return new Promise((resolve) => {
    const splitter = new Splitter({
      maxChildNodes: MIME_LIMITS.maxParts + 1,
      maxHeadSize: MIME_LIMITS.maxHeadBytes,
    });
    let parts = 0;
    let settled = false;
    const finish = (reason: QuarantineReason | null) => {
      if (settled) return;
      settled = true;
      splitter.removeAllListeners('data');
      splitter.destroy();
      resolve(reason);
    };
    splitter.on('data', (chunk: { type: string }) => {
      if (chunk.type !== 'node') return;
      parts++;
      if (parts > MIME_LIMITS.maxParts) finish('too-many-parts');
      else if (depthOf(chunk as SplitNode) > MIME_LIMITS.maxDepth) finish('too-deeply-nested');
    });
    // The splitter's typings list only 'data'; it is a Transform stream with all its events.
    const stream = splitter as unknown as Transform;
    stream.once('error', (error: Error) =>
      finish(/child nodes/i.test(error.message) ? 'too-many-parts' : 'unparseable'),
    );
    stream.once('end', () => finish(null));
    splitter.end(raw);
  });
}
