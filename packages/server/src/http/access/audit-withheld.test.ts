import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithStaff, type Inject } from '../../testing/signed-in-client';

type Desk = Awaited<ReturnType<typeof startWithStaff>>['desk'];
let desk: Desk;
let inject: Inject;

beforeAll(async () => {
  ({
    desk,
    staff: { inject },
  } = await startWithStaff());
});
afterAll(async () => desk.dispose());

/**
 * "Durable before the response": a read whose audit entry cannot be written is not
 * answered. The failure is made real — the database refuses the insert, as on a full
 * disk — on the server's real group-commit path (WAL synced off the event loop).
 */
describe('a response whose audit entry cannot be written', () => {
  it('is withheld: 503 without the record or any internal detail, and served again once the trail is writable', async () => {
    const created = await inject({
      method: 'POST',
      url: '/api/patients',
      payload: { names: [{ given: ['Withheld'], family: 'Auditson' }], birthDate: '1961-02-03' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const audit = desk.services.audit;
    const db = desk.database.db;
    await sql`CREATE TRIGGER audit_refused BEFORE INSERT ON audit_entries
      BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END`.execute(db);
    try {
      for (const url of [
        `/api/patients/${id}`,
        '/api/patients?q=auditson',
        `/fhir/R4/Patient/${id}`,
      ]) {
        const res = await inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(503);
        expect(res.body, url).not.toContain('Auditson');
        expect(res.body, url).not.toContain('simulated');
      }
      const problem = (await inject({ method: 'GET', url: `/api/patients/${id}` })).json();
      expect(problem).toMatchObject({ status: 503, code: 'unavailable' });
      const outcome = (await inject({ method: 'GET', url: `/fhir/R4/Patient/${id}` })).json();
      expect(outcome).toMatchObject({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'transient' }],
      });
    } finally {
      await sql`DROP TRIGGER audit_refused`.execute(db);
    }
    const before = audit.stats.walSyncs;
    const again = await inject({ method: 'GET', url: `/api/patients/${id}` });
    expect(again.statusCode).toBe(200);
    // On SQLite the read's entry was made durable by syncing the WAL off the event loop.
    expect(audit.stats.walSyncs).toBeGreaterThan(before);
    expect(again.json().names[0].family).toBe('Auditson');
  });
});
