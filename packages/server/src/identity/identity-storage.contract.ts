import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditMac } from '../audit/audit-mac';
import { AuditStore } from '../audit/audit-store';
import { ensureHomeOrganization } from '../organizations/home-organization';
import { openDatabase, type Database, type Engine } from '../storage/database';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { base32Decode } from './base32';
import { createIdentity, type Identity } from './identity';
import { PasswordHasher, TEST_ONLY_WEAK_ARGON2ID } from './password-hasher';
import { RateLimiter } from './rate-limiter';
import { lockedUntil, lockoutSubject, recordFailure } from './lockout';
import { SecretBox } from './secret-box';
import { totpAt } from './totp';

const KEY = Buffer.alloc(32, 9);
const PASSWORD = 'violet-harbour-lantern-7';

/**
 * Identity storage on one engine, with two server processes (two pools on one database):
 * rate limits, lockouts, sessions, TOTP replay and API tokens must hold across both.
 */
export function describeIdentityStorage(engine: Engine): void {
  describe(`identity storage (${engine})`, () => {
    let test: TestDatabase;
    let second: Database;
    let t = Date.parse('2026-03-02T09:00:00Z');
    const clock = { now: () => new Date(t) };
    const stores: AuditStore[] = [];
    let a: Identity;
    let b: Identity;
    let organizationId = '';

    const build = (database: Database) => {
      const audit = new AuditStore(database, createAuditMac(KEY));
      stores.push(audit);
      return createIdentity({
        database,
        clock,
        audit,
        hasher: new PasswordHasher(TEST_ONLY_WEAK_ARGON2ID),
        box: new SecretBox(KEY),
        settings: {
          staffIdleMinutes: 15,
          patientIdleMinutes: 30,
          sessionMaxHours: 12,
          staffMfaRequired: true,
          loginRateLimitPerMinute: 1000,
          baseUrl: 'http://localhost',
        },
        issuer: () => 'CareDesk',
      });
    };
    const meta = { sourceAddress: '198.51.100.7', userAgent: 'contract' };
    const req = (cookie: string) =>
      ({ headers: { cookie: `cd_session=${cookie}` }, ip: '198.51.100.7' }) as never;

    beforeAll(async () => {
      test = await createTestDatabase(engine);
      second = await openDatabase(test.config);
      organizationId = await ensureHomeOrganization(test.database, clock.now());
      a = build(test.database);
      b = build(second);
    });
    afterAll(async () => {
      for (const s of stores) await s.close();
      await second.close();
      await test.dispose();
    });

    it('counts rate-limit hits from both processes exactly, even concurrently', async () => {
      const la = new RateLimiter(test.database.db);
      const lb = new RateLimiter(second.db);
      const now = clock.now();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? la : lb).hit('auth:203.0.113.1', 15, now)),
      );
      expect(results.map((r) => r.hits).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      expect(results.filter((r) => !r.allowed)).toHaveLength(5);
      const next = await la.hit('auth:203.0.113.1', 15, new Date(t + 60_000));
      expect(next).toMatchObject({ allowed: true, hits: 1 });
    });

    it('locks after five failures counted across processes', async () => {
      const subject = lockoutSubject('Someone@Example.org');
      await Promise.all(
        [0, 1, 2, 3].map((i) =>
          recordFailure(i % 2 ? test.database.db : second.db, subject, clock.now()),
        ),
      );
      expect(await lockedUntil(second.db, subject, clock.now())).toBeNull();
      expect(await recordFailure(test.database.db, subject, clock.now())).toBe(true);
      expect(await lockedUntil(second.db, subject, clock.now())).not.toBeNull();
    });

    it('a session made by one process is seen, slid and ended by the other', async () => {
      await a.accounts.provision(
        {
          organizationId,
          kind: 'staff',
          email: 'Olav@Clinic.Example',
          displayName: 'Olav Olsen',
          roles: ['agent'],
        },
        PASSWORD,
      );
      const { session } = await a.login.login('olav@clinic.example', PASSWORD, meta);
      expect(session.state).toBe('mfa-enrolment');
      const enrol = await b.authenticate(req(session.cookieValue));
      expect(enrol).toMatchObject({ mfaSatisfied: false, sessionState: 'mfa-enrolment' });
      const setup = await b.mfa.setup(enrol!.account!);
      const enabled = await a.mfa.enable(
        enrol!.account!,
        { idHash: enrol!.sessionId!, state: 'mfa-enrolment' },
        totpAt(base32Decode(setup.secret), clock.now()),
        meta,
      );
      expect(enabled.recoveryCodes).toHaveLength(10);
      const active = await b.authenticate(req(enabled.session!.cookieValue));
      expect(active).toMatchObject({
        mfaSatisfied: true,
        principal: { kind: 'staff', roles: ['agent'] },
      });

      // Two processes race to verify the same fresh code: exactly one wins (replay guard).
      t += 30_000;
      const p1 = await a.login.login('olav@clinic.example', PASSWORD, meta);
      const p2 = await b.login.login('olav@clinic.example', PASSWORD, meta);
      const codeNow = totpAt(base32Decode(setup.secret), clock.now());
      const verifyA = async () =>
        a.login.verifyMfa(
          {
            idHash: (await a.authenticate(req(p1.session.cookieValue)))!.sessionId!,
            accountId: p1.account.id,
            state: 'mfa-pending',
          },
          { code: codeNow },
          meta,
        );
      const verifyB = async () =>
        b.login.verifyMfa(
          {
            idHash: (await b.authenticate(req(p2.session.cookieValue)))!.sessionId!,
            accountId: p2.account.id,
            state: 'mfa-pending',
          },
          { code: codeNow },
          meta,
        );
      // PostgreSQL: truly concurrent. SQLite is one process by design (scale-out is
      // PostgreSQL), so there the two connections take turns.
      const outcomes =
        engine === 'postgres'
          ? await Promise.allSettled([verifyA(), verifyB()])
          : [await Promise.allSettled([verifyA()]), await Promise.allSettled([verifyB()])].flat();
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);

      t += 16 * 60_000;
      expect(await a.authenticate(req(enabled.session!.cookieValue))).toBeNull();
      const rows = await second.db
        .selectFrom('audit_entries')
        .select(['action', 'outcome'])
        .execute();
      expect(rows.map((r) => r.action)).toEqual(
        expect.arrayContaining(['account-change', 'mfa-change', 'login', 'login-failed', 'logout']),
      );
    });

    it('an API token created by one process authenticates in the other until revoked', async () => {
      await a.accounts.provision(
        {
          organizationId,
          kind: 'staff',
          email: 'admin@clinic.example',
          displayName: 'Ann Admin',
          roles: ['admin'],
        },
        PASSWORD,
      );
      const admin = (await a.accounts.list(organizationId, 50)).items.find(
        (x) => x.email === 'admin@clinic.example',
      )!;
      const created = await a.tokens.create(
        admin,
        { name: 'Feed', scopes: ['patient.search'] },
        meta,
      );
      const bearer = { headers: { authorization: `Bearer ${created.token}` } } as never;
      expect(await b.authenticate(bearer)).toMatchObject({
        kind: 'api-token',
        principal: { scopes: ['patient.search'] },
      });
      await b.tokens.revoke(admin, created.id, meta);
      expect(await a.authenticate(bearer)).toBeNull();
    });
  });
}
