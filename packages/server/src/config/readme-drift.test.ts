import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../cli/main';
import { configSchema, ENV_SETTINGS } from './config';

// Documentation that drifts from the tree is worse than none: the README's tables are
// checked against the code they describe.
const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

describe('README matches the code', () => {
  it('documents every configuration setting with its variable and file key', () => {
    const documented = [...readme.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*`(\w+)`\s*\|/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(Object.fromEntries(documented)).toEqual(ENV_SETTINGS);
    expect(Object.keys(configSchema.shape).sort()).toEqual(Object.values(ENV_SETTINGS).sort());
  });

  it('documents every caredesk command', () => {
    const commands = buildProgram()
      .commands.map((c) => c.name())
      .sort();
    const documented = [
      ...new Set([...readme.matchAll(/^\|\s*`caredesk (\w+)/gm)].map((m) => m[1])),
    ].sort();
    expect(documented).toEqual(commands);
  });

  it('keeps the quick start to the two commands that work on a fresh machine', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('\nnpm test\n');
  });
});
