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

const jose = {
  names: [{ use: 'official', given: ['José', 'Luis'], family: 'Núñez García' }],
  birthDate: '1980-04-30',
  administrativeSex: 'male',
  identifiers: [{ system: 'urn:clinic:mrn', value: 'MRN0012345', type: 'MR' }],
  telecom: [
    { system: 'phone', value: '(312) 555-0134', use: 'mobile' },
    { system: 'email', value: 'Jose.Nunez@Example.com' },
  ],
  preferredLanguage: 'es-MX',
};

async function create(body: unknown, headers: Record<string, string> = {}) {
  return inject({
    method: 'POST',
    url: '/api/patients',
    payload: body as object,
    headers,
  });
}

describe('patient registry API', () => {
  let joseId = '';

  it('creates a patient, normalising phone, e-mail and language', async () => {
    const res = await create(jose);
    expect(res.statusCode).toBe(201);
    const p = res.json();
    joseId = p.id;
    expect(res.headers.location).toBe(`/api/patients/${p.id}`);
    expect(p.telecom[0].value).toBe('+13125550134');
    expect(p.telecom[1].value).toBe('jose.nunez@example.com');
    expect(p.preferredLanguage).toBe('es');
    expect(p.version).toBe(1);
  });

  it('reads it back with an ETag', async () => {
    const res = await inject({ method: 'GET', url: `/api/patients/${joseId}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('W/"1"');
    expect(res.json().names[0].family).toBe('Núñez García');
  });

  it.each([
    ['jose', 'accent- and case-insensitive name prefix'],
    ['JOSÉ núñ', 'two name prefixes'],
    ['Jose\u0301', 'decomposed input'],
    ['nunez gar', 'second family name'],
    ['1980-04-30', 'date of birth'],
    ['30.04.1980', 'European date of birth'],
    ['555-0134', 'local phone digits'],
    ['+1 312 555', 'international phone prefix'],
    ['jose.nunez@', 'e-mail prefix'],
    ['MRN00123', 'MRN prefix'],
  ])('typeahead finds José by %s (%s)', async (q) => {
    const res = await inject({
      method: 'GET',
      url: `/api/patients?q=${encodeURIComponent(q)}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { id: string }) => p.id)).toContain(joseId);
  });

  it('lists summaries, not whole records: opening one is a read of its own', async () => {
    const res = await inject({ method: 'GET', url: '/api/patients?q=jose' });
    const [item] = res.json().items as Array<Record<string, unknown>>;
    expect(item).toMatchObject({ id: joseId, birthDate: '1980-04-30', mrn: 'MRN0012345' });
    expect(item!.displayName).toContain('José');
    expect(Object.keys(item!).sort()).toEqual([
      'administrativeSex',
      'birthDate',
      'deceased',
      'displayName',
      'id',
      'mrn',
      'phone',
      'preferredLanguage',
      'restricted',
    ]);
  });

  it('does not find José by an unrelated name', async () => {
    const res = await inject({ method: 'GET', url: '/api/patients?q=maria' });
    expect(res.json().items).toEqual([]);
  });

  it('refuses an MRN that belongs to another patient with a 409 problem', async () => {
    const res = await create({ ...jose, names: [{ given: ['Other'], family: 'Person' }] });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('conflict');
  });

  it('flags a likely duplicate on create and merges it, keeping every identifier', async () => {
    const twin = {
      ...jose,
      names: [{ given: ['Jose'], family: 'Nunez Garcia' }],
      identifiers: [{ system: 'urn:other-hospital:mrn', value: 'X-77' }],
    };
    const res = await create(twin);
    expect(res.statusCode).toBe(201);
    expect(res.json().duplicatesFlagged).toBe(1);
    const twinId = res.json().id as string;
    const dups = (await inject({ method: 'GET', url: '/api/duplicates' })).json();
    expect(dups.items).toHaveLength(1);
    expect(dups.items[0].reasons).toEqual(
      expect.arrayContaining(['same-birth-date', 'similar-name', 'same-phone']),
    );

    const merged = await inject({
      method: 'POST',
      url: `/api/patients/${twinId}/merge`,
      payload: { into: joseId },
    });
    expect(merged.statusCode).toBe(200);
    expect(
      merged
        .json()
        .identifiers.map((i: { value: string }) => i.value)
        .sort(),
    ).toEqual(['MRN0012345', 'X-77']);

    const redirect = await inject({ method: 'GET', url: `/api/patients/${twinId}` });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe(`/api/patients/${joseId}`);
    const byOldMrn = await inject({ method: 'GET', url: '/api/patients?q=X-77' });
    expect(byOldMrn.json().items.map((p: { id: string }) => p.id)).toEqual([joseId]);
    expect((await inject({ method: 'GET', url: '/api/duplicates' })).json().items).toHaveLength(0);
  });

  it('updates with optimistic concurrency', async () => {
    const current = (await inject({ method: 'GET', url: `/api/patients/${joseId}` })).json();
    const {
      id: _i,
      organizationId: _o,
      mergedInto: _m,
      createdAt: _c,
      updatedAt: _u,
      ...body
    } = current;
    const ok = await inject({
      method: 'PUT',
      url: `/api/patients/${joseId}`,
      payload: { ...body, preferredChannel: 'sms' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().preferredChannel).toBe('sms');
    const stale = await inject({
      method: 'PUT',
      url: `/api/patients/${joseId}`,
      payload: { ...body },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('replays an Idempotency-Key retry and refuses the key for another body', async () => {
    const headers = { 'idempotency-key': 'retry-key-0123456789' };
    const body = { names: [{ given: ['Anna'], family: 'Bērziņa' }], birthDate: '1990-01-02' };
    const first = await create(body, headers);
    const again = await create(body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await create({ ...body, birthDate: '1990-01-03' }, headers);
    expect(other.statusCode).toBe(422);
    const badKey = await create(body, { 'idempotency-key': 'short' });
    expect(badKey.statusCode).toBe(400);
  });

  it('pages through results with keyset cursors, without repeats', async () => {
    for (let i = 0; i < 7; i++) {
      expect(
        (await create({ names: [{ given: [`Page${i}`], family: 'Cursorson' }] })).statusCode,
      ).toBe(201);
    }
    const seen: string[] = [];
    let url = '/api/patients?q=cursorson&limit=3';
    for (;;) {
      const page = (await inject({ method: 'GET', url })).json();
      seen.push(...page.items.map((p: { id: string }) => p.id));
      if (!page.nextCursor) break;
      url = `/api/patients?q=cursorson&limit=3&cursor=${page.nextCursor}`;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('answers problems in the requester language', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/patients',
      payload: { names: [{ given: ['A'], family: 'B' }], birthDate: '2999-01-01' },
      headers: { 'accept-language': 'lv' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toBe('Pieprasījumā ir nederīgi lauki.');
    expect(res.json().issues[0].path).toBe('birthDate');
  });
});
