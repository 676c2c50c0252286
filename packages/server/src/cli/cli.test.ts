import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir } from '@caredesk/interop/fhir-testing';
import { issueToken } from '../testing/api-token';
import { freePort, killHard, startServerProcess } from '../testing/server-process';

const BIN = fileURLToPath(new URL('../../bin/caredesk.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'caredesk-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function caredesk(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('caredesk command line', () => {
  const data = join(dir, 'data');
  const env = { CAREDESK_DATA_DIR: data };

  it('prints help for the program and each command', () => {
    const top = caredesk(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'demo', 'import', 'backup', 'restore']) {
      expect(top.out).toContain(cmd);
      const sub = caredesk([cmd, '--help']);
      expect(sub.code, cmd).toBe(0);
      expect(sub.out).toContain(`Usage: caredesk ${cmd}`);
    }
  });

  it('exits 2 with a clear message on wrong usage or configuration', () => {
    expect(caredesk(['frobnicate']).code).toBe(2);
    const badPort = caredesk(['migrate'], { ...env, PORT: 'eighty' });
    expect(badPort.code).toBe(2);
    expect(badPort.err).toContain('PORT (port)');
    const missing = caredesk(['import', join(dir, 'nope.json')], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
  });

  it('migrates an empty data directory, then finds nothing to do', () => {
    const first = caredesk(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/applied 0001 registry/);
    const second = caredesk(['migrate'], env);
    expect(second.out).toMatch(/0 applied/);
  });

  it(
    'imports the Synthea corpus with progress, then again changing nothing',
    { timeout: 120_000 },
    () => {
      const first = caredesk(['import', corpusDir('synthea')], env);
      expect(first.code, first.err).toBe(0);
      expect(first.out).toMatch(/25 of 25 files imported/);
      expect(first.err).toMatch(/import: 25\/25 \(100%\)/);
      const again = caredesk(['import', corpusDir('synthea')], env);
      expect(again.out).toMatch(/\(0 created, 0 updated, \d+ unchanged\)/);
    },
  );

  it('verifies the audit trail the imports wrote as a system actor', () => {
    const r = caredesk(['audit', 'verify'], env);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^audit trail intact: [1-9]\d* entries, head seq \d+/);
  });

  it('rejects a bad file whole, naming the entry, with exit code 1', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [{ resource: { resourceType: 'Patient', birthDate: '2024-13-01' } }],
      }),
    );
    const r = caredesk(['import', bad], env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Bundle.entry[0]');
    expect(r.err).toContain('nothing from it was saved');
  });

  it(
    'backs up while the server runs and restores into an empty directory, verified',
    { timeout: 120_000 },
    async () => {
      // Issued before the server starts, on the same data directory (and its audit key).
      // An admin owns it: only admin.users may grant token scopes (role-rules.ts).
      const token = await issueToken(
        { dataDir: data },
        ['patient.create', 'patient.search'],
        ['admin'],
      );
      const port = await freePort();
      const server = await startServerProcess(env, port);
      const created = await fetch(`${server.baseUrl}/api/patients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ names: [{ given: ['Backup'], family: 'Checkpoint' }] }),
      });
      expect(created.status).toBe(201);
      // The start-up banner says where staff and patients sign in.
      await expect
        .poll(() => server.output())
        .toContain(`Staff console:  http://localhost:${port}/console`);
      expect(server.output()).toContain(`Patient portal: http://localhost:${port}/portal`);
      const backupFile = join(dir, 'backups', 'nightly.db');
      const backup = caredesk(['backup', backupFile], env);
      await killHard(server);
      expect(backup.code, backup.err).toBe(0);
      const manifest = JSON.parse(readFileSync(`${backupFile}.manifest.json`, 'utf8'));
      expect(manifest.tables.patients).toBe(26);
      expect(caredesk(['backup', backupFile], env).code).toBe(2);

      const restoredDir = join(dir, 'restored');
      const restore = caredesk(['restore', backupFile], { CAREDESK_DATA_DIR: restoredDir });
      expect(restore.code, restore.err).toBe(0);
      expect(existsSync(join(restoredDir, 'caredesk.db'))).toBe(true);
      // The audit key came with the backup, so the restored trail verifies.
      expect(restore.out).toMatch(/\d+ audit entries verified/);
      const verified = caredesk(['audit', 'verify'], { CAREDESK_DATA_DIR: restoredDir });
      expect(verified.code, verified.err).toBe(0);
      expect(verified.out).toContain('audit trail intact');
      expect(caredesk(['restore', backupFile], { CAREDESK_DATA_DIR: restoredDir }).code).toBe(2);

      const port2 = await freePort();
      const restored = await startServerProcess({ CAREDESK_DATA_DIR: restoredDir }, port2);
      const found = (await (
        await fetch(`${restored.baseUrl}/api/patients?q=checkpoint`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as {
        items: unknown[];
      };
      await killHard(restored);
      expect(found.items).toHaveLength(1);

      // A damaged backup is refused before anything is written.
      const damaged = join(dir, 'damaged.db');
      writeFileSync(damaged, Buffer.concat([readFileSync(backupFile), Buffer.from('x')]));
      writeFileSync(`${damaged}.manifest.json`, readFileSync(`${backupFile}.manifest.json`));
      const refused = caredesk(['restore', damaged], { CAREDESK_DATA_DIR: join(dir, 'other') });
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('checksum mismatch');
      expect(existsSync(join(dir, 'other', 'caredesk.db'))).toBe(false);
    },
  );

  it('explains how to back up PostgreSQL instead of pretending', () => {
    const r = caredesk(['backup', join(dir, 'x.db')], {
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/none',
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('pg_dump');
  });
});
