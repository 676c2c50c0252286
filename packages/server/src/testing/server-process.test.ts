import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './server-process';

const BIN = fileURLToPath(new URL('../../bin/caredesk.mjs', import.meta.url));

const GROW_AND_REPORT = `
const keep = [];
for (let i = 0; i < 3e6; i++) { const o = { i, s: 'x' + i }; if (i % 1000 === 0) keep.push(o); }
const v8 = require('node:v8');
console.log(v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space').space_size);
`;

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
    // V8's young generation, once allocation has grown it as far as it may: with the flags
    // and, as the control that shows the probe can tell, without them.
    const youngGeneration = (node: string) => {
      const probe = spawnSync('/usr/bin/env', ['-S', node, '-e', GROW_AND_REPORT], {
        encoding: 'utf8',
      });
      expect(probe.status, probe.stderr).toBe(0);
      return Number(probe.stdout);
    };
    expect(youngGeneration(`node ${SERVER_NODE_FLAGS.join(' ')}`)).toBeLessThanOrEqual(
      8 * 1024 * 1024,
    );
    expect(youngGeneration('node')).toBeGreaterThan(8 * 1024 * 1024);
  });
});
