import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config/config';

export const AUDIT_KEY_FILE = 'audit.key';

export class AuditKeyMissingError extends Error {
  constructor(file: string) {
    super(`no audit key: set CAREDESK_AUDIT_KEY or provide ${file}`);
    this.name = 'AuditKeyMissingError';
  }
}

/**
 * The key of the audit hash chain: `auditKey` (CAREDESK_AUDIT_KEY) when set, else a random
 * 32-byte key created on first use in `<dataDir>/audit.key` (mode 0600) and read from there
 * afterwards. Every server process writing one database must use the same key, so
 * PostgreSQL deployments with more than one host set CAREDESK_AUDIT_KEY from a secret store.
 * Losing the key does not lose entries, but the chain can no longer be verified.
 */
export function loadAuditKey(
  config: Pick<Config, 'auditKey' | 'dataDir'>,
  options: { create?: boolean } = {},
): Buffer {
  if (config.auditKey) return Buffer.from(config.auditKey, 'utf8');
  const dir = resolve(config.dataDir);
  const file = join(dir, AUDIT_KEY_FILE);
  if (!existsSync(file)) {
    // Verification never invents a key: a missing key is a configuration problem.
    if (options.create === false) throw new AuditKeyMissingError(file);
    // Written whole to a private temporary file, then linked into place: link() fails if
    // the key exists, so two first starts agree on one key and nobody reads half a file.
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(tmp);
    }
  }
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) {
    throw new Error(`${file} does not hold a 32-byte hex audit key`);
  }
  return Buffer.from(text, 'hex');
}
