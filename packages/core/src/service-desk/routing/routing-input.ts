import {
  CASE_CHANNELS,
  CASE_PRIORITIES,
  type CaseChannel,
  type CasePriority,
} from '../../cases/case';
import { normalizeLanguage } from '../../patients/language';
import { DomainError, type FieldIssue } from '../../shared/domain-error';
import { canonicalText, textProblem } from '../../shared/text';
import { MAX_AGENT_CAPACITY } from './agent-profile';
import { QUEUE_STRATEGIES, type Queue } from './queue';

/** A queue as a supervisor writes it: everything but its identity. */
export type QueueDraft = Omit<Queue, 'id' | 'organizationId'>;

/** The skills and capacity a supervisor sets for an agent. */
export interface AgentSkillsDraft {
  languages: string[];
  categories: string[];
  capacity: number;
}

/** Limits on what one queue or agent may list: far above any real desk, low enough to bound work. */
export const MAX_QUEUE_NAME = 100;
export const MAX_LISTED = 50;
export const MAX_QUEUE_ORDER = 10_000;

// Category codes: the built-in ones and those administrators add (lower-case, hyphens).
const CATEGORY_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

class Issues {
  readonly list: FieldIssue[] = [];
  add(path: string, messageKey: string, detail: string): void {
    this.list.push({ path, messageKey, detail });
  }
  throwIfAny(): void {
    if (this.list.length > 0)
      throw new DomainError('validation', 'problem.validation', 'Invalid fields.', this.list);
  }
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

function languages(values: readonly string[], path: string, issues: Issues): string[] {
  if (values.length > MAX_LISTED) issues.add(path, 'validation.field.invalid', `${path}: too many`);
  const out: string[] = [];
  values.forEach((v, i) => {
    const tag = normalizeLanguage(v);
    if (tag === null)
      issues.add(`${path}/${i}`, 'validation.language.invalid', `${path}/${i}: not BCP-47`);
    else out.push(tag);
  });
  return unique(out);
}

function categories(values: readonly string[], path: string, issues: Issues): string[] {
  if (values.length > MAX_LISTED) issues.add(path, 'validation.field.invalid', `${path}: too many`);
  values.forEach((v, i) => {
    if (!CATEGORY_CODE.test(v))
      issues.add(`${path}/${i}`, 'routing.category.invalid', `${path}/${i}: not a category code`);
  });
  return unique(values.filter((v) => CATEGORY_CODE.test(v)));
}

function members<T extends string>(
  values: readonly string[],
  allowed: readonly T[],
  path: string,
  issues: Issues,
): T[] {
  values.forEach((v, i) => {
    if (!(allowed as readonly string[]).includes(v))
      issues.add(`${path}/${i}`, 'validation.field.invalid', `${path}/${i}: unknown`);
  });
  return unique(values.filter((v): v is T => (allowed as readonly string[]).includes(v)));
}

/**
 * A queue draft checked and put in its stored form: the name in NFC without control or
 * direction characters, language tags normalised (es-MX stays es-mx, no becomes nb),
 * lists without repeats. Throws a validation DomainError naming every bad field.
 */
export function checkQueueDraft(draft: QueueDraft): QueueDraft {
  const issues = new Issues();
  const name = canonicalText(draft.name);
  const problem = name === '' ? 'required' : textProblem(name, MAX_QUEUE_NAME);
  if (problem === 'required') issues.add('name', 'validation.field.required', 'name: required');
  else if (problem) issues.add('name', `validation.text.${problem}`, `name: ${problem}`);
  if (!(QUEUE_STRATEGIES as readonly string[]).includes(draft.strategy))
    issues.add('strategy', 'validation.field.invalid', 'strategy: unknown');
  if (!Number.isInteger(draft.order) || draft.order < 0 || draft.order > MAX_QUEUE_ORDER)
    issues.add('order', 'validation.field.invalid', 'order: out of range');
  const checked: QueueDraft = {
    name,
    teamId: draft.teamId,
    strategy: draft.strategy,
    requiredSkills: {
      languages: languages(draft.requiredSkills.languages, 'requiredSkills/languages', issues),
      categories: categories(draft.requiredSkills.categories, 'requiredSkills/categories', issues),
    },
    matches: {
      categories: categories(draft.matches.categories, 'matches/categories', issues),
      priorities: members<CasePriority>(
        draft.matches.priorities,
        CASE_PRIORITIES,
        'matches/priorities',
        issues,
      ),
      channels: members<CaseChannel>(
        draft.matches.channels,
        CASE_CHANNELS,
        'matches/channels',
        issues,
      ),
    },
    order: draft.order,
    active: draft.active,
  };
  issues.throwIfAny();
  return checked;
}

/** An agent's skills and capacity checked and normalised, as for queues. */
export function checkAgentSkills(draft: AgentSkillsDraft): AgentSkillsDraft {
  const issues = new Issues();
  if (
    !Number.isInteger(draft.capacity) ||
    draft.capacity < 0 ||
    draft.capacity > MAX_AGENT_CAPACITY
  )
    issues.add('capacity', 'routing.capacity.invalid', 'capacity: out of range');
  const checked = {
    languages: languages(draft.languages, 'languages', issues),
    categories: categories(draft.categories, 'categories', issues),
    capacity: draft.capacity,
  };
  issues.throwIfAny();
  return checked;
}
