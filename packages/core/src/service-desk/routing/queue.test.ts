import { describe, expect, it } from 'vitest';
import type { CaseQueueFacts } from './queue';
import { queueFor } from './queue';
import { queueOf } from './testing-fixtures';

const billing = queueOf({
  id: 'q-billing',
  name: 'Billing',
  order: 10,
  matches: { categories: ['billing-question', 'billing-dispute'], priorities: [], channels: [] },
});
const urgentPhone = queueOf({
  id: 'q-urgent-phone',
  name: 'Urgent calls',
  order: 5,
  matches: { categories: [], priorities: ['urgent', 'asap', 'stat'], channels: ['phone'] },
});
const refillsInactive = queueOf({
  id: 'q-refills',
  name: 'Pharmacy & refills',
  order: 1,
  active: false,
  matches: { categories: ['refill'], priorities: [], channels: [] },
});
const general = queueOf({ id: 'q-general', order: 100 });
const queues = [general, billing, refillsInactive, urgentPhone];

const facts = (f: Partial<CaseQueueFacts>): CaseQueueFacts => ({
  category: 'general',
  priority: 'routine',
  channel: 'portal',
  ...f,
});

describe('queueFor: the first active queue, in order, that takes the case', () => {
  it.each([
    ['a billing question from the portal', facts({ category: 'billing-question' }), 'q-billing'],
    [
      'an urgent billing call (urgent calls come first)',
      facts({ category: 'billing-dispute', priority: 'urgent', channel: 'phone' }),
      'q-urgent-phone',
    ],
    [
      'an urgent billing e-mail (only calls go to the urgent line)',
      facts({ category: 'billing-dispute', priority: 'urgent', channel: 'email' }),
      'q-billing',
    ],
    ['a refill, whose queue is switched off', facts({ category: 'refill' }), 'q-general'],
    ['a complaint by SMS', facts({ category: 'complaint', channel: 'sms' }), 'q-general'],
  ])('%s', (_what, f, expected) => {
    expect(queueFor(queues, f)?.id).toBe(expected);
  });

  it('answers null when no active queue takes the case', () => {
    expect(queueFor([billing, refillsInactive], facts({ category: 'refill' }))).toBeNull();
    expect(queueFor([], facts({}))).toBeNull();
  });

  it('breaks equal orders by id, whatever order the queues are listed in', () => {
    const a = queueOf({ id: 'a', order: 1 });
    const b = queueOf({ id: 'b', order: 1 });
    expect(queueFor([b, a], facts({}))?.id).toBe('a');
    expect(queueFor([a, b], facts({}))?.id).toBe('a');
  });
});
