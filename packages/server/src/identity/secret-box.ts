import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for the identity secrets that must be read back (TOTP seeds), and a
 * keyed hash (pepper) for recovery codes. Both keys are derived with HKDF-SHA256
 * (RFC 5869) from one installation secret, each for its own purpose, so neither key is
 * ever the secret itself (HIPAA 164.312(a)(2)(iv); ONC 170.315(d)(12)). The composition
 * root passes the audit key (audit/audit-key.ts: CAREDESK_AUDIT_KEY or <dataDir>/audit.key),
 * so every server process sharing a database derives the same keys.
 */
export class SecretBox {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(masterSecret: Uint8Array) {
    if (masterSecret.length < 32) throw new Error('the identity secret must be at least 32 bytes');
    const derive = (info: string) =>
      Buffer.from(hkdfSync('sha256', masterSecret, 'caredesk-identity', info, 32));
    this.encryptionKey = derive('mfa-secret aes-256-gcm v1');
    this.hashKey = derive('recovery-code hmac-sha256 v1');
  }

  /**
   * AES-256-GCM with a random 96-bit nonce. `context` (the account id) is authenticated
   * data: a ciphertext copied onto another account's row does not decrypt.
   */
  seal(plaintext: Uint8Array, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return `v1.${parts.join('.')}`;
  }

  open(sealed: string, context: string): Buffer {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined)
      throw new Error('unknown secret format');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.encryptionKey,
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  }

  /** HMAC-SHA256: a stolen table of recovery-code hashes cannot be brute-forced offline. */
  keyedHash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('base64url');
  }
}
