import { normalizeLanguage } from '../../patients/language';

/**
 * Whether an agent takes new cases now. Only `available` agents are routed cases; `away`
 * (a break, a meeting) and `offline` keep the cases they already have.
 */
export const AGENT_AVAILABILITIES = ['available', 'away', 'offline'] as const;
export type AgentAvailability = (typeof AGENT_AVAILABILITIES)[number];

/** What routing knows about one agent: skills, how many cases they can hold, and whether they take new ones. */
export interface AgentProfile {
  accountId: string;
  organizationId: string;
  /** BCP-47 tags of the languages the agent serves patients in (en, es, lv, nb...). */
  languages: string[];
  /** Case category codes the agent is skilled in. */
  categories: string[];
  /** Most active cases the agent holds before routing passes them over. */
  capacity: number;
  availability: AgentAvailability;
  /** ISO 8601 UTC instant routing last gave them a case; null when never. */
  lastAssignedAt: string | null;
}

/** Capacity given to an agent nobody has configured yet (a full desk, by contact-centre habit). */
export const DEFAULT_AGENT_CAPACITY = 10;
/** The most cases one agent may be set to hold at once. */
export const MAX_AGENT_CAPACITY = 200;

/**
 * The profile of a staff member nobody has configured: they speak the language their
 * account is set to, hold up to 10 cases, have no category skills, and take cases.
 */
export function defaultAgentProfile(account: {
  accountId: string;
  organizationId: string;
  preferredLanguage: string;
}): AgentProfile {
  const language = normalizeLanguage(account.preferredLanguage);
  return {
    accountId: account.accountId,
    organizationId: account.organizationId,
    languages: language ? [language] : [],
    categories: [],
    capacity: DEFAULT_AGENT_CAPACITY,
    availability: 'available',
    lastAssignedAt: null,
  };
}

/**
 * The language a tag is matched on: its primary subtag after normalisation, so an agent
 * who speaks `es` serves a patient whose language is `es-MX`, and `no` / `nb-NO` are
 * Bokmål (RFC 5646 §2.2.1; CareDesk serves Norwegian as nb).
 */
export function languageKey(tag: string): string | null {
  const known = languageKeys.get(tag);
  if (known !== undefined) return known;
  const normalized = normalizeLanguage(tag);
  const key = normalized ? (normalized.split('-')[0] ?? normalized) : null;
  // Routing asks this of every agent's languages for every new case, and the tags in use
  // are few: remembered, within a bound that hostile input cannot grow past.
  if (languageKeys.size >= LANGUAGE_KEYS_KEPT) languageKeys.clear();
  languageKeys.set(tag, key);
  return key;
}

const LANGUAGE_KEYS_KEPT = 1_000;
const languageKeys = new Map<string, string | null>();

/** Whether someone who speaks `languages` can serve a person whose language is `tag`. */
export function speaksLanguage(languages: readonly string[], tag: string): boolean {
  const wanted = languageKey(tag);
  return wanted !== null && languages.some((l) => languageKey(l) === wanted);
}
