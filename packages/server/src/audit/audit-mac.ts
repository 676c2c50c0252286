import { createHmac } from 'node:crypto';
import type { AuditMac } from '@caredesk/core';

/**
 * HMAC-SHA256 (RFC 2104) over the canonical text, as hex: the MAC port of the pure chain
 * in core/src/audit. Keyed, so write access to the database alone cannot forge a chain.
 */
export function createAuditMac(key: Buffer): AuditMac {
  if (key.length < 32) throw new Error('the audit key must be at least 32 bytes');
  const k = Buffer.from(key);
  return (data) => createHmac('sha256', k).update(data, 'utf8').digest('hex');
}

/**
 * A short public fingerprint of the key, stored with the chain head, so that verifying with
 * the wrong key says so instead of looking like tampering of every entry.
 */
export function auditKeyId(mac: AuditMac): string {
  return mac('caredesk-audit-key-id').slice(0, 16);
}
