import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inject } from '../../testing/signed-in-client';
import type { Desk } from '../auth/testing/auth-fixtures';
import { startDeskWorld, type DeskWorld } from './testing/desk-world';

let w: DeskWorld;
let desk: Desk;
let agent: Inject;
let patient: Inject;
let alma = '';
const openCase = (payload: Record<string, unknown>) => w.openCase(payload);

beforeAll(async () => {
  w = await startDeskWorld();
  ({ desk, agent, patient, alma } = w);
}, 120_000);
afterAll(async () => desk.dispose());

describe('attachments', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

  it('keeps a patient’s photo with its checksum, sniffed type and a download that never renders', async () => {
    const c = await openCase({
      channel: 'portal',
      category: 'claim-help',
      subject: 'Card',
      patientId: alma,
    });
    const sent = await patient({
      method: 'POST',
      url: `/api/cases/${c.id}/messages`,
      payload: {
        body: 'My insurance card',
        attachments: [
          { filename: '../../card.exe.png', contentBase64: PNG.toString('base64') },
          {
            filename: 'note.svg',
            contentBase64: Buffer.from('<svg onload="alert(1)"/>').toString('base64'),
          },
        ],
      },
    });
    expect(sent.statusCode).toBe(201);
    const detail = await agent({ method: 'GET', url: `/api/cases/${c.id}` });
    const files = detail
      .json<{
        messages: Array<{
          attachments: Array<{ id: string; filename: string; contentType: string; size: number }>;
        }>;
      }>()
      .messages.flatMap((m) => m.attachments);
    expect(files.map((f) => [f.filename, f.contentType, f.size])).toEqual([
      ['card.exe.png', 'image/png', PNG.length],
      ['note.svg', 'text/plain', 24],
    ]);
    const download = await patient({
      method: 'GET',
      url: `/api/cases/${c.id}/attachments/${files[0]!.id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const stored = await desk.database.db
      .selectFrom('case_attachments')
      .select('sha256')
      .where('id', '=', files[0]!.id)
      .executeTakeFirstOrThrow();
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses programs, whatever they are called, and keeps nothing of the message', async () => {
    const c = await openCase({
      channel: 'portal',
      category: 'general',
      subject: 'Exe',
      patientId: alma,
    });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const res = await patient({
      method: 'POST',
      url: `/api/cases/${c.id}/messages`,
      payload: {
        body: 'see file',
        attachments: [{ filename: 'invoice.pdf', contentBase64: exe.toString('base64') }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Programs cannot be attached');
    const messages = await desk.database.db
      .selectFrom('case_messages')
      .select('id')
      .where('case_id', '=', c.id)
      .execute();
    expect(messages).toHaveLength(0);
  });

  it('does not hand a patient a file from a staff-only note', async () => {
    const c = await openCase({
      channel: 'portal',
      category: 'general',
      subject: 'Note',
      patientId: alma,
    });
    await agent({
      method: 'POST',
      url: `/api/cases/${c.id}/messages`,
      payload: {
        body: 'internal scan',
        visibility: 'internal',
        attachments: [
          { filename: 'scan.txt', contentBase64: Buffer.from('private').toString('base64') },
        ],
      },
    });
    const file = await desk.database.db
      .selectFrom('case_attachments')
      .select('id')
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    const res = await patient({ method: 'GET', url: `/api/cases/${c.id}/attachments/${file.id}` });
    expect(res.statusCode).toBe(404);
  });
});
