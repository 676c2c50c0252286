import type { CaseDetail, CaseEvent, CaseMessage } from '../../cases/cases-api';

export type Entry =
  | { at: string; rank: number; message: CaseMessage }
  | { at: string; rank: number; event: CaseEvent };

/**
 * Messages and changes in the order they happened. Where they share an instant, the
 * opening comes first, then the message, then what the message changed (a reply that
 * set the status reads "reply, then status").
 */
export function entriesOf(detail: CaseDetail): Entry[] {
  const rankOf = (kind: string) => (kind === 'created' || kind === 'routed' ? 0 : 2);
  const entries: Entry[] = [
    ...detail.messages.map((m) => ({ at: m.at, rank: 1, message: m })),
    // Each message has its own 'message' event; the message itself says it all.
    ...detail.timeline
      .filter((e) => e.kind !== 'message')
      .map((e) => ({ at: e.at, rank: rankOf(e.kind), event: e })),
  ];
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.e.rank - b.e.rank || a.i - b.i))
    .map(({ e }) => e);
}
