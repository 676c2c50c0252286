import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHl7CrashRounds } from '../testing/hl7-crash-harness';
import { crashFeed, crashFeedWork } from './hl7-feed-crash';

const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-hl7-crash-'));
// Frames a sender pipelines are committed together (Hl7Inbox.receiveBatch): killed
// mid-batch, none of it may count, and the resent batch must not be processed twice.
const pipelinedDir = mkdtempSync(join(tmpdir(), 'caredesk-hl7-crash-pipelined-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(pipelinedDir, { recursive: true, force: true });
});

describe('the HL7 feed under SIGKILL (embedded database)', () => {
  it(
    'processes every message exactly once, though the server is killed 10 times during the feed',
    { timeout: 240_000 },
    async () => {
      const patients = 150;
      const report = await runHl7CrashRounds(
        { CAREDESK_DATA_DIR: dataDir },
        crashFeed(patients),
        crashFeedWork,
        { kills: 10 },
      );
      console.info(
        `HL7 crash safety (SQLite): ${JSON.stringify({ ...report, work: report.work.size })}`,
      );
      expect(report.kills).toBe(10);
      expect(report.resent).toBeGreaterThan(0);
      expect(report).toMatchObject({ lost: 0, duplicates: 0, notAccepted: 0 });
      for (let n = 0; n < patients; n++) {
        expect(report.work.get(`patient CRASH-${n}`), `patient CRASH-${n}`).toBe(1);
        expect(report.work.get(`finished visit CRASH-${n}`), `visit CRASH-${n}`).toBe(1);
      }
      expect(report.work.size).toBe(2 * patients);
    },
  );

  it(
    'processes every message exactly once from a pipelining sender (16 unacknowledged), killed 10 times',
    { timeout: 240_000 },
    async () => {
      const patients = 150;
      const report = await runHl7CrashRounds(
        { CAREDESK_DATA_DIR: pipelinedDir },
        crashFeed(patients),
        crashFeedWork,
        { kills: 10, window: 16 },
      );
      console.info(
        `HL7 crash safety, pipelined (SQLite): ${JSON.stringify({ ...report, work: report.work.size })}`,
      );
      expect(report.kills).toBe(10);
      expect(report.resent).toBeGreaterThan(0);
      expect(report).toMatchObject({ lost: 0, duplicates: 0, notAccepted: 0 });
      for (let n = 0; n < patients; n++) {
        expect(report.work.get(`patient CRASH-${n}`), `patient CRASH-${n}`).toBe(1);
        expect(report.work.get(`finished visit CRASH-${n}`), `visit CRASH-${n}`).toBe(1);
      }
      expect(report.work.size).toBe(2 * patients);
    },
  );
});
