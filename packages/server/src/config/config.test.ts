import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseConfig, describeConfig, loadConfig } from './config';

describe('configuration', () => {
  it('starts from embedded defaults: port 8080, SQLite under ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(databaseConfig(c)).toEqual({
      engine: 'sqlite',
      file: expect.stringMatching(/data[/\\]caredesk\.db$/),
    });
  });

  it('takes PORT and DATABASE_URL from the environment', () => {
    const c = loadConfig({ PORT: '9090', DATABASE_URL: 'postgres://u:secret@127.0.0.1/db' });
    expect(c.port).toBe(9090);
    expect(databaseConfig(c).engine).toBe('postgres');
  });

  it('names the setting when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT \(port\)/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL \(databaseUrl\): must be a postgres/,
    );
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('reads a JSON file, lets the environment win, and rejects unknown keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'caredesk.json');
    writeFileSync(file, JSON.stringify({ port: 7000, defaultCountry: 'LV' }));
    expect(loadConfig({ CAREDESK_CONFIG: file }).defaultCountry).toBe('LV');
    expect(loadConfig({ CAREDESK_CONFIG: file, PORT: '7001' }).port).toBe(7001);
    writeFileSync(file, JSON.stringify({ prot: 7000 }));
    expect(() => loadConfig({ CAREDESK_CONFIG: file })).toThrow(/CAREDESK_CONFIG/);
    writeFileSync(file, '{not json');
    expect(() => loadConfig({ CAREDESK_CONFIG: file })).toThrow(/cannot read it as JSON/);
  });

  it('never shows the database password', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:hunter2@db.example/caredesk' });
    expect(JSON.stringify(describeConfig(c))).not.toContain('hunter2');
  });
});
