import autocannon, { type Request } from 'autocannon';
import type { AgentLogin } from './desk-world';
import { drain, processCpuSeconds, type LoadResult } from './workloads';

/** A signed-in agent: their session cookie and the CSRF token that goes with it. */
export interface AgentSession {
  accountId: string;
  cookie: string;
  csrfToken: string;
}

/**
 * Signs every agent in through POST /api/auth/login, as the console does (the bench server
 * runs without the staff MFA requirement, LOGIN_SERVER_ENV), and keeps their sessions.
 */
export async function signInAgents(baseUrl: string, logins: AgentLogin[]): Promise<AgentSession[]> {
  const sessions: AgentSession[] = [];
  for (const login of logins) {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: login.email, password: login.password }),
    });
    const body = (await res.json()) as { mfaRequired?: boolean; csrfToken?: string };
    const cookie = /cd_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    if (res.status !== 200 || body.mfaRequired !== false || !cookie || !body.csrfToken)
      throw new Error(`agent sign-in failed: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    sessions.push({
      accountId: login.accountId,
      cookie: `cd_session=${cookie}`,
      csrfToken: body.csrfToken,
    });
  }
  return sessions;
}

/** One request as an agent sends it. */
export interface AgentRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The headers of an agent's request: their cookie, and on changes the CSRF token and JSON. */
export function agentHeaders(session: AgentSession, change = false): Record<string, string> {
  return change
    ? {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'content-type': 'application/json',
      }
    : { cookie: session.cookie };
}

/** Hands the prepared requests out round-robin across all connections. */
export function rotating(requests: readonly AgentRequest[]): Request[] {
  if (requests.length === 0) throw new Error('no requests');
  let next = 0;
  return [
    {
      method: 'GET',
      setupRequest: (req) => {
        const r = requests[next]!;
        next = (next + 1) % requests.length;
        return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
      },
    },
  ];
}

export interface DeskLoadOptions {
  name: string;
  baseUrl: string;
  requests: readonly AgentRequest[];
  connections: number;
  durationS: number;
  warmupS: number;
  serverPid: number | undefined;
  /** A cheap read (an agent's inbox) used to wait until the server is idle again. */
  probe: { path: string; headers: Record<string, string> };
}

/**
 * The same measurement as workloads.ts runLoad (warm-up discarded, drain between windows,
 * server and generator CPU), with per-request agents, methods and bodies.
 */
export async function runDeskLoad(opts: DeskLoadOptions): Promise<LoadResult> {
  const base = { url: opts.baseUrl, connections: opts.connections, timeout: 10 };
  if (opts.warmupS > 0) {
    await autocannon({ ...base, duration: opts.warmupS, requests: rotating(opts.requests) });
    await drain(opts.baseUrl, opts.probe.path, opts.probe.headers);
  }
  const serverCpu0 = processCpuSeconds(opts.serverPid);
  const ownCpu0 = process.cpuUsage();
  const started = performance.now();
  const r = await autocannon({
    ...base,
    duration: opts.durationS,
    requests: rotating(opts.requests),
  });
  const wall = (performance.now() - started) / 1000;
  const serverCpu1 = processCpuSeconds(opts.serverPid);
  const own = process.cpuUsage(ownCpu0);
  const drainS = await drain(opts.baseUrl, opts.probe.path, opts.probe.headers);
  return {
    name: opts.name,
    connections: opts.connections,
    seconds: wall,
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    serverCores:
      serverCpu0 !== null && serverCpu1 !== null ? (serverCpu1 - serverCpu0) / wall : null,
    generatorCores: (own.user + own.system) / 1e6 / wall,
    drainS,
  };
}
