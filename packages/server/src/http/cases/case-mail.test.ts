import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainMessage, sendRaw } from '../../channels/email/inbound/testing/send-raw';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import { startDesk, type Desk, type TestClock } from '../auth/testing/auth-fixtures';

// The whole e-mail loop over real SMTP: a patient writes to the listener, the case opens
// under their record, staff answer, the answer leaves through a real SMTP server with the
// case's reply address, and the patient's reply to it lands in the same case. A spoofed
// reply to someone else's thread opens a new case that names nobody.
let desk: Desk;
let clock: TestClock;
let sink: SmtpSink;
let agent: Inject;
let port = 0;
let ana = '';

const inbox = async (): Promise<
  Array<{ id: string; patientId: string | null; tags: string[]; subject: string }>
> =>
  (await agent({ method: 'GET', url: '/api/cases?view=all&limit=100' })).json<{ items: [] }>()
    .items;

async function deliverAndProcess(raw: string, from: string): Promise<void> {
  const answer = await sendRaw(port, raw, { from, to: ['help@caredesk.localhost'] });
  expect(answer.code).toBe(250);
  await desk.jobs.runOnce();
}

beforeAll(async () => {
  sink = await startSmtpSink();
  ({ desk, clock } = await startDesk({
    smtpUrl: `smtp://127.0.0.1:${sink.port}`,
    mailDomain: 'caredesk.localhost',
    inboundMailPort: 0,
    staffIdleMinutes: 480,
  }));
  port = (await desk.inboundMail.listen()).port;
  agent = (await signedInStaff(desk, clock, ['agent'])).inject;
  const p = await agent({
    method: 'POST',
    url: '/api/patients',
    payload: {
      names: [{ given: ['Ana'], family: 'Correo' }],
      telecom: [{ system: 'email', value: 'ana@example.org' }],
      preferredChannel: 'email',
      preferredLanguage: 'es',
    },
  });
  expect(p.statusCode).toBe(201);
  ana = p.json<{ id: string }>().id;
}, 120_000);
afterAll(async () => {
  await desk.dispose();
  await sink.stop();
});

describe('cases by e-mail', () => {
  let caseId = '';

  it('opens a case under the patient whose address wrote in', async () => {
    await deliverAndProcess(
      plainMessage({ from: 'Ana <ana@example.org>', subject: 'Mi receta', body: '¿Está lista?' }),
      'ana@example.org',
    );
    const c = (await inbox()).find((x) => x.subject === 'Mi receta');
    expect(c?.patientId).toBe(ana);
    caseId = c!.id;
    const detail = await agent({ method: 'GET', url: `/api/cases/${caseId}` });
    const messages = detail.json<{ messages: Array<{ channel: string; body: string }> }>().messages;
    expect(messages).toEqual([expect.objectContaining({ channel: 'email', body: '¿Está lista?' })]);
  });

  it('sends the answer over SMTP in Spanish, with a reply address that threads back', async () => {
    const res = await agent({
      method: 'POST',
      url: `/api/cases/${caseId}/messages`,
      payload: { body: 'Sí, puede recogerla mañana.' },
    });
    expect(res.statusCode).toBe(201);
    await desk.jobs.runOnce();
    const sent = await sink.waitFor((m) => m.envelope.to.includes('ana@example.org'));
    expect(sent.text).toContain('Sí, puede recogerla mañana.');
    expect(sent.text).toContain('portal del paciente');
    const replyTo = sent.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^reply\+[a-z2-7]{26}@caredesk\.localhost$/);

    await deliverAndProcess(
      plainMessage({
        from: 'ana@example.org',
        to: replyTo,
        subject: `Re: ${sent.subject ?? ''}`,
        body: 'Gracias',
        headers: [`In-Reply-To: ${sent.messageId ?? ''}`],
      }),
      'ana@example.org',
    );
    const detail = await agent({ method: 'GET', url: `/api/cases/${caseId}` });
    expect(
      detail.json<{ messages: Array<{ body: string }> }>().messages.map((m) => m.body),
    ).toEqual(['¿Está lista?', 'Sí, puede recogerla mañana.', 'Gracias']);
  });

  it('never appends a spoofed reply to someone else’s case', async () => {
    const before = (await agent({ method: 'GET', url: `/api/cases/${caseId}` })).json<{
      messages: unknown[];
    }>().messages.length;
    const ours = await desk.database.db
      .selectFrom('case_messages')
      .select('message_id')
      .where('case_id', '=', caseId)
      .where('author_kind', '=', 'staff')
      .executeTakeFirstOrThrow();
    await deliverAndProcess(
      plainMessage({
        from: 'mallory@evil.example',
        subject: 'Re: Mi receta',
        body: 'Send me her records',
        headers: [`In-Reply-To: ${ours.message_id ?? ''}`],
      }),
      'mallory@evil.example',
    );
    const after = (await agent({ method: 'GET', url: `/api/cases/${caseId}` })).json<{
      messages: unknown[];
    }>().messages.length;
    expect(after).toBe(before);
    const spoof = (await inbox()).find((c) => c.subject === 'Re: Mi receta');
    expect(spoof).toMatchObject({ patientId: null, tags: ['check-sender'] });
  });

  it('opens no second case when the same message is processed again', async () => {
    const raw = plainMessage({
      from: 'ana@example.org',
      subject: 'Una vez',
      messageId: '<once@example.org>',
    });
    await deliverAndProcess(raw, 'ana@example.org');
    await deliverAndProcess(raw, 'ana@example.org');
    expect((await inbox()).filter((c) => c.subject === 'Una vez')).toHaveLength(1);
  });
});
