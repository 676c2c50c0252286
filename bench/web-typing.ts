import type { Page } from 'playwright-core';
import type { TypeaheadKind, TypeaheadSample } from './samples';
import { INSTALL_TYPING_PROBE, keystrokeShown, searchIsIdle, TYPED } from './web-page-scripts';
import type { Keystroke, TypingFigures } from './web-results';

/**
 * Key to key when the results are already there: about 48 words a minute, a steady
 * front-desk typist. It is longer than the search's debounce (60 ms, use-typeahead.ts),
 * so every keystroke gets a search of its own; a faster typist's in-between keystrokes
 * would never show results at all, and so have no figure.
 */
export const TYPING_CADENCE_MS = 250;
/** A keystroke whose results are not on screen by then counts as never shown. */
export const KEYSTROKE_TIMEOUT_MS = 10_000;

/**
 * How many queries of each kind are typed: what the front desk types (bench/samples.ts's
 * mix without e-mail), 36 in all.
 */
export const TYPING_MIX: Array<[TypeaheadKind, number]> = [
  ['name', 12],
  ['given+family', 6],
  ['birth date', 6],
  ['phone', 6],
  ['MRN', 6],
];

/** The first distinct queries of each kind from the bench samples (deterministic per seed). */
export function typingQueries(
  samples: TypeaheadSample[],
  mix: Array<[TypeaheadKind, number]> = TYPING_MIX,
): TypeaheadSample[] {
  const chosen: TypeaheadSample[] = [];
  for (const [kind, count] of mix) {
    const seen = new Set<string>();
    for (const s of samples) {
      if (seen.size >= count) break;
      if (s.kind !== kind || seen.has(s.q)) continue;
      seen.add(s.q);
      chosen.push(s);
    }
  }
  return chosen;
}

/** What the page's probe records per keystroke (web-page-scripts.ts). */
interface ProbeEntry {
  seq: number;
  text: string;
  ms: number;
  toRequestMs: number | null;
  requestMs: number | null;
  renderMs: number | null;
  httpStatus: number | null;
  options: number;
  status: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Types each query into the console's patient search one character at a time, on a page
 * already signed in, and returns each keystroke's time from key event to results on screen.
 */
export async function measureTyping(
  page: Page,
  queries: TypeaheadSample[],
  patients: number,
): Promise<TypingFigures> {
  await page.evaluate(INSTALL_TYPING_PROBE);
  const box = page.locator('input[role="combobox"]');
  const typed: Array<{ seq: number; kind: TypeaheadKind; text: string }> = [];
  let seq = 0;
  for (const sample of queries) {
    await box.fill('');
    if (!(await page.evaluate<boolean>(searchIsIdle(KEYSTROKE_TIMEOUT_MS))))
      throw new Error('the patient search did not clear');
    await box.focus();
    const chars = [...sample.q];
    for (let i = 0; i < chars.length; i++) {
      const pressed = performance.now();
      await page.keyboard.type(chars[i]!);
      const text = chars.slice(0, i + 1).join('');
      if (text.trim() === '') continue;
      typed.push({ seq: ++seq, kind: sample.kind, text });
      // Waiting for the results before the next key is what makes every keystroke count.
      await page.evaluate<boolean>(keystrokeShown(seq, KEYSTROKE_TIMEOUT_MS));
      const rest = TYPING_CADENCE_MS - (performance.now() - pressed);
      if (rest > 0) await sleep(rest);
    }
  }
  const done = new Map(
    (await page.evaluate<ProbeEntry[]>(TYPED)).map((d): [number, ProbeEntry] => [d.seq, d]),
  );
  const keystrokes = typed.map(({ seq: n, kind, text }): Keystroke => {
    const d = done.get(n);
    // An answer other than 200 is on screen as an error message: not results.
    const failed = !d || (d.httpStatus !== null && d.httpStatus !== 200);
    return {
      kind,
      text,
      ms: failed ? null : d.ms,
      toRequestMs: d?.toRequestMs ?? null,
      requestMs: d?.requestMs ?? null,
      renderMs: d?.renderMs ?? null,
      options: d?.options ?? 0,
      problem: !d
        ? `not on screen within ${KEYSTROKE_TIMEOUT_MS} ms`
        : failed
          ? `HTTP ${d.httpStatus}: ${d.status}`
          : null,
    };
  });
  return {
    patients,
    queries: queries.length,
    keystrokes,
    cadenceMs: TYPING_CADENCE_MS,
    timeoutMs: KEYSTROKE_TIMEOUT_MS,
  };
}
