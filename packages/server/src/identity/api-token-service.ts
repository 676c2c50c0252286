import { DomainError, PERMISSIONS, type Permission, type Principal } from '@caredesk/core';
import { actorOf, type Account, type RequestMeta } from './accounts';
import { ApiTokenCache } from './api-token-cache';
import { audit, notFound, type IdentityDeps } from './identity-deps';
import { eventBase } from './login-service';
import { neverForTokens, tokenGrantable } from './role-rules';
import { SLIDING_UPDATE_MS } from './sessions';
import { constantTimeEqual, newApiToken, parseApiToken, sha256 } from './tokens';

export interface ApiTokenInfo {
  id: string;
  name: string;
  scopes: Permission[];
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

function parseScopes(json: string): Permission[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed)
    ? parsed.filter((p): p is Permission =>
        (PERMISSIONS as readonly string[]).includes(p as string),
      )
    : [];
}

/** Integration credentials: `Authorization: Bearer cd_<id>_<secret>`; only SHA-256(secret) kept. */
export class ApiTokenService {
  private readonly rows = new ApiTokenCache();

  constructor(private readonly deps: IdentityDeps) {}

  async create(
    actor: Account,
    input: { name: string; scopes: Permission[]; expiresAt?: string | undefined },
    meta: RequestMeta,
  ): Promise<ApiTokenInfo & { token: string }> {
    const now = this.deps.clock.now();
    const scopes = [...new Set(input.scopes)].sort();
    const never = scopes.filter(neverForTokens);
    if (never.length > 0) {
      throw new DomainError(
        'validation',
        'auth.token.scope.never',
        'These permissions cannot be given to a token.',
        never.map((p) => ({ path: 'scopes', messageKey: 'auth.token.scope.never', detail: p })),
      );
    }
    const grantable = tokenGrantable(actor.roles);
    const refused = scopes.filter((p) => !grantable.has(p));
    if (refused.length > 0) {
      throw new DomainError(
        'forbidden',
        'auth.token.scope.not-allowed',
        'You may not grant these permissions.',
        refused.map((p) => ({
          path: 'scopes',
          messageKey: 'auth.token.scope.not-allowed',
          detail: p,
        })),
      );
    }
    if (input.expiresAt !== undefined && Date.parse(input.expiresAt) <= now.getTime()) {
      throw new DomainError(
        'validation',
        'auth.token.expiry.past',
        'The expiry must be in the future.',
        [{ path: 'expiresAt', messageKey: 'auth.token.expiry.past', detail: 'not in the future' }],
      );
    }
    const { id, secret, token } = newApiToken();
    const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
    await this.deps.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('api_tokens')
        .values({
          id,
          organization_id: actor.organizationId,
          name: input.name,
          secret_hash: sha256(secret),
          scopes: JSON.stringify(scopes),
          created_by: actor.id,
          created_at: now.toISOString(),
          expires_at: expiresAt,
          revoked_at: null,
          revoked_by: null,
          last_used_at: null,
        })
        .execute();
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(actor),
        organizationId: actor.organizationId,
        action: 'token-change',
        outcome: 'success',
        resourceType: 'ApiToken',
        resourceId: id,
        detail: { change: 'create', scopes, expiresAt },
      });
    });
    return {
      id,
      name: input.name,
      scopes,
      createdBy: actor.id,
      createdAt: now.toISOString(),
      expiresAt,
      revokedAt: null,
      lastUsedAt: null,
      token,
    };
  }

  async list(organizationId: string): Promise<ApiTokenInfo[]> {
    const rows = await this.deps.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      scopes: parseScopes(r.scopes),
      createdBy: r.created_by,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
      lastUsedAt: r.last_used_at,
    }));
  }

  async revoke(actor: Account, id: string, meta: RequestMeta): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.database.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('api_tokens')
        .set({ revoked_at: now.toISOString(), revoked_by: actor.id })
        .where('id', '=', id)
        .where('organization_id', '=', actor.organizationId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw notFound('auth.token.not-found', 'API token');
      await audit(this.deps, trx, {
        ...eventBase(this.deps, now, meta),
        actor: actorOf(actor),
        organizationId: actor.organizationId,
        action: 'token-change',
        outcome: 'success',
        resourceType: 'ApiToken',
        resourceId: id,
        detail: { change: 'revoke' },
      });
    });
    // After the commit: a request resolving the token from now on reads the revocation.
    this.rows.forget(id);
  }

  /** The principal a bearer token stands for, or null (unknown, wrong secret, revoked, expired). */
  async resolve(token: string): Promise<{ principal: Principal; tokenId: string } | null> {
    const parsed = parseApiToken(token);
    if (!parsed) return null;
    const { db } = this.deps.database;
    const now = this.deps.clock.now();
    let row = this.rows.get(parsed.id, now.getTime());
    if (!row) {
      row =
        (await db
          .selectFrom('api_tokens')
          .selectAll()
          .where('id', '=', parsed.id)
          .executeTakeFirst()) ?? null;
      if (row) this.rows.put(row, now.getTime());
    }
    if (!row || !constantTimeEqual(row.secret_hash, sha256(parsed.secret))) return null;
    if (row.revoked_at !== null) return null;
    if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) return null;
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= SLIDING_UPDATE_MS) {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: now.toISOString() })
        .where('id', '=', row.id)
        .execute();
      // The kept row is this process's own copy: it now knows of this use too.
      row.last_used_at = now.toISOString();
    }
    return {
      tokenId: row.id,
      principal: {
        kind: 'api-token',
        tokenId: row.id,
        organizationId: row.organization_id,
        displayName: row.name,
        scopes: parseScopes(row.scopes),
      },
    };
  }
}
