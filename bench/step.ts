import type { EngineResult } from './results';

export type Log = (line: string) => void;

/**
 * Runs one workload. A failure is recorded in the results (and so in the report) with
 * the workload's name, and the run goes on with the next one.
 */
export async function step(
  result: EngineResult,
  log: Log,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  log(`[${result.engine}] ${name}...`);
  try {
    await body();
    log(
      `[${result.engine}] ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    const message = (e as Error).message.split('\n')[0] ?? String(e);
    result.failures.push(`${name} failed: ${message}`);
    log(`[${result.engine}] ${name} FAILED: ${(e as Error).stack ?? message}`);
  }
}
