import { readFileSync } from 'node:fs';
import { DomainError } from '@caredesk/core';
import { corpusDir } from '@caredesk/interop/fhir-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hl7Handler } from '../../care-transitions/hl7-inbox';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import { startTestCareDesk } from '../../testing/test-caredesk';
import { TestClock } from '../auth/testing/auth-fixtures';

interface Listed {
  items: Array<{
    id: string;
    status: string;
    ackCode: string;
    error: string | null;
    errorKey: string | null;
    controlId: string;
  }>;
  nextCursor: string | null;
}

describe('HL7 messages API: admins see the feed and replay what failed', () => {
  let desk: Awaited<ReturnType<typeof startTestCareDesk>>;
  let admin: Inject;
  let agent: Inject;
  let refuse = true;
  const discharge: Hl7Handler = () =>
    refuse
      ? Promise.reject(new DomainError('validation', 'hl7.adt.noMrn', 'No MR identifier in PID-3.'))
      : Promise.resolve();

  beforeAll(async () => {
    const clock = new TestClock();
    desk = await startTestCareDesk({}, clock, { hl7Handlers: new Map([['ADT^A03', discharge]]) });
    admin = (await signedInStaff(desk, clock, ['admin'])).inject;
    agent = (await signedInStaff(desk, clock, ['agent'])).inject;
  }, 60_000);
  afterAll(async () => desk.dispose());

  it('lists a failed message with its error, shows it as received, and replays it once', async () => {
    const raw = readFileSync(corpusDir('hl7v2', 'ADT-A03-02.hl7'));
    expect((await desk.hl7.inbox.receive(raw, '10.1.2.3')).ackCode).toBe('AE');
    const failed = (
      await admin({ method: 'GET', url: '/api/hl7/messages?status=failed' })
    ).json<Listed>();
    expect(failed.items).toHaveLength(1);
    const [item] = failed.items;
    expect(item).toMatchObject({
      status: 'failed',
      ackCode: 'AE',
      error: 'No MR identifier in PID-3.',
      errorKey: 'hl7.adt.noMrn',
    });

    const detail = await admin({ method: 'GET', url: `/api/hl7/messages/${item!.id}` });
    expect(detail.statusCode).toBe(200);
    const shown = detail.json<{ text: string; ack: string }>();
    expect(shown.text.split('\n')[0]).toBe(raw.toString('utf8').split('\n')[0]);
    expect(shown.ack).toMatch(/^MSA\|AE\|/m);

    refuse = false;
    const replay = await admin({ method: 'POST', url: `/api/hl7/messages/${item!.id}/replay` });
    expect(replay.json()).toMatchObject({ status: 'processed', ackCode: 'AA' });
    expect(
      (await admin({ method: 'POST', url: `/api/hl7/messages/${item!.id}/replay` })).statusCode,
    ).toBe(409);
    const processed = (
      await admin({ method: 'GET', url: '/api/hl7/messages?status=processed' })
    ).json<Listed>();
    expect(processed.items.map((m) => m.id)).toEqual([item!.id]);
    expect(processed.items[0]).toMatchObject({ error: null, errorKey: null });
  });

  it('names why each message was refused by a catalog key, beside the text its ACK carried', async () => {
    const frame = (type: string, id: string, version = '2.5.1') =>
      Buffer.from(
        `MSH|^~\\&|ADT|HOSP|CAREDESK|CLINIC|20261124120000||${type}|${id}|P|${version}\rEVN|A03|20261124120000\r`,
      );
    expect((await desk.hl7.inbox.receive(frame('ADT^A99', 'KEY-1'), null)).ackCode).toBe('AR');
    expect((await desk.hl7.inbox.receive(frame('ORU^R01', 'KEY-2'), null)).ackCode).toBe('AR');
    await desk.hl7.inbox.receive(frame('ADT^A03', 'KEY-3', '9.9'), null);
    const rejected = (
      await admin({ method: 'GET', url: '/api/hl7/messages?status=rejected' })
    ).json<Listed>();
    const byId = new Map(rejected.items.map((m) => [m.controlId, m]));
    expect(byId.get('KEY-1')).toMatchObject({
      errorKey: 'hl7.refused.event',
      error: 'ADT^A99 is not an event CareDesk takes.',
    });
    expect(byId.get('KEY-2')?.errorKey).toBe('hl7.refused.messageType');
    expect(byId.get('KEY-3')?.errorKey).toBe('hl7.parse.unsupported-version');
    expect(byId.get('KEY-3')?.error).toMatch(/9\.9/);
  });

  it('keeps the feed from staff without interfaces.hl7, and answers 404 for an unknown id', async () => {
    expect((await agent({ method: 'GET', url: '/api/hl7/messages' })).statusCode).toBe(403);
    const missing = await admin({
      method: 'GET',
      url: '/api/hl7/messages/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });
});
