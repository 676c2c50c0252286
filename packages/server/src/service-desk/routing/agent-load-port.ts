import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema';

/**
 * How many active cases each agent holds now: the load routing balances and caps. The
 * cases capability implements it over its own table (cases in an active status assigned
 * to the agent); it runs in the routing transaction, so a case created earlier in the
 * same transaction counts.
 */
export interface AgentLoadPort {
  /** Active cases per account id; an account without any may be left out (counts as 0). */
  activeCaseCounts(
    trx: Kysely<Schema>,
    organizationId: string,
    accountIds: string[],
  ): Promise<Map<string, number>>;
}
