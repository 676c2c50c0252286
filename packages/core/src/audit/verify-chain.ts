/**
 * Streaming verification of the audit hash chain (ONC 170.315(d)(10): detect alteration).
 * Constant memory: it keeps the expected seq, the previous hash and at most one entry of
 * look-ahead, so a million entries verify as a stream of pages.
 *
 * What each reason means (the first bad entry is the one `firstBadSeq` names):
 * - `deleted`: a seq is missing (gap) → firstBadSeq = the first missing seq; the chain ends
 *   before the sealed head (tail cut) → the first missing seq; or entries were removed
 *   and the rest renumbered (an authentic entry sits below its own seq and its original
 *   predecessor is gone) → the seq where the missing entries were.
 * - `inserted`: an entry beyond the sealed head whose MAC fails; a forged entry the next
 *   entry links over (renumbered insertion); a seq below 1.
 * - `reordered`: an authentic entry (its MAC verifies at another seq) found at the wrong
 *   seq, e.g. two entries' seqs swapped → firstBadSeq = the lower of the two positions.
 * - `edited`: an entry's MAC fails and none of the above explains it (any column changed,
 *   including its hash or prevHash).
 * - `broken-link`: every entry authentic but one does not point at its predecessor
 *   (entries spliced in from another chain written with the same key).
 * - `checkpoint`: the sealed head is missing or its MAC fails, or authentic entries run
 *   past it, or the chain ends on a different hash than the head was sealed with.
 */
import type { AuditEntry } from './audit-entry';
import type { AuditCheckpoint, AuditMac } from './hash-chain';
import { AUDIT_GENESIS_HASH, canonicalAuditEntry, checkpointIsValid } from './hash-chain';

export type ChainFault =
  'edited' | 'deleted' | 'inserted' | 'reordered' | 'broken-link' | 'checkpoint';

export type ChainVerification =
  | { ok: true; count: number; head: { seq: number; hash: string } }
  | { ok: false; firstBadSeq: number; reason: ChainFault; count: number };

/** An entry as read back; `malformed` when a stored column had a type or encoding no writer produces. */
export interface VerifiableEntry extends AuditEntry {
  malformed?: boolean;
}

/** Optional look-ups into the store, used only after a failure to tell a reorder from an edit. */
export interface ChainLookup {
  /** The seq of an entry whose stored hash is `hash`, or null. */
  seqOfHash(hash: string): Promise<number | null>;
  /** The seq of an entry whose stored prevHash is `hash`, or null. */
  seqOfPrevHash(hash: string): Promise<number | null>;
}

export interface VerifyChainOptions {
  /**
   * The sealed head, read in the same snapshot as the entries. Leave undefined to skip the
   * head checks (a bare list of entries); null means the head is missing.
   */
  checkpoint?: AuditCheckpoint | null | undefined;
  lookup?: ChainLookup | undefined;
}

type Item = VerifiableEntry | readonly VerifiableEntry[];

/** Verifies entries given in seq order, one by one or in pages. */
export async function verifyChain(
  source: Iterable<Item> | AsyncIterable<Item>,
  mac: AuditMac,
  options: VerifyChainOptions = {},
): Promise<ChainVerification> {
  const checkpointGiven = options.checkpoint !== undefined;
  const sealed =
    options.checkpoint && checkpointIsValid(options.checkpoint, mac) ? options.checkpoint : null;
  const lookup = options.lookup;
  let expectedSeq = 1;
  let prevHash = AUDIT_GENESIS_HASH;
  let count = 0;
  let suspect: VerifiableEntry | null = null;

  const fail = (firstBadSeq: number, reason: ChainFault): ChainVerification => ({
    ok: false,
    firstBadSeq,
    reason,
    count,
  });
  const macMatches = (e: VerifiableEntry, seq: number): boolean =>
    !e.malformed && mac(canonicalAuditEntry(seq === e.seq ? e : { ...e, seq })) === e.hash;

  /** The seq at which an entry's MAC verifies, when it is not its stored one. */
  const originalSeq = async (e: VerifiableEntry): Promise<number | null> => {
    const candidates = [e.seq + 1, e.seq - 1];
    if (lookup) {
      const before = await lookup.seqOfHash(e.prevHash);
      if (before !== null) candidates.push(before + 1);
      const after = await lookup.seqOfPrevHash(e.hash);
      if (after !== null) candidates.push(after - 1);
    }
    for (const c of candidates) if (c >= 1 && c !== e.seq && macMatches(e, c)) return c;
    return null;
  };

  const classify = async (
    e: VerifiableEntry,
    next: VerifiableEntry | null,
  ): Promise<ChainVerification> => {
    if (sealed && e.seq > sealed.seq) return fail(e.seq, 'inserted');
    const original = await originalSeq(e);
    if (original !== null) {
      // Authentic but moved. If its own predecessor no longer exists anywhere, entries
      // before it were deleted and the rest renumbered down.
      const predecessor =
        e.prevHash === AUDIT_GENESIS_HASH || !lookup ? 0 : await lookup.seqOfHash(e.prevHash);
      return fail(e.seq, predecessor === null && original > e.seq ? 'deleted' : 'reordered');
    }
    // The next entry skips this one and links to the last good entry: this one was slipped in.
    if (next && next.prevHash === prevHash && next.prevHash !== e.hash) {
      return fail(e.seq, 'inserted');
    }
    // A forged last entry with the head rewritten to match (the head's MAC fails).
    if (!next && checkpointGiven && !sealed && e.prevHash === prevHash) {
      return fail(e.seq, 'inserted');
    }
    return fail(e.seq, 'edited');
  };

  for await (const item of source) {
    const rows: readonly VerifiableEntry[] = Array.isArray(item)
      ? (item as readonly VerifiableEntry[])
      : [item as VerifiableEntry];
    for (const row of rows) {
      if (suspect) return classify(suspect, row);
      if (row.seq !== expectedSeq) {
        if (row.seq > expectedSeq) return fail(expectedSeq, 'deleted');
        return fail(row.seq, row.seq < 1 ? 'inserted' : 'reordered');
      }
      const macOk = macMatches(row, row.seq);
      if (macOk && row.prevHash === prevHash) {
        expectedSeq += 1;
        prevHash = row.hash;
        count += 1;
        continue;
      }
      if (macOk) return fail(row.seq, 'broken-link');
      suspect = row;
    }
  }
  if (suspect) return classify(suspect, null);

  const lastSeq = expectedSeq - 1;
  if (checkpointGiven) {
    if (!sealed) return fail(lastSeq + 1, 'checkpoint');
    if (lastSeq < sealed.seq) return fail(lastSeq + 1, 'deleted');
    if (lastSeq > sealed.seq) return fail(sealed.seq + 1, 'checkpoint');
    if (prevHash !== sealed.hash) return fail(lastSeq, 'checkpoint');
  }
  return { ok: true, count, head: { seq: lastSeq, hash: prevHash } };
}
