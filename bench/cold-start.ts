import { freePort, killHard, startServerProcess } from '@caredesk/server/testing/server-process';

/**
 * Milliseconds from spawning `caredesk serve` to its first 200 from /api/health, polling
 * every 5 ms. The database must already be migrated and seeded. The process is killed after.
 */
export async function measureColdStart(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const server = await startServerProcess(env, port, [], { pollMs: 5, timeoutMs });
  const ms = performance.now() - started;
  await killHard(server);
  return ms;
}
