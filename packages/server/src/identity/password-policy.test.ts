import { describe, expect, it } from 'vitest';
import { PasswordHasher, TEST_ONLY_WEAK_ARGON2ID } from './password-hasher';
import { checkPassword, passwordIssues } from './password-policy';

const owner = { email: 'maria.garcia@clinic.example', displayName: 'María José García' };
const keys = (password: string) => passwordIssues(password, owner).map((i) => i.messageKey);

describe('password policy', () => {
  it.each([
    ['violet-harbour-lantern-7', []],
    ['correct horse battery staple', []],
    ['Ñandú-en-la-pampa-azul', []],
    ['short-pw', ['auth.password.too-short']],
    ['elevenchars', ['auth.password.too-short']],
    ['x'.repeat(257), ['auth.password.too-long']],
    ['😀'.repeat(256), []],
    ['😀'.repeat(257), ['auth.password.too-long']],
    ['password1234', ['auth.password.common']],
    ['Password123!', ['auth.password.common']],
    ['QWERTYUIOPASDF', []],
    ['qwertyuiop123', ['auth.password.common']],
    ['1234567890123', ['auth.password.common']],
    ['iloveyou2024!!', ['auth.password.common']],
    ['Welcome1!!!!', ['auth.password.common']],
    ['September2025!', ['auth.password.common']],
    ['summer2024', ['auth.password.too-short', 'auth.password.common']],
    ['LetMeIn-2026!', ['auth.password.common']],
    ['maria.garcia-is-great', ['auth.password.personal']],
    ['my-name-is-garcia-ok', ['auth.password.personal']],
    // Substring rule: "Josefina" contains the given name "José" (4+ letters, accents folded).
    ['Josefina-likes-tea-7', ['auth.password.personal']],
    ['Lucinda-likes-tea-7', []],
    ['GARCIA-GARCIA-2026', ['auth.password.personal']],
    ['garcía-with-accent-1', ['auth.password.personal']],
  ])('%s → %j', (password, expected) => {
    expect(keys(password)).toEqual(expected);
  });

  it('throws one validation DomainError listing every issue', () => {
    expect(() => checkPassword('Garcia1!', owner)).toThrow(
      expect.objectContaining({
        code: 'validation',
        issues: expect.arrayContaining([
          expect.objectContaining({ messageKey: 'auth.password.personal' }),
        ]),
      }),
    );
  });

  it('hashes with argon2id, records the parameters, and verifies NFC and NFD alike', async () => {
    const hasher = new PasswordHasher(TEST_ONLY_WEAK_ARGON2ID);
    const stored = await hasher.hash('Ñandú-en-la-pampa-azul'.normalize('NFC'));
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await hasher.verify(stored, 'Ñandú-en-la-pampa-azul'.normalize('NFD'))).toBe(true);
    expect(await hasher.verify(stored, 'nandu-en-la-pampa-azul')).toBe(false);
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
    expect(new PasswordHasher().needsRehash(stored)).toBe(true);
    expect(hasher.needsRehash(stored)).toBe(false);
  });
});
