import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '@caredesk/core';
import { loadConfig, type Config } from '../config/config';
import { createCareDesk, type CareDesk, type CareDeskAdapters } from '../main/create-caredesk';

/** A whole CareDesk on a fresh embedded database in a temp directory, for HTTP tests. */
export async function startTestCareDesk(
  overrides: Partial<Config> = {},
  clock?: Clock,
  adapters?: CareDeskAdapters,
): Promise<CareDesk & { dataDir: string; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-http-'));
  const config = loadConfig({}, { dataDir, logLevel: 'silent', ...overrides });
  const caredesk = await createCareDesk(config, clock, adapters);
  return {
    ...caredesk,
    dataDir,
    dispose: async () => {
      await caredesk.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
