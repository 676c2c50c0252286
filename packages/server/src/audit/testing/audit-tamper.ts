/**
 * Tampering with the audit table as an attacker with database access but without the key
 * would: triggers off, then edits, deletions, forged insertions and reorderings made
 * directly in SQL. Each trial runs in a transaction that is rolled back after verifying,
 * so every trial starts from the same intact chain.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditEntry, ChainFault } from '@caredesk/core';
import { canonicalAuditEntry } from '@caredesk/core';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database';
import type { Schema } from '../../storage/schema';
import { AUDIT_COLUMNS, entryToRow } from '../audit-rows';
import { verifyAuditTrailIn } from '../audit-verify';
import { testMac } from './audit-fixtures';

export interface TamperTrial {
  kind: string;
  describe: string;
  expected: { firstBadSeq: number; reason: ChainFault };
  apply(trx: Kysely<Schema>): Promise<void>;
}

export interface TrialOutcome {
  trial: TamperTrial;
  result: Awaited<ReturnType<typeof verifyAuditTrailIn>>;
  passed: boolean;
}

/** Every stored column but the sequence number (editing that one is a reorder). */
const EDITABLE = AUDIT_COLUMNS.filter((c) => c !== 'seq');
type Column = Exclude<(typeof AUDIT_COLUMNS)[number], 'seq'>;

/** A hash that looks right but is made without the key: plain SHA-256, or HMAC under a guess. */
function forgedHash(e: AuditEntry, variant: number): string {
  const text = canonicalAuditEntry(e);
  return variant % 2 === 0
    ? createHash('sha256').update(text).digest('hex')
    : createHmac('sha256', 'guessed-key-guessed-key-guessed!').update(text).digest('hex');
}

function flipHex(h: string, at: number): string {
  const i = at % h.length;
  const c = h[i] === '0' ? '1' : '0';
  return h.slice(0, i) + c + h.slice(i + 1);
}

function editedValue(row: AuditEntry, column: Column, rand: () => number): string | number | null {
  switch (column) {
    case 'break_glass':
      return rand() < 0.8 ? (row.breakGlass ? 0 : 1) : 2;
    case 'actor_roles':
      // Half the time a different role; half the time the same roles, spelled differently.
      return rand() < 0.5 ? '["admin"]' : JSON.stringify(row.actorRoles, null, 1);
    case 'hash':
      return flipHex(row.hash, Math.floor(rand() * 64));
    case 'prev_hash':
      return flipHex(row.prevHash, Math.floor(rand() * 64));
    case 'occurred_at':
      return new Date(Date.parse(row.occurredAt) + 1).toISOString();
    case 'outcome':
      return row.outcome === 'success' ? 'denied' : 'success';
    case 'action':
      return row.action === 'read' ? 'update' : 'read';
    case 'actor_kind':
      return row.actorKind === 'staff' ? 'patient' : 'staff';
    case 'organization_id':
    case 'actor_id':
    case 'actor_name':
    case 'on_behalf_of':
    case 'patient_id':
    case 'resource_type':
    case 'resource_id':
    case 'purpose_of_use':
    case 'source_address':
    case 'user_agent':
    case 'detail': {
      const current = entryToRow(row)[column] as string | null;
      if (current === null) return 'x';
      return rand() < 0.3 ? null : `${current}-x`;
    }
  }
}

async function disableTriggers(trx: Kysely<Schema>, engine: Database['engine']): Promise<void> {
  if (engine === 'postgres') {
    await sql`ALTER TABLE audit_entries DISABLE TRIGGER USER`.execute(trx);
    await sql`ALTER TABLE audit_chain_head DISABLE TRIGGER USER`.execute(trx);
    return;
  }
  for (const t of [
    'audit_entries_no_update',
    'audit_entries_no_delete',
    'audit_chain_head_forward_only',
    'audit_chain_head_no_delete',
  ]) {
    await sql`DROP TRIGGER ${sql.ref(t)}`.execute(trx);
  }
}

/** Renumbers seq ≥ from by delta, in two steps so the primary key never collides. */
async function shift(trx: Kysely<Schema>, from: number, delta: number): Promise<void> {
  await sql`UPDATE audit_entries SET seq = -seq WHERE seq >= ${from}`.execute(trx);
  await sql`UPDATE audit_entries SET seq = -seq + ${delta} WHERE seq < 0`.execute(trx);
}

async function insertForged(
  trx: Kysely<Schema>,
  base: AuditEntry,
  seq: number,
  prevHash: string,
  variant: number,
) {
  const e: AuditEntry = { ...base, seq, prevHash, detail: 'forged', hash: '' };
  e.hash = forgedHash(e, variant);
  await trx.insertInto('audit_entries').values(entryToRow(e)).execute();
  return e;
}

