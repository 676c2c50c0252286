import { sql } from 'kysely';
import type { Db } from './accounts';

export interface RateDecision {
  allowed: boolean;
  hits: number;
  /** Seconds until the current window ends (for Retry-After). */
  retryAfterSeconds: number;
}

/**
 * A fixed one-minute window counter kept in the database, so every server process behind
 * a load balancer shares it (architecture: no process-local state). One upsert per hit:
 * `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` is atomic on both SQLite and PostgreSQL.
 */
export class RateLimiter {
  private lastSweep = 0;

  constructor(private readonly db: Db) {}

  async hit(bucket: string, limit: number, now: Date): Promise<RateDecision> {
    const windowMs = 60_000;
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    const windowStart = new Date(start).toISOString();
    const row = await this.db
      .insertInto('rate_limits')
      .values({ bucket, window_start: windowStart, hits: 1 })
      .onConflict((oc) =>
        oc
          .columns(['bucket', 'window_start'])
          .doUpdateSet({ hits: sql<number>`rate_limits.hits + 1` }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    // Old windows are swept at most once a minute per process (any process may do it).
    if (start > this.lastSweep) {
      this.lastSweep = start;
      await this.db.deleteFrom('rate_limits').where('window_start', '<', windowStart).execute();
    }
    const hits = Number(row.hits);
    return {
      allowed: hits <= limit,
      hits,
      retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)),
    };
  }
}
