import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/caredesk.mjs', import.meta.url));

/**
 * The Node flags `caredesk` runs with: its first line (`#!/usr/bin/env -S node …`) gives
 * them to Node when the command is run as `caredesk` or `npx caredesk`; a process started
 * as `node bin/caredesk.mjs` passes them itself (bin/caredesk.mjs says why).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=1024'];

/** A free TCP port on 127.0.0.1, for a server started in a child process. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

/**
 * Starts `caredesk serve` as a real process (the same entry point as `npm start`) and
 * resolves once it answers /api/health, asked every `pollMs`.
 */
export async function startServerProcess(
  env: Record<string, string>,
  port: number,
  args: string[] = [],
  { pollMs = 50, timeoutMs = 30_000 }: { pollMs?: number; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  let out = '';
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, BIN, 'serve', ...args], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Test servers run side by side: each takes free SMTP and MLLP ports unless told ones.
      INBOUND_MAIL_PORT: '0',
      MLLP_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return { child, baseUrl, output: () => out };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within ${timeoutMs / 1000} s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export function killHard(server: ServerProcess): Promise<void> {
  return new Promise((resolveKill) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolveKill();
    server.child.once('exit', () => resolveKill());
    server.child.kill('SIGKILL');
  });
}
