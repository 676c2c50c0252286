import { onOtherTabs, tellOtherTabs } from '../app/tabs';

/**
 * The one way the web app talks to the CareDesk API: same-origin JSON, the session
 * cookie sent by the browser, the CSRF token (held in memory only, never in storage)
 * on every state-changing request, and the app's language so that problem messages
 * come back in it.
 */
export interface ProblemIssue {
  path: string;
  message: string;
}

/** An RFC 9457 problem from the API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ProblemIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let language = 'en';
let lastAnswered = Date.now();

/**
 * When the server last answered a request: each one counts as activity on the session,
 * so the idle warning (shell/idle-warning) measures from here.
 */
export function lastServerContact(): number {
  return lastAnswered;
}

// Another tab's request counts too: they share the session.
onOtherTabs((m) => {
  if (m.kind === 'contact') lastAnswered = Math.max(lastAnswered, m.at);
});

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

interface ProblemBody {
  code?: string;
  title?: string;
  issues?: ProblemIssue[];
}

async function toError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as ProblemBody;
  const issues = Array.isArray(body.issues) ? body.issues : [];
  // A domain problem carries its message on its one issue; a field problem lists several.
  const message = issues.length === 1 ? (issues[0]?.message ?? '') : (body.title ?? '');
  return new ApiError(res.status, body.code ?? 'unknown', message || res.statusText, issues);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  lastAnswered = Date.now();
  tellOtherTabs({ kind: 'contact', at: lastAnswered });
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
