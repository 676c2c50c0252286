import { fixedClock, isDomainError, type MacroInput } from '@caredesk/core';
import type { RequestAudit } from '../access/request-audit';
import { MacroService } from '../service-desk/macros/macro-service';
import type { Database } from '../storage/database';
import { FOLLOW_UP_MACROS } from './demo-macros-follow-up';
import { REQUEST_MACROS } from './demo-macros-requests';

/** The demo clinic's macros: eight everyday answers, each in en, es, lv and nb. */
export const DEMO_MACROS: readonly MacroInput[] = [...REQUEST_MACROS, ...FOLLOW_UP_MACROS];

/**
 * Writes the demo macros through the macro service (validated and audited like any
 * supervisor's). A macro whose name is already taken is left as it is, so loading the
 * demo again never duplicates or overwrites one a supervisor has edited.
 */
export async function loadDemoMacros(
  database: Database,
  organizationId: string,
  now: Date,
  audit: RequestAudit,
): Promise<number> {
  const macros = new MacroService(database, fixedClock(now));
  let created = 0;
  for (const input of DEMO_MACROS) {
    try {
      await macros.create(organizationId, input, audit);
      created++;
    } catch (e) {
      if (!(isDomainError(e) && e.messageKey === 'macros.name-taken')) throw e;
    }
  }
  return created;
}
