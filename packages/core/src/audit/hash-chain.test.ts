import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditEntryInput } from './audit-entry';
import type { AuditMac } from './hash-chain';
import {
  AUDIT_GENESIS_HASH,
  AUDIT_USER_AGENT_MAX,
  canonicalAuditEntry,
  chainEntries,
  checkpointIsValid,
  normalizeAuditEntry,
  sealCheckpoint,
  UNSEALED_CHECKPOINT,
} from './hash-chain';
import type { ChainLookup, VerifiableEntry } from './verify-chain';
import { verifyChain } from './verify-chain';

const mac: AuditMac = (d) => createHmac('sha256', 'k'.repeat(32)).update(d).digest('hex');
const otherMac: AuditMac = (d) => createHmac('sha256', 'x'.repeat(32)).update(d).digest('hex');

function input(i: number, over: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    organizationId: 'org-1',
    occurredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
    actorKind: 'staff',
    actorId: `staff-${i % 3}`,
    actorName: 'Dr Ō',
    actorRoles: ['clinician'],
    onBehalfOf: null,
    patientId: `pat-${i % 5}`,
    action: 'read',
    resourceType: 'Patient',
    resourceId: `pat-${i % 5}`,
    outcome: 'success',
    purposeOfUse: 'TREAT',
    sourceAddress: '10.0.0.1',
    userAgent: 'test',
    breakGlass: false,
    detail: null,
    ...over,
  };
}

function chain(n: number): AuditEntry[] {
  return chainEntries(
    { seq: 0, hash: AUDIT_GENESIS_HASH },
    Array.from({ length: n }, (_, i) => normalizeAuditEntry(input(i))),
    mac,
  );
}

function lookupOf(rows: AuditEntry[]): ChainLookup {
  return {
    seqOfHash: async (h) => rows.find((r) => r.hash === h)?.seq ?? null,
    seqOfPrevHash: async (h) => rows.find((r) => r.prevHash === h)?.seq ?? null,
  };
}

const head = (rows: AuditEntry[]) => {
  const last = rows[rows.length - 1]!;
  return sealCheckpoint(last.seq, last.hash, mac);
};

async function verifyRows(rows: VerifiableEntry[], checkpoint = head(chain(20))) {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  return verifyChain(sorted, mac, { checkpoint, lookup: lookupOf(sorted) });
}

