/**
 * Scripts that run inside the page, kept as JavaScript text on purpose: the benchmark
 * runs under tsx, which wraps named functions in a `__name(...)` helper that exists in
 * Node but not in the page, so a TypeScript function handed to page.evaluate would fail
 * there. (The root tsconfig has no DOM types either: nothing here is checked by tsc.)
 */

/**
 * Resolves with the page's Largest Contentful Paint (the buffered entries: a candidate
 * painted before this runs still counts), the element it was, and when the page's first
 * byte and its last script's last byte arrived, all from navigation start. Null when the
 * browser reported no LCP within 5 s.
 */
export const READ_LCP = `new Promise((resolve) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const scripts = performance
    .getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.endsWith('.js'));
  const timing = {
    firstByteMs: nav ? nav.responseStart : NaN,
    scriptsDoneMs: scripts.reduce((max, e) => Math.max(max, e.responseEnd), 0),
  };
  const describe = (el) => {
    if (!el) return 'an element since removed';
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 48);
    return el.tagName.toLowerCase() + (text ? ' "' + text + '"' : '');
  };
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    const last = entries[entries.length - 1];
    if (last) resolve({ ms: last.startTime, element: describe(last.element), ...timing });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => resolve(null), 5000);
})`;

/**
 * Installs the keystroke probe on the console's patient search (console/patient-search):
 *
 * - A key event on the box starts the clock at the event's own time stamp (when the
 *   browser received the key, before any of the page's code ran). A character typed
 *   without a key event (an IME, a paste) starts it at its input event instead.
 * - The text after the keystroke is what must be shown. If the status line still shows
 *   an earlier answer, it must first go empty (the search for the new text begins),
 *   so an earlier text's results never count as this one's.
 * - The status line showing an answer again (a count, "no patient matches", or an error)
 *   with this text in the box stops the clock at the first frame painted after it: a
 *   requestAnimationFrame, then a message posted from there, which runs once that frame's
 *   style, layout and paint are done.
 * - The search request's resource timing (matched on its q parameter) splits the time
 *   into before the request, the request, and after it.
 *
 * Each finished keystroke is pushed to window.__caredeskTyping.done with its sequence
 * number (one per input that leaves text in the box).
 */
export const INSTALL_TYPING_PROBE = `(() => {
  const box = document.querySelector('input[role="combobox"]');
  if (!box) throw new Error('no patient search box on the page');
  const root = box.closest('.patient-search') || document.body;
  const status = root.querySelector('[role="status"]');
  const list = root.querySelector('[role="listbox"]');
  if (!status || !list) throw new Error('the patient search has no status line or list');
  performance.setResourceTimingBufferSize(100000);
  const probe = { keyAt: null, seq: 0, pending: null, done: [], waiters: [] };
  // Waiting happens in here, not through page.waitForFunction: that evaluates its
  // predicate as a string inside the page, which the app's CSP (no unsafe-eval) refuses.
  probe.waitFor = (seq, timeoutMs) =>
    new Promise((resolve) => {
      if (probe.done.some((d) => d.seq === seq)) return resolve(true);
      probe.waiters.push({ seq, resolve });
      setTimeout(() => resolve(false), timeoutMs);
    });
  window.__caredeskTyping = probe;
  const statusText = () => (status.textContent || '').trim();
  const requestFor = (text, after) => {
    const q = text.trim();
    const hits = performance.getEntriesByType('resource').filter((e) => {
      const url = new URL(e.name);
      return url.pathname === '/api/patients' && url.searchParams.get('q') === q && e.startTime >= after;
    });
    return hits[hits.length - 1] || null;
  };
  document.addEventListener('keydown', (e) => {
    if (e.target === box) probe.keyAt = e.timeStamp;
  }, true);
  document.addEventListener('input', (e) => {
    if (e.target !== box) return;
    const keyAt = probe.keyAt === null ? e.timeStamp : probe.keyAt;
    probe.keyAt = null;
    if (box.value.trim() === '') {
      probe.pending = null;
      return;
    }
    probe.seq += 1;
    probe.pending = { seq: probe.seq, text: box.value, keyAt, seenEmpty: statusText() === '' };
  }, true);
  const check = () => {
    const p = probe.pending;
    if (!p) return;
    const shown = statusText();
    if (!p.seenEmpty) {
      if (shown === '') p.seenEmpty = true;
      return;
    }
    if (shown === '' || box.value !== p.text) return;
    probe.pending = null;
    const options = list.querySelectorAll('[role="option"]').length;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const paintedAt = performance.now();
        const req = requestFor(p.text, p.keyAt);
        probe.done.push({
          seq: p.seq,
          text: p.text,
          ms: paintedAt - p.keyAt,
          toRequestMs: req ? req.startTime - p.keyAt : null,
          requestMs: req ? req.responseEnd - req.startTime : null,
          renderMs: req ? paintedAt - req.responseEnd : null,
          httpStatus: req && typeof req.responseStatus === 'number' ? req.responseStatus : null,
          options,
          status: shown,
        });
        for (const w of probe.waiters) if (w.seq === p.seq) w.resolve(true);
        probe.waiters = probe.waiters.filter((w) => w.seq !== p.seq);
      };
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(check).observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
})()`;

/**
 * Resolves true once the box is empty and nothing is shown (the next query starts from
 * scratch), checked every frame; false after `timeoutMs`.
 */
export const searchIsIdle = (timeoutMs: number): string => `new Promise((resolve) => {
  const started = performance.now();
  const tick = () => {
    const box = document.querySelector('input[role="combobox"]');
    const root = box && (box.closest('.patient-search') || document.body);
    const status = root && root.querySelector('[role="status"]');
    if (box && box.value === '' && status && (status.textContent || '').trim() === '') resolve(true);
    else if (performance.now() - started > ${timeoutMs}) resolve(false);
    else requestAnimationFrame(tick);
  };
  tick();
})`;

/** Resolves true once keystroke `seq` has been painted with its results; false after `timeoutMs`. */
export const keystrokeShown = (seq: number, timeoutMs: number): string =>
  `window.__caredeskTyping.waitFor(${seq}, ${timeoutMs})`;

/** The finished keystrokes so far (JSON-safe). */
export const TYPED = 'window.__caredeskTyping.done';
