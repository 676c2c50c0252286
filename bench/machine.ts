import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  /** When the run started, ISO 8601 UTC. */
  date: string;
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
