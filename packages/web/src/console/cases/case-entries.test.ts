import { describe, expect, it } from 'vitest';
import type { CaseDetail, CaseView } from '../../cases/cases-api';
import { entriesOf } from './case-entries';
import { eventText } from './case-event-text';
import { parseTags } from './case-tags';

const T0 = '2025-03-30T09:00:00.000Z';
const T1 = '2025-03-30T09:05:00.000Z';

const message = (id: string, at: string, visibility: 'public' | 'internal' = 'public') => ({
  id,
  at,
  authorKind: 'staff',
  authorName: 'Ada',
  visibility,
  channel: 'portal',
  body: id,
  safeHtml: null,
});
const event = (kind: string, at: string, data: Record<string, unknown> = {}) => ({
  at,
  actorKind: 'staff',
  actorName: 'Ada',
  kind,
  data,
});

const detail = (d: Pick<CaseDetail, 'messages' | 'timeline'>): CaseDetail => ({
  case: {} as CaseView,
  people: {},
  ...d,
});

/** Messages as the English catalog would say them, enough to read the test. */
const t = (key: string, values?: Record<string, string | number>) =>
  `${key}${values ? ` ${JSON.stringify(values)}` : ''}`;

describe('the case timeline', () => {
  it('reads in the order things happened: opening, message, then what the message changed', () => {
    const entries = entriesOf(
      detail({
        messages: [message('question', T0), message('answer', T1)],
        timeline: [
          event('status', T1, { from: 'new', to: 'pending-patient' }),
          event('message', T1),
          event('message', T0),
          event('routed', T0, { reason: 'least-loaded', assigneeId: 'ada' }),
          event('created', T0),
        ],
      }),
    );
    expect(entries.map((e) => ('message' in e ? e.message.id : e.event.kind))).toEqual([
      'routed',
      'created',
      'question',
      'answer',
      'status',
    ]);
  });

  it('says each change in words, naming people, and still shows kinds it does not know', () => {
    const person = (id: string) => (id === 'ada' ? 'Ada Front' : 'A colleague');
    expect(eventText(t, event('assigned', T0, { from: null, to: 'ada' }), person)).toBe(
      'web.cases.event.assigned {"name":"Ada Front"}',
    );
    expect(eventText(t, event('assigned', T0, { from: 'ada', to: null }), person)).toBe(
      'web.cases.event.unassigned',
    );
    expect(eventText(t, event('routed', T0, { reason: 'no-agent-speaks-language' }), person)).toBe(
      'web.cases.event.unrouted.no-agent-speaks-language',
    );
    expect(eventText(t, event('tags', T0, { to: '["insulin","urgent-call"]' }), person)).toBe(
      'web.cases.event.tags {"tags":"insulin, urgent-call"}',
    );
    expect(eventText(t, event('patient-merged', T0, { intoPatientId: 'p2' }), person)).toBe(
      'web.cases.event.patient-merged',
    );
    expect(eventText(t, event('sla-breached', T0), person)).toBe(
      'web.cases.event.other {"kind":"sla-breached"}',
    );
    // A disclosure says what kind of information went out and why (never to whom here).
    expect(
      eventText(
        t,
        event('disclosure', T0, {
          recipient: { name: 'Dr Berg' },
          purpose: 'Second opinion',
          category: 'medications',
        }),
        person,
      ),
    ).toBe(
      'web.disclosure.event {"category":"web.category.medications","purpose":"Second opinion"}',
    );
    // A status the page cannot name is not passed off as one it can.
    expect(eventText(t, event('status', T0, { from: 'new', to: 'on-hold' }), person)).toBe(
      'web.cases.event.other {"kind":"status"}',
    );
  });

  it('takes tags as typed: separated by commas, lower-case, each once', () => {
    expect(parseTags('Insulin, urgent-call,, insulin ')).toEqual(['insulin', 'urgent-call']);
    expect(parseTags('  ')).toEqual([]);
  });
});
