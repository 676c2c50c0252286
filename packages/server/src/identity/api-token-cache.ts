import type { Selectable } from 'kysely';
import type { ApiTokensTable } from '../storage/identity-tables';

export type ApiTokenRow = Selectable<ApiTokensTable>;

/**
 * How long a token's row is trusted without reading it again. Revoking through this server
 * drops it at once (ApiTokenService.revoke); a revocation written by another process — a
 * second server on the same PostgreSQL database — is honoured within this window.
 */
export const TOKEN_ROW_TTL_MS = 1_000;

/** Rows kept at most: integrations are few; a flood of distinct ids only evicts the oldest. */
const MAX_ROWS = 1_000;

/**
 * API token rows by token id, read at most once a second per token. An integration sends
 * its token with every request, and its lookup was a tenth of an audited patient read's
 * server time (`npm run bench`, issue #2 point 13). Only rows that exist are kept; the
 * secret, revocation and expiry are still checked on every request against the kept row.
 */
export class ApiTokenCache {
  private readonly rows = new Map<string, { row: ApiTokenRow; readAt: number }>();

  get(id: string, now: number): ApiTokenRow | null {
    const hit = this.rows.get(id);
    if (!hit) return null;
    if (now - hit.readAt >= TOKEN_ROW_TTL_MS || now < hit.readAt) {
      this.rows.delete(id);
      return null;
    }
    return hit.row;
  }

  put(row: ApiTokenRow, now: number): void {
    this.rows.delete(row.id);
    if (this.rows.size >= MAX_ROWS) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(row.id, { row, readAt: now });
  }

  forget(id: string): void {
    this.rows.delete(id);
  }
}
