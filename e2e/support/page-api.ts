import type { Page } from 'playwright-core';

export interface PageApiAnswer<T> {
  status: number;
  body: T;
}

/**
 * Calls the CareDesk API from inside the page, as the person signed in there: their
 * session cookie, the session's CSRF token (asked of /api/auth/me, as the app does) and
 * the page's own Origin. What a supervisor would otherwise click through elsewhere.
 */
export async function pageApi<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<PageApiAnswer<T>> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: {
          'x-csrf-token': me.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
    { method, path, body },
  );
}

/** Like pageApi, but a refusal fails the test with what the server said. */
export async function pageApiOk<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const answer = await pageApi<T>(page, method, path, body);
  if (answer.status >= 400)
    throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
