import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMailCrashRounds } from '../testing/mail-crash-harness';

const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-mail-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('inbound mail under SIGKILL (embedded database)', () => {
  it(
    'stores every message a retrying sender delivers exactly once, though the server is killed mid-delivery',
    { timeout: 180_000 },
    async () => {
      const report = await runMailCrashRounds(
        { CAREDESK_DATA_DIR: dataDir },
        { count: 50, kills: 4 },
      );
      console.info(`mail crash safety (SQLite): ${JSON.stringify(report)}`);
      expect(report.kills).toBeGreaterThanOrEqual(3);
      expect(report.retries).toBeGreaterThan(0);
      expect(report).toMatchObject({ lost: 0, duplicates: 0, withoutJob: 0, stored: 50 });
    },
  );
});
