import type { FollowUpProgram } from '@caredesk/core';
import type { Kysely } from 'kysely';
import { programVersion, storedProgram } from '../../storage/care-transitions/follow-up-store';
import type { Schema } from '../../storage/schema';

/** Versions kept parsed; an organization has a handful of programs and few versions each. */
const MAX_KEPT = 500;

/** Freezes a parsed definition all the way down: it is shared by every plan that reads it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/**
 * Parsed program definitions by organization, code and version. A published version is
 * never edited (publishing writes the next version; retiring only clears `active`), so a
 * version read once is the same for as long as the process runs. Every discharge (A03)
 * asks which programs it starts; reading and parsing each active definition again was a
 * measurable share of an HL7 message's time (`npm run bench`, issue #6 point 9).
 */
export class ProgramDefinitions {
  private readonly kept = new Map<string, FollowUpProgram>();

  async get(
    db: Kysely<Schema>,
    organizationId: string,
    code: string,
    version: number,
  ): Promise<FollowUpProgram | null> {
    const key = `${organizationId}\u0000${code}\u0000${version}`;
    const hit = this.kept.get(key);
    if (hit) return hit;
    const row = await programVersion(db, organizationId, code, version);
    if (!row) return null;
    const definition = deepFreeze(storedProgram(row).definition);
    if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, definition);
    return definition;
  }
}
