import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditKeyMissingError, loadAuditKey } from './audit-key';
import { auditKeyId, createAuditMac } from './audit-mac';

const dir = mkdtempSync(join(tmpdir(), 'caredesk-audit-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit key', () => {
  it('uses the configured key when set', () => {
    const key = loadAuditKey({ auditKey: 'a'.repeat(40), dataDir: join(dir, 'unused') });
    expect(key.toString('utf8')).toBe('a'.repeat(40));
  });

  it('creates a private random key on first use and reads the same key afterwards', () => {
    const dataDir = join(dir, 'data');
    expect(() => loadAuditKey({ auditKey: undefined, dataDir }, { create: false })).toThrow(
      AuditKeyMissingError,
    );
    const first = loadAuditKey({ auditKey: undefined, dataDir });
    expect(first).toHaveLength(32);
    expect(statSync(join(dataDir, 'audit.key')).mode & 0o777).toBe(0o600);
    expect(loadAuditKey({ auditKey: undefined, dataDir })).toEqual(first);
    expect(readFileSync(join(dataDir, 'audit.key'), 'utf8').trim()).toBe(first.toString('hex'));
    const other = loadAuditKey({ auditKey: undefined, dataDir: join(dir, 'other') });
    expect(other).not.toEqual(first);
  });

  it('computes HMAC-SHA256 and a stable key id', () => {
    // RFC 4231 test case 6 (a key longer than the block size).
    expect(
      createAuditMac(Buffer.alloc(131, 0xaa))(
        'Test Using Larger Than Block-Size Key - Hash Key First',
      ),
    ).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
    const mac = createAuditMac(Buffer.alloc(32, 1));
    expect(mac('x')).toMatch(/^[0-9a-f]{64}$/);
    expect(mac('x')).toBe(mac('x'));
    expect(mac('x')).not.toBe(createAuditMac(Buffer.alloc(32, 2))('x'));
    expect(auditKeyId(mac)).toHaveLength(16);
    expect(() => createAuditMac(Buffer.alloc(16))).toThrow(/at least 32 bytes/);
  });
});
