import { describe, expect, it } from 'vitest';
import { BUILT_IN_CASE_CATEGORIES, CASE_PRIORITIES, type CasePriority } from '../../cases/case';
import {
  defaultSlaPolicies,
  selectPolicy,
  validateSlaPolicy,
  type SlaPolicy,
  type SlaPolicyInput,
} from './sla-policy';

const policy = (id: string, category: string, priority: SlaPolicy['priority']): SlaPolicy => ({
  id,
  category,
  priority,
  firstResponseMinutes: 60,
  resolutionMinutes: 480,
  warnAtShare: 0.75,
  onBreach: [],
});

describe('selectPolicy', () => {
  const all = [
    policy('any', '*', '*'),
    policy('stat', '*', 'stat'),
    policy('refill', 'refill', '*'),
    policy('refill-stat', 'refill', 'stat'),
  ];

  it.each<[string, CasePriority, string | null]>([
    ['refill', 'stat', 'refill-stat'],
    ['refill', 'routine', 'refill'],
    ['complaint', 'stat', 'stat'],
    ['complaint', 'routine', 'any'],
  ])('%s / %s → %s', (category, priority, id) => {
    expect(selectPolicy(all, category, priority)?.id ?? null).toBe(id);
  });

  it('prefers the category over the priority, whatever the list order', () => {
    const reversed = [...all].reverse();
    expect(selectPolicy(reversed, 'refill', 'stat')?.id).toBe('refill-stat');
    expect(selectPolicy(reversed.slice(1), 'refill', 'stat')?.id).toBe('refill');
  });

  it('answers null when nothing matches', () => {
    expect(selectPolicy([policy('x', 'refill', 'stat')], 'complaint', 'stat')).toBeNull();
    expect(selectPolicy([], 'refill', 'stat')).toBeNull();
  });
});

describe('validateSlaPolicy', () => {
  const good: SlaPolicyInput = {
    category: 'billing-dispute',
    priority: 'urgent',
    firstResponseMinutes: 240,
    resolutionMinutes: 480,
    warnAtShare: 0.75,
    onBreach: ['notify-supervisor', 'raise-priority'],
  };
  const pathsOf = (change: Partial<SlaPolicyInput>) =>
    validateSlaPolicy({ ...good, ...change }).map((i) => `${i.path} ${i.messageKey}`);

  it('accepts a sensible policy and the catch-all', () => {
    expect(pathsOf({})).toEqual([]);
    expect(pathsOf({ category: '*', priority: '*', onBreach: [] })).toEqual([]);
  });

  it.each<[Partial<SlaPolicyInput>, string[]]>([
    [{ category: 'Billing Dispute' }, ['category validation.field.invalid']],
    [{ category: '' }, ['category validation.field.invalid']],
    [{ priority: 'soon' as 'stat' }, ['priority validation.field.invalid']],
    [{ firstResponseMinutes: 0 }, ['firstResponseMinutes sla.policy.target']],
    [{ firstResponseMinutes: 1.5 }, ['firstResponseMinutes sla.policy.target']],
    [{ resolutionMinutes: 10_000_000 }, ['resolutionMinutes sla.policy.target']],
    [{ resolutionMinutes: 120 }, ['resolutionMinutes sla.policy.resolutionBeforeResponse']],
    [{ warnAtShare: 1 }, ['warnAtShare sla.policy.warnShare']],
    [{ warnAtShare: 0 }, ['warnAtShare sla.policy.warnShare']],
    [{ warnAtShare: Number.NaN }, ['warnAtShare sla.policy.warnShare']],
    [
      { onBreach: ['notify-supervisor', 'notify-supervisor', 'page' as 'reassign'] },
      ['onBreach/1 validation.field.invalid', 'onBreach/2 validation.field.invalid'],
    ],
  ])('refuses %j', (change, expected) => {
    expect(pathsOf(change)).toEqual(expected);
  });
});

describe('defaultSlaPolicies', () => {
  const defaults = defaultSlaPolicies();

  it('gives every built-in category and priority a valid policy', () => {
    for (const d of defaults) expect(validateSlaPolicy(d)).toEqual([]);
    const withIds = defaults.map((d, i) => ({ ...d, id: String(i) }));
    for (const category of BUILT_IN_CASE_CATEGORIES)
      for (const priority of CASE_PRIORITIES)
        expect(selectPolicy(withIds, category, priority)?.priority).toBe(priority);
  });

  it('is strictly faster for each step up in priority', () => {
    const byPriority = CASE_PRIORITIES.map((p) => defaults.find((d) => d.priority === p)!);
    for (let i = 1; i < byPriority.length; i++) {
      expect(byPriority[i]!.firstResponseMinutes).toBeLessThan(
        byPriority[i - 1]!.firstResponseMinutes,
      );
      expect(byPriority[i]!.resolutionMinutes).toBeLessThan(byPriority[i - 1]!.resolutionMinutes);
    }
  });

  it('raises the priority on breach from urgent up, and always tells the supervisor', () => {
    expect(Object.fromEntries(defaults.map((d) => [d.priority, d.onBreach]))).toEqual({
      stat: ['notify-supervisor', 'raise-priority'],
      asap: ['notify-supervisor', 'raise-priority'],
      urgent: ['notify-supervisor', 'raise-priority'],
      routine: ['notify-supervisor'],
    });
  });
});