describe('audit hash chain', () => {
  it('links entries from the genesis hash with consecutive seqs', () => {
    const rows = chain(3);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prevHash).toBe(AUDIT_GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serialises every field, so changing any one changes the canonical text', () => {
    const [e] = chain(1);
    const base = canonicalAuditEntry(e!);
    const changes: Partial<AuditEntry>[] = [
      { seq: 2 },
      { prevHash: 'f'.repeat(64) },
      { organizationId: null },
      { occurredAt: '2025-01-01T00:00:00.001Z' },
      { actorKind: 'patient' },
      { actorId: null },
      { actorName: 'Dr O' },
      { actorRoles: ['clinician', 'admin'] },
      { onBehalfOf: 'pat-9' },
      { patientId: null },
      { action: 'search' },
      { resourceType: null },
      { resourceId: 'x' },
      { outcome: 'denied' },
      { purposeOfUse: null },
      { sourceAddress: '10.0.0.2' },
      { userAgent: null },
      { breakGlass: true },
      { detail: '' },
    ];
    for (const c of changes)
      expect(canonicalAuditEntry({ ...e!, ...c }), JSON.stringify(c)).not.toBe(base);
    // The hash itself is not part of what it covers.
    expect(canonicalAuditEntry({ ...e!, hash: 'x' })).toBe(base);
  });

  it('normalises text to what both databases store', () => {
    const n = normalizeAuditEntry(
      input(0, {
        actorName: 'a\0b',
        detail: 'lone \ud800 surrogate',
        userAgent: '😀'.repeat(AUDIT_USER_AGENT_MAX + 10),
        breakGlass: 1 as unknown as boolean,
      }),
    );
    expect(n.actorName).toBe('a\uFFFDb');
    expect(n.detail).toBe('lone \uFFFD surrogate');
    expect(Array.from(n.userAgent!)).toHaveLength(AUDIT_USER_AGENT_MAX);
    expect(n.breakGlass).toBe(false);
  });

  it('seals and checks the head', () => {
    const c = sealCheckpoint(5, 'a'.repeat(64), mac);
    expect(checkpointIsValid(c, mac)).toBe(true);
    expect(checkpointIsValid({ ...c, seq: 6 }, mac)).toBe(false);
    expect(checkpointIsValid(c, otherMac)).toBe(false);
    expect(checkpointIsValid(UNSEALED_CHECKPOINT, mac)).toBe(true);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain given entry by entry, in pages, or asynchronously', async () => {
    const rows = chain(20);
    const ok = { ok: true, count: 20, head: { seq: 20, hash: rows[19]!.hash } };
    expect(await verifyChain(rows, mac)).toEqual(ok);
    expect(
      await verifyChain([rows.slice(0, 7), rows.slice(7)], mac, { checkpoint: head(rows) }),
    ).toEqual(ok);
    async function* slowly() {
      for (const r of rows) yield r;
    }
    expect(await verifyChain(slowly(), mac)).toEqual(ok);
    expect(await verifyChain([], mac, { checkpoint: UNSEALED_CHECKPOINT })).toMatchObject({
      ok: true,
      count: 0,
    });
  });

  it('names an edited entry, whatever column changed', async () => {
    const rows = chain(20);
    rows[6] = { ...rows[6]!, actorName: 'Someone else' };
    expect(await verifyRows(rows)).toEqual({
      ok: false,
      firstBadSeq: 7,
      reason: 'edited',
      count: 6,
    });
    const hashEdit = chain(20);
    hashEdit[9] = { ...hashEdit[9]!, hash: 'f'.repeat(64) };
    expect(await verifyRows(hashEdit)).toMatchObject({ firstBadSeq: 10, reason: 'edited' });
    const prevEdit = chain(20);
    prevEdit[19] = { ...prevEdit[19]!, prevHash: AUDIT_GENESIS_HASH };
    expect(await verifyRows(prevEdit)).toMatchObject({ firstBadSeq: 20, reason: 'edited' });
    const malformed: VerifiableEntry[] = chain(20);
    malformed[3] = { ...malformed[3]!, malformed: true };
    expect(await verifyRows(malformed)).toMatchObject({ firstBadSeq: 4, reason: 'edited' });
  });

  it('names the first missing entry of a deletion: middle, first, tail, or renumbered', async () => {
    const rows = chain(20);
    expect(await verifyRows(rows.filter((r) => r.seq !== 8))).toMatchObject({
      firstBadSeq: 8,
      reason: 'deleted',
    });
    expect(await verifyRows(rows.slice(1))).toMatchObject({ firstBadSeq: 1, reason: 'deleted' });
    expect(await verifyRows(rows.slice(0, 17))).toMatchObject({
      firstBadSeq: 18,
      reason: 'deleted',
    });
    expect(await verifyRows([])).toMatchObject({ firstBadSeq: 1, reason: 'deleted' });
    const renumbered = rows
      .filter((r) => r.seq !== 8)
      .map((r) => (r.seq > 8 ? { ...r, seq: r.seq - 1 } : r));
    expect(await verifyRows(renumbered)).toMatchObject({ firstBadSeq: 8, reason: 'deleted' });
  });

  it('names inserted entries: past the sealed head, renumbered in, or below seq 1', async () => {
    const rows = chain(20);
    const forged = (seq: number, prevHash: string): AuditEntry => {
      const e = { ...input(99), seq, prevHash, hash: '' };
      return { ...e, hash: otherMac(canonicalAuditEntry(e)) };
    };
    expect(await verifyRows([...rows, forged(21, rows[19]!.hash)])).toEqual({
      ok: false,
      firstBadSeq: 21,
      reason: 'inserted',
      count: 20,
    });
    const shifted = [
      ...rows.slice(0, 9),
      forged(10, rows[8]!.hash),
      ...rows.slice(9).map((r) => ({ ...r, seq: r.seq + 1 })),
    ];
    expect(await verifyRows(shifted)).toMatchObject({ firstBadSeq: 10, reason: 'inserted' });
    expect(await verifyRows([forged(0, AUDIT_GENESIS_HASH), ...rows])).toMatchObject({
      firstBadSeq: 0,
      reason: 'inserted',
    });
  });

  it('names the lower position of two swapped entries as reordered', async () => {
    for (const [i, j] of [
      [3, 4],
      [3, 15],
      [1, 20],
      [19, 20],
    ] as const) {
      const rows = chain(20);
      const a = rows[i - 1]!;
      const b = rows[j - 1]!;
      rows[i - 1] = { ...b, seq: i };
      rows[j - 1] = { ...a, seq: j };
      expect(await verifyRows(rows), `${i}<->${j}`).toMatchObject({
        firstBadSeq: i,
        reason: 'reordered',
      });
    }
  });

  it('reports a broken link between authentic entries and a bad or stale head', async () => {
    const a = chain(20);
    const other = chainEntries(
      { seq: 0, hash: AUDIT_GENESIS_HASH },
      Array.from({ length: 20 }, (_, i) => normalizeAuditEntry(input(i, { detail: 'other' }))),
      mac,
    );
    expect(await verifyRows([...a.slice(0, 10), ...other.slice(10)])).toMatchObject({
      firstBadSeq: 11,
      reason: 'broken-link',
    });
    expect(await verifyRows(a, { ...head(a), mac: 'f'.repeat(64) })).toMatchObject({
      firstBadSeq: 21,
      reason: 'checkpoint',
    });
    expect(await verifyRows(a, sealCheckpoint(15, a[14]!.hash, mac))).toMatchObject({
      firstBadSeq: 16,
      reason: 'checkpoint',
    });
    expect(await verifyChain(a, mac, { checkpoint: null })).toMatchObject({ reason: 'checkpoint' });
  });

  it('fails at the first entry under the wrong key', async () => {
    expect(await verifyChain(chain(5), otherMac)).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      reason: 'edited',
    });
  });
});
