import { readFileSync } from 'node:fs';
import autocannon, { type Request } from 'autocannon';

/** One HTTP workload's figures. Latencies are autocannon's, in whole milliseconds. */
export interface LoadResult {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  /** Average requests per second over the measured window. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** CPU the server process used during the window, in cores (1.0 = one core busy). */
  serverCores: number | null;
  /** CPU this process (the load generator) used during the window, in cores. */
  generatorCores: number;
  /**
   * Seconds the server then needed to answer a probe read within 250 ms: requests the load
   * generator abandoned at the end of the window are still being worked off meanwhile.
   */
  drainS: number;
}

export interface LoadOptions {
  name: string;
  baseUrl: string;
  paths: string[];
  connections: number;
  durationS: number;
  warmupS: number;
  serverPid: number | undefined;
  /** A cheap path (one patient read) used to wait until the server is idle again. */
  probePath: string;
  /** Sent with every request and probe: the API token (`authorization: Bearer cd_...`). */
  headers?: Record<string, string>;
}

/**
 * Waits until `probePath` answers within 250 ms (at most maxS), so one workload's abandoned
 * requests do not land in the next one's window. Returns the seconds waited.
 */
export async function drain(
  baseUrl: string,
  probePath: string,
  headers: Record<string, string> = {},
  maxS = 60,
): Promise<number> {
  const started = performance.now();
  while ((performance.now() - started) / 1000 < maxS) {
    const t = performance.now();
    try {
      const res = await fetch(baseUrl + probePath, { headers });
      await res.arrayBuffer();
      // 250 ms: an audited read commits durably (fsync) before it answers, which on
      // PostgreSQL alone can take tens of milliseconds on this disk.
      if (res.ok && performance.now() - t < 250) break;
    } catch {
      // keep probing until maxS
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return (performance.now() - started) / 1000;
}

/** Request factory that hands out the paths round-robin, across all connections. */
export function rotatingRequests(paths: string[], headers: Record<string, string> = {}): Request[] {
  if (paths.length === 0) throw new Error('no request paths');
  let next = 0;
  return [
    {
      method: 'GET',
      headers,
      setupRequest: (req) => {
        const path = paths[next]!;
        next = (next + 1) % paths.length;
        return { ...req, path, headers: { ...req.headers, ...headers } };
      },
    },
  ];
}

const CLOCK_TICKS = 100;

/** User + system CPU seconds of a process, from /proc/<pid>/stat; null when unreadable. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name "(...)": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** A /proc/<pid>/status field in MiB (VmRSS, VmHWM), or null. */
export function processMemoryMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Runs the paths for warmupS (discarded), then durationS measured. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const headers = opts.headers ?? {};
  const base = { url: opts.baseUrl, connections: opts.connections, timeout: 10, headers };
  if (opts.warmupS > 0) {
    await autocannon({
      ...base,
      duration: opts.warmupS,
      requests: rotatingRequests(opts.paths, headers),
    });
    await drain(opts.baseUrl, opts.probePath, headers);
  }
  const serverCpu0 = processCpuSeconds(opts.serverPid);
  const ownCpu0 = process.cpuUsage();
  const started = performance.now();
  const r = await autocannon({
    ...base,
    duration: opts.durationS,
    requests: rotatingRequests(opts.paths, headers),
  });
  const wall = (performance.now() - started) / 1000;
  const serverCpu1 = processCpuSeconds(opts.serverPid);
  const own = process.cpuUsage(ownCpu0);
  const drainS = await drain(opts.baseUrl, opts.probePath, headers);
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
