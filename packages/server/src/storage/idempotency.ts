import { createHash } from 'node:crypto';
import { DomainError } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { Database } from './database';
import { canonicalJson } from './json';
import type { Schema } from './schema';
import { isUniqueViolation } from './unique-violation';

/** A stored (or fresh) response to a create request. */
export interface IdempotentResponse {
  statusCode: number;
  body: unknown;
  replayed: boolean;
}

export interface IdempotencyRequest {
  /** Who is asking and for what, so one client's key never replays another's response. */
  scope: string;
  key: string;
  payload: unknown;
}

// draft-ietf-httpapi-idempotency-key-header: keys must be unguessable; a low-entropy key
// would let one client read another's cached response.
const KEY_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export function checkIdempotencyKey(key: string): void {
  if (!KEY_SHAPE.test(key)) {
    throw new DomainError(
      'validation',
      'idempotency.key.invalid',
      'Idempotency-Key must be 16-128 of [A-Za-z0-9_-].',
      [{ path: 'Idempotency-Key', messageKey: 'idempotency.key.invalid', detail: 'bad key shape' }],
    );
  }
}

function fingerprint(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('base64url');
}

async function stored(
  db: Kysely<Schema>,
  req: IdempotencyRequest,
): Promise<IdempotentResponse | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', req.scope)
    .where('idem_key', '=', req.key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.fingerprint !== fingerprint(req.payload)) {
    throw new DomainError(
      'unprocessable',
      'idempotency.key.reused',
      'This Idempotency-Key was used for another request.',
    );
  }
  return {
    statusCode: Number(row.status_code),
    body: JSON.parse(row.response_body),
    replayed: true,
  };
}

/**
 * Runs a create at most once per key: the work and the record of its response commit in
 * one transaction, so a retry after a crash either finds both or neither. A concurrent
 * retry loses the race on the primary key and replays the winner's response.
 */
export async function runIdempotent(
  database: Database,
  req: IdempotencyRequest | null,
  now: string,
  work: (trx: Kysely<Schema>) => Promise<{ statusCode: number; body: unknown }>,
): Promise<IdempotentResponse> {
  if (!req) {
    const result = await database.db.transaction().execute(work);
    return { ...result, replayed: false };
  }
  checkIdempotencyKey(req.key);
  const earlier = await stored(database.db, req);
  if (earlier) return earlier;
  try {
    const result = await database.db.transaction().execute(async (trx) => {
      const r = await work(trx);
      await trx
        .insertInto('idempotency_keys')
        .values({
          scope: req.scope,
          idem_key: req.key,
          fingerprint: fingerprint(req.payload),
          status_code: r.statusCode,
          response_body: JSON.stringify(r.body),
          created_at: now,
        })
        .execute();
      return r;
    });
    return { ...result, replayed: false };
  } catch (e) {
    if (isUniqueViolation(e)) {
      const winner = await stored(database.db, req);
      if (winner) return winner;
    }
    throw e;
  }
}
