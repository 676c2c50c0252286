import { readFileSync } from 'node:fs';
import os from 'node:os';
import { formatNumber } from './format';
import type { HostSpeed } from './host-speed';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  /** When the run started, ISO 8601 UTC. */
  date: string;
  /** Fixed work timed when the run started and when it ended (host-speed.ts). */
  hostSpeed?: { start: HostSpeed; end: HostSpeed };
}

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** The CPU model from /proc/cpuinfo (falls back to os.cpus()). */
export function cpuModel(cpuinfo: string = readOr('/proc/cpuinfo', '')): string {
  const m = /^model name\s*:\s*(.+)$/m.exec(cpuinfo);
  return m?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
}

/** PRETTY_NAME from /etc/os-release plus the kernel release. */
export function osDescription(osRelease: string = readOr('/etc/os-release', '')): string {
  const m = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease);
  return `${m?.[1] ?? os.type()} (kernel ${os.release()}, ${os.arch()})`;
}

export function machineInfo(now: Date = new Date()): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.availableParallelism(),
    ramGiB: os.totalmem() / 1024 ** 3,
    os: osDescription(),
    node: process.version,
    date: now.toISOString(),
  };
}

/**
 * The Machine section's host-speed line: the same fixed work on every host, so that a
 * figure here can be set against another record's (a host twice as slow halves the rates).
 */
export function hostSpeedLines(m: MachineInfo): string[] {
  if (!m.hostSpeed) return [];
  const { start, end } = m.hostSpeed;
  const figure = (pick: (s: HostSpeed) => number, digits: number) =>
    `${formatNumber(pick(start), digits)} → ${formatNumber(pick(end), digits)}`;
  return [
    '- Host speed (fixed work, bench/host-speed.ts; median of 3, lower is faster; at the start → at the end of the run): ' +
      `JavaScript ${figure((s) => s.javascriptMs, 0)} ms, ` +
      `SQLite in memory ${figure((s) => s.sqliteMs, 0)} ms, ` +
      `durable commit ${figure((s) => s.commitMs, 2)} ms`,
  ];
}
