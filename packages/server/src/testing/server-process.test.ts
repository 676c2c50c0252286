import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './server-process';

const BIN = fileURLToPath(new URL('../../bin/caredesk.mjs', import.meta.url));

const REPORT_HEAP_LIMIT = `
const v8 = require('node:v8');
console.log(v8.getHeapStatistics().heap_size_limit);
`;

const MIB = 1024 * 1024;

describe('the Node flags caredesk runs with', () => {
  it('are the same in the command’s first line and for processes started with node', () => {
    const first = readFileSync(BIN, 'utf8').split('\n')[0];
    expect(first).toBe(`#!/usr/bin/env -S node ${SERVER_NODE_FLAGS.join(' ')}`);
  });

  it('reach Node when the command is run as an executable (as npm start and npx run it)', () => {
    const r = spawnSync(BIN, ['--help'], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Usage: caredesk');
    // V8's heap limit, the old-space cap plus the young generation's reserve: with the flag
    // and, as the control that shows the probe can tell, without it (V8 then sizes the
    // heap from the machine's memory, never to exactly the cap).
    const heapLimitMiB = (node: string) => {
      const probe = spawnSync('/usr/bin/env', ['-S', node, '-e', REPORT_HEAP_LIMIT], {
        encoding: 'utf8',
      });
      expect(probe.status, probe.stderr).toBe(0);
      return Number(probe.stdout) / MIB;
    };
    const capped = heapLimitMiB(`node ${SERVER_NODE_FLAGS.join(' ')}`);
    expect(capped).toBeGreaterThanOrEqual(1024);
    expect(capped).toBeLessThanOrEqual(1024 + 64);
    const uncapped = heapLimitMiB('node');
    expect(uncapped < 1024 || uncapped > 1024 + 64).toBe(true);
  });
});
