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

/** Three intake records of one person: each new one is flagged against the earlier ones. */
async function triplets(family: string): Promise<[string, string, string]> {
  const ids: string[] = [];
  for (const [given, mrn] of [
    ['Janis', 'A1'],
    ['Jānis', 'A2'],
    ['Janis', 'A3'],
  ]) {
    const res = await inject({
      method: 'POST',
      url: '/api/patients',
      payload: {
        names: [{ given: [given], family }],
        birthDate: '1970-01-01',
        identifiers: [{ system: `urn:test:${family}`, value: mrn! }],
        telecom: [{ system: 'phone', value: '+37120000000' }],
      },
    });
    expect(res.statusCode).toBe(201);
    ids.push(res.json().id as string);
  }
  return ids as [string, string, string];
}

const openPairs = async () =>
  (await inject({ method: 'GET', url: '/api/duplicates?limit=100' })).json().items as Array<{
    patientId: string;
    candidateId: string;
  }>;

const involving = (pairs: Array<{ patientId: string; candidateId: string }>, ids: string[]) =>
  pairs.filter((p) => ids.includes(p.patientId) && ids.includes(p.candidateId));

const version = async (id: string) =>
  (await inject({ method: 'GET', url: `/api/patients/${id}` })).json().version as number;

describe('duplicate review', () => {
  it('merges only the versions the reviewer compared: a record changed since is a 409', async () => {
    const [a, b] = await triplets('Ozols');
    const [va, vb] = [await version(a), await version(b)];
    const {
      id: _i,
      organizationId: _o,
      mergedInto: _m,
      createdAt: _c,
      updatedAt: _u,
      ...body
    } = (await inject({ method: 'GET', url: `/api/patients/${b}` })).json();
    // Someone edits record B while the reviewer is still looking at the pair.
    const edit = await inject({
      method: 'PUT',
      url: `/api/patients/${b}`,
      payload: { ...body, preferredChannel: 'sms' },
    });
    expect(edit.statusCode).toBe(200);

    const stale = await inject({
      method: 'POST',
      url: `/api/patients/${a}/merge`,
      payload: { into: b, version: va, intoVersion: vb },
      headers: { 'accept-language': 'es' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().issues[0].message).toBe(
      'Otra persona cambió este paciente. Recargue e inténtelo de nuevo.',
    );
    // Nothing moved: A still answers as itself.
    expect((await inject({ method: 'GET', url: `/api/patients/${a}` })).statusCode).toBe(200);

    const fresh = await inject({
      method: 'POST',
      url: `/api/patients/${a}/merge`,
      payload: { into: b, version: va, intoVersion: vb + 1 },
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().version).toBe(vb + 2);
  });

  it('answers a second merge of the same record with a 409 that says it was merged', async () => {
    const [a, b, c] = await triplets('Kalns');
    const first = await inject({
      method: 'POST',
      url: `/api/patients/${a}/merge`,
      payload: { into: b },
    });
    expect(first.statusCode).toBe(200);
    for (const payload of [{ into: c }, { into: c, version: 1, intoVersion: 1 }]) {
      const again = await inject({ method: 'POST', url: `/api/patients/${a}/merge`, payload });
      expect(again.statusCode).toBe(409);
      expect(again.json().issues[0].message).toBe('This patient was already merged.');
    }
  });

  it('stops listing a pair once either record was merged into a third', async () => {
    const [a, b, c] = await triplets('Berzs');
    expect(involving(await openPairs(), [a, b, c])).toHaveLength(3);
    const merged = await inject({
      method: 'POST',
      url: `/api/patients/${a}/merge`,
      payload: { into: b },
    });
    expect(merged.statusCode).toBe(200);
    // (a, b) was decided by the merge; (a, c) names a record that is now only a redirect.
    const left = involving(await openPairs(), [a, b, c]);
    expect(left.map((p) => [p.patientId, p.candidateId].sort())).toEqual([[b, c].sort()]);
  });

  it('refuses a version that is not a positive whole number with a 400', async () => {
    const [a, b] = await triplets('Liepa');
    for (const version of [0, 1.5, '1', null]) {
      const res = await inject({
        method: 'POST',
        url: `/api/patients/${a}/merge`,
        payload: { into: b, version },
      });
      expect(res.statusCode, String(version)).toBe(400);
    }
  });
});
