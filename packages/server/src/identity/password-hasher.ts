import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { normalizePassword } from './password-policy';

/**
 * argon2id with OWASP's recommended parameters (Password Storage Cheat Sheet: m=19 MiB,
 * t=2, p=1). The parameters are recorded inside every PHC hash string, so raising them
 * later re-hashes each account at its next successful login (`needsRehash`).
 */
export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** `Algorithm.Argon2id` (a const enum, not importable under verbatimModuleSyntax). */
const ARGON2ID = 2 as Algorithm;

export const OWASP_ARGON2ID: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Only for tests: ~1 ms per hash instead of ~30-150 ms. Never used by createCareDesk. */
export const TEST_ONLY_WEAK_ARGON2ID: Argon2Params = {
  memoryCost: 1024,
  timeCost: 1,
  parallelism: 1,
};

export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  constructor(private readonly params: Argon2Params = OWASP_ARGON2ID) {}

  hash(password: string): Promise<string> {
    return hash(normalizePassword(password), { algorithm: ARGON2ID, ...this.params });
  }

  /** False for a wrong password and for a stored value that is not an argon2 hash. */
  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, normalizePassword(password));
    } catch {
      return false;
    }
  }

  /**
   * Runs a verification that always fails, at the same cost as a real one: used when the
   * account does not exist, is locked or has no password, so response time does not tell
   * an attacker which (OWASP Authentication Cheat Sheet, "authentication responses").
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummy ??= this.hash('caredesk-dummy-password-for-timing');
    await this.verify(await this.dummy, `${password}\u0000`);
    return false;
  }

  /** True when the stored hash used other parameters than the current ones. */
  needsRehash(stored: string): boolean {
    const p = this.params;
    return !stored.startsWith(
      `$argon2id$v=19$m=${p.memoryCost},t=${p.timeCost},p=${p.parallelism}$`,
    );
  }
}