/** Random trials over a chain of `rows` (seq 1…n, intact). */
export function tamperTrials(
  rows: readonly AuditEntry[],
  count: number,
  seed: number,
  random: () => number,
): TamperTrial[] {
  const n = rows.length;
  const at = (seq: number) => rows[seq - 1]!;
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const trials: TamperTrial[] = [];
  for (let t = 0; t < count; t++) {
    const kind = ['edit', 'edit', 'delete', 'insert', 'reorder'][t % 5]!;
    const variant = pick(0, 5);
    if (kind === 'edit') {
      const seq = pick(1, n);
      const column = EDITABLE[pick(0, EDITABLE.length - 1)]!;
      const value = editedValue(at(seq), column, random);
      trials.push({
        kind,
        describe: `seed ${seed} #${t}: edit ${column} of seq ${seq} to ${JSON.stringify(value)}`,
        expected: { firstBadSeq: seq, reason: 'edited' },
        apply: async (trx) => {
          await sql`UPDATE audit_entries SET ${sql.ref(column)} = ${value} WHERE seq = ${seq}`.execute(
            trx,
          );
        },
      });
    } else if (kind === 'delete') {
      if (variant <= 1) {
        const seq = pick(1, n - 1);
        const k = variant === 0 ? 1 : pick(1, Math.min(20, n - seq));
        trials.push({
          kind,
          describe: `seed ${seed} #${t}: delete ${k} from seq ${seq}`,
          expected: { firstBadSeq: seq, reason: 'deleted' },
          apply: async (trx) => {
            await sql`DELETE FROM audit_entries WHERE seq >= ${seq} AND seq < ${seq + k}`.execute(
              trx,
            );
          },
        });
      } else if (variant <= 3) {
        const k = pick(1, 30);
        const rewriteHead = variant === 3;
        trials.push({
          kind,
          describe: `seed ${seed} #${t}: cut the last ${k}${rewriteHead ? ', head rewritten without the key' : ''}`,
          expected: { firstBadSeq: n - k + 1, reason: rewriteHead ? 'checkpoint' : 'deleted' },
          apply: async (trx) => {
            await sql`DELETE FROM audit_entries WHERE seq > ${n - k}`.execute(trx);
            if (rewriteHead) {
              await trx
                .updateTable('audit_chain_head')
                .set({ seq: n - k, hash: at(n - k).hash })
                .where('id', '=', 1)
                .execute();
            }
          },
        });
      } else {
        const seq = pick(1, n - 1);
        trials.push({
          kind,
          describe: `seed ${seed} #${t}: delete seq ${seq} and renumber the rest down`,
          expected: { firstBadSeq: seq, reason: 'deleted' },
          apply: async (trx) => {
            await sql`DELETE FROM audit_entries WHERE seq = ${seq}`.execute(trx);
            await shift(trx, seq + 1, -1);
          },
        });
      }
    } else if (kind === 'insert') {
      const template = at(pick(1, n));
      if (variant <= 1) {
        const rewriteHead = variant === 1;
        trials.push({
          kind,
          describe: `seed ${seed} #${t}: append a forged entry${rewriteHead ? ', head rewritten without the key' : ''}`,
          expected: { firstBadSeq: n + 1, reason: 'inserted' },
          apply: async (trx) => {
            const e = await insertForged(trx, template, n + 1, at(n).hash, t);
            if (rewriteHead) {
              await trx
                .updateTable('audit_chain_head')
                .set({ seq: n + 1, hash: e.hash, mac: forgedHash(e, t + 1) })
                .where('id', '=', 1)
                .execute();
            }
          },
        });
      } else if (variant <= 4) {
        const seq = pick(1, n);
        trials.push({
          kind,
          describe: `seed ${seed} #${t}: insert a forged entry at seq ${seq}, renumbering the rest up`,
          expected: { firstBadSeq: seq, reason: 'inserted' },
          apply: async (trx) => {
            await shift(trx, seq, 1);
            await insertForged(
              trx,
              template,
              seq,
              seq === 1 ? '0'.repeat(64) : at(seq - 1).hash,
              t,
            );
          },
        });
      } else {
        const seq = -pick(0, 3);
        trials.push({
          kind,
          describe: `seed ${seed} #${t}: insert a forged entry at seq ${seq}`,
          expected: { firstBadSeq: seq, reason: 'inserted' },
          apply: async (trx) => {
            await insertForged(trx, template, seq, '0'.repeat(64), t);
          },
        });
      }
    } else {
      const i = pick(1, n - 1);
      const j = variant < 2 ? i + 1 : pick(i + 1, n);
      trials.push({
        kind,
        describe: `seed ${seed} #${t}: swap seq ${i} and ${j}`,
        expected: { firstBadSeq: i, reason: 'reordered' },
        apply: async (trx) => {
          await sql`UPDATE audit_entries SET seq = -1 WHERE seq = ${i}`.execute(trx);
          await sql`UPDATE audit_entries SET seq = ${i} WHERE seq = ${j}`.execute(trx);
          await sql`UPDATE audit_entries SET seq = ${j} WHERE seq = -1`.execute(trx);
        },
      });
    }
  }
  return trials;
}

/** Applies one trial in a transaction, verifies, and rolls everything back. */
export async function runTrial(database: Database, trial: TamperTrial): Promise<TrialOutcome> {
  const trx = await database.db.startTransaction().execute();
  try {
    await disableTriggers(trx, database.engine);
    await trial.apply(trx);
    const result = await verifyAuditTrailIn(trx, database.engine, testMac);
    const passed =
      !result.ok &&
      result.firstBadSeq === trial.expected.firstBadSeq &&
      result.reason === trial.expected.reason;
    return { trial, result, passed };
  } finally {
    await trx.rollback().execute();
  }
}
