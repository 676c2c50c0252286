import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, killHard, SERVER_NODE_FLAGS } from '@caredesk/server/testing/server-process';

const BIN = fileURLToPath(new URL('../packages/server/bin/caredesk.mjs', import.meta.url));

/**
 * Milliseconds from spawning `caredesk serve` to its first 200 from /api/health, polling
 * every 5 ms. The database must already be migrated and seeded. The process is killed after.
 */
export async function measureColdStart(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<number> {
  const port = await freePort();
  let out = '';
  const started = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, BIN, 'serve'], {
    // Free SMTP and MLLP ports: a cold start never fails on a port another run holds.
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      INBOUND_MAIL_PORT: '0',
      MLLP_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const server = { child, baseUrl: `http://127.0.0.1:${port}`, output: () => out };
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
      try {
        const res = await fetch(`${server.baseUrl}/api/health`);
        await res.arrayBuffer();
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > timeoutMs)
        throw new Error(`no answer within ${timeoutMs} ms:\n${out}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await killHard(server);
  }
}
