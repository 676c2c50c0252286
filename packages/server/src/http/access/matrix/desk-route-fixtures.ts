import { createHash, randomUUID } from 'node:crypto';
import { insertInboundMail } from '../../../storage/channels/inbound-mail-store';
import { insertQueue } from '../../../storage/service-desk/routing-store';
import { articleInput, storedArticle } from '../../knowledge/testing/kb-fixtures';
import { fresh, freshAccount, freshTeam, P, type Fixture } from './fixture-support';
import type { MatrixWorld, TargetName } from './matrix-world';

async function freshQueue(w: MatrixWorld): Promise<string> {
  const id = randomUUID();
  await insertQueue(
    w.desk.database.db,
    {
      id,
      organizationId: w.desk.organizationId,
      name: `Queue ${fresh()}`,
      teamId: null,
      strategy: 'least-loaded',
      requiredSkills: { languages: [], categories: [] },
      matches: { categories: [], priorities: [], channels: [] },
      order: 1,
      active: true,
    },
    w.clock.now().toISOString(),
  );
  return id;
}

const queueBody = () => ({ name: `Queue ${fresh()}`, strategy: 'round-robin', order: 5 });

/** A case about the target patient, in the target's organization. */
export async function freshCase(w: MatrixWorld, t: TargetName): Promise<string> {
  const patient = await w.desk.database.db
    .selectFrom('patients')
    .select('organization_id')
    .where('id', '=', P(w, t))
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const at = '2026-01-01T00:00:00.000Z';
  await w.desk.database.db
    .insertInto('cases')
    .values({
      id,
      organization_id: patient.organization_id,
      number: Math.floor(Math.random() * 1e9),
      patient_id: P(w, t),
      caller: null,
      channel: 'phone',
      category: 'general',
      priority: 'routine',
      status: 'open',
      is_active: 1,
      subject: 'Matrix case',
      language: 'en',
      assignee_id: null,
      team_id: null,
      queue_id: null,
      tags: '[]',
      links: '[]',
      reply_token: id,
      created_by: null,
      created_at: at,
      updated_at: at,
      status_changed_at: at,
      first_response_at: null,
      resolved_at: null,
      closed_at: null,
      verified_at: null,
      sla_policy_id: null,
      sla_first_response_due: null,
      sla_resolution_due: null,
      sla_state: 'none',
      sla_sort: '9999',
      sla_next_check_at: null,
      sla_pauses: '[]',
      version: 1,
    })
    .execute();
  return id;
}

/** An active macro of the home organization, straight into the table (version 1). */
async function freshMacro(w: MatrixWorld): Promise<string> {
  const id = randomUUID();
  const name = `Matrix macro ${fresh()}`;
  await w.desk.database.db
    .insertInto('macros')
    .values({
      id,
      organization_id: w.desk.organizationId,
      name,
      sort_name: name.toLowerCase(),
      names: '{}',
      bodies: JSON.stringify([{ language: 'en', body: 'Hello {{patient.firstName}}' }]),
      actions: '{}',
      audience: 'public-reply',
      active: 1,
      version: 1,
      search_text: name.toLowerCase(),
      created_at: '2000-01-01T00:00:00.000Z',
      updated_at: '2000-01-01T00:00:00.000Z',
    })
    .execute();
  return id;
}

async function freshInboundMail(w: MatrixWorld, status: 'quarantined' | 'released') {
  const raw = Buffer.from(`From: a@matrix.example\r\nSubject: ${fresh()}\r\n\r\nbody\r\n`);
  const { id } = await insertInboundMail(
    w.desk.database.db,
    {
      organizationId: w.desk.organizationId,
      envelopeFrom: 'a@matrix.example',
      envelopeTo: ['help@caredesk.localhost'],
      remoteAddress: '127.0.0.1',
      messageId: null,
      sha256: createHash('sha256').update(raw).digest('hex'),
      raw,
    },
    w.clock.now(),
  );
  await w.desk.database.db
    .updateTable('inbound_mail')
    .set({ status, reason: 'unparseable' })
    .where('id', '=', id)
    .execute();
  return id;
}

const macroBody = () => ({
  name: `Matrix macro ${fresh()}`,
  bodies: [{ language: 'lv', body: 'Labdien, {{patient.firstName}}!' }],
  actions: { addTags: ['matrix'] },
});

/** The service desk's routes (issue #5): cases, desk set-up, knowledge base, mail quarantine. */
export const DESK_FIXTURES: Record<string, Fixture> = {
  'GET /api/kb/articles': async () => ({ url: '/api/kb/articles?q=glucose%20me&language=es' }),
  'GET /api/kb/articles/:id': async (w) => ({
    url: `/api/kb/articles/${(await storedArticle(w.desk.database, w.desk.organizationId)).id}`,
  }),
  'POST /api/kb/articles': async () => ({ url: '/api/kb/articles', payload: articleInput() }),
  'PUT /api/kb/articles/:id': async (w) => ({
    url: `/api/kb/articles/${(await storedArticle(w.desk.database, w.desk.organizationId)).id}`,
    payload: { ...articleInput('Cleaning a meter, revised'), version: 1 },
  }),
  'POST /api/kb/articles/:id/publish': async (w) => ({
    url: `/api/kb/articles/${(await storedArticle(w.desk.database, w.desk.organizationId)).id}/publish`,
    payload: { version: 1 },
  }),
  'POST /api/kb/articles/:id/archive': async (w) => ({
    url: `/api/kb/articles/${(await storedArticle(w.desk.database, w.desk.organizationId, 'published')).id}/archive`,
  }),
  'GET /api/kb/suggestions': async () => ({
    url: '/api/kb/suggestions?text=My%20glucose%20meter%20shows%20an%20error',
  }),
  'GET /api/help-articles': async () => ({ url: '/api/help-articles?q=meter&language=lv' }),
  'GET /api/help-articles/:id': async (w) => ({
    url: `/api/help-articles/${(await storedArticle(w.desk.database, w.desk.organizationId, 'published')).id}`,
  }),
  'GET /api/desk/sla-policies': async () => ({ url: '/api/desk/sla-policies' }),
  'PUT /api/desk/sla-policies': async () => ({
    url: '/api/desk/sla-policies',
    payload: {
      category: 'refill',
      priority: 'urgent',
      firstResponseMinutes: 120,
      resolutionMinutes: 960,
      warnAtShare: 0.75,
      onBreach: ['notify-supervisor'],
    },
  }),
  'DELETE /api/desk/sla-policies/:id': async (w) => {
    // A policy of the home organization of its own, so each call has one to delete.
    const id = randomUUID();
    await w.desk.database.db
      .insertInto('sla_policies')
      .values({
        organization_id: w.desk.organizationId,
        id,
        category: `matrix-${fresh()}`,
        priority: '*',
        first_response_minutes: 60,
        resolution_minutes: 480,
        warn_at_share: 0.75,
        on_breach: '[]',
        updated_at: 'x',
      })
      .execute();
    return { url: `/api/desk/sla-policies/${id}` };
  },
  'GET /api/desk/calendars': async () => ({ url: '/api/desk/calendars' }),
  'PUT /api/desk/calendars/:teamId': async (w) => ({
    url: `/api/desk/calendars/${await freshTeam(w)}`,
    payload: {
      timeZone: 'Europe/Riga',
      hours: [{ day: 1, opens: '08:00', closes: '17:00' }],
      holidays: ['2026-06-24'],
    },
  }),
  'GET /api/mail/quarantine': async () => ({ url: '/api/mail/quarantine?limit=5' }),
  'GET /api/mail/quarantine/:id': async (w) => ({
    url: `/api/mail/quarantine/${await freshInboundMail(w, 'quarantined')}`,
  }),
  // Released already: an allowed caller gets 409 without a case being opened (the matrix
  // is about who may call; the release itself is tested in mail-quarantine-routes.test.ts).
  'POST /api/mail/quarantine/:id/release': async (w) => ({
    url: `/api/mail/quarantine/${await freshInboundMail(w, 'released')}/release`,
  }),
  'POST /api/mail/quarantine/:id/discard': async (w) => ({
    url: `/api/mail/quarantine/${await freshInboundMail(w, 'quarantined')}/discard`,
  }),
  'GET /api/desk/macros': async () => ({ url: '/api/desk/macros?q=matrix' }),
  'GET /api/desk/macros/library': async () => ({ url: '/api/desk/macros/library?q=matrix' }),
  'POST /api/desk/macros/:id/preview': async (w) => ({
    url: `/api/desk/macros/${await freshMacro(w)}/preview`,
    payload: { language: 'lv', facts: { 'patient.firstName': 'Matrix' } },
  }),
  'POST /api/desk/macros': async () => ({ url: '/api/desk/macros', payload: macroBody() }),
  'PUT /api/desk/macros/:id': async (w) => ({
    url: `/api/desk/macros/${await freshMacro(w)}`,
    payload: { ...macroBody(), version: 1 },
  }),
  'DELETE /api/desk/macros/:id': async (w) => ({
    url: `/api/desk/macros/${await freshMacro(w)}`,
  }),
  'GET /api/desk/queues': async () => ({ url: '/api/desk/queues' }),
  'POST /api/desk/queues': async () => ({ url: '/api/desk/queues', payload: queueBody() }),
  'PUT /api/desk/queues/:id': async (w) => ({
    url: `/api/desk/queues/${await freshQueue(w)}`,
    payload: queueBody(),
  }),
  'DELETE /api/desk/queues/:id': async (w) => ({ url: `/api/desk/queues/${await freshQueue(w)}` }),
  'GET /api/desk/agents': async () => ({ url: '/api/desk/agents' }),
  'PUT /api/desk/agents/:accountId': async (w) => ({
    url: `/api/desk/agents/${await freshAccount(w)}`,
    payload: { languages: ['es'], categories: ['refill'], capacity: 4 },
  }),
  'GET /api/desk/me/availability': async () => ({ url: '/api/desk/me/availability' }),
  'PUT /api/desk/me/availability': async () => ({
    url: '/api/desk/me/availability',
    payload: { availability: 'available' },
  }),
  'GET /api/cases': async () => ({ url: '/api/cases?view=all&limit=5' }),
  'POST /api/cases': async () => ({
    url: '/api/cases',
    payload: {
      channel: 'phone',
      category: 'general',
      subject: 'Matrix call',
      caller: { name: 'Caller' },
    },
  }),
  'GET /api/cases/:caseId': async (w, t) => ({ url: `/api/cases/${await freshCase(w, t)}` }),
  'PATCH /api/cases/:caseId': async (w, t) => ({
    url: `/api/cases/${await freshCase(w, t)}`,
    payload: { version: 1, priority: 'urgent' },
  }),
  'POST /api/cases/:caseId/messages': async (w, t) => ({
    url: `/api/cases/${await freshCase(w, t)}/messages`,
    payload: { body: 'Matrix message' },
  }),
  'GET /api/cases/:caseId/attachments/:attachmentId': async (w, t) => {
    const caseId = await freshCase(w, t);
    const messageId = randomUUID();
    const attachmentId = randomUUID();
    await w.desk.database.db
      .insertInto('case_messages')
      .values({
        id: messageId,
        case_id: caseId,
        position: 1,
        at: '2026-01-01T00:00:00.000Z',
        author_kind: 'patient',
        author_id: null,
        author_name: null,
        visibility: 'public',
        channel: 'portal',
        body: 'matrix',
        safe_html: null,
        language: 'en',
        message_id: null,
        inbound_mail_id: null,
      })
      .execute();
    await w.desk.database.db
      .insertInto('case_attachments')
      .values({
        id: attachmentId,
        case_id: caseId,
        message_id: messageId,
        filename: 'matrix.txt',
        content_type: 'text/plain',
        size: 6,
        sha256: '0'.repeat(64),
        content: Buffer.from('matrix'),
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    return { url: `/api/cases/${caseId}/attachments/${attachmentId}` };
  },
  'GET /api/cases/:caseId/fhir': async (w, t) => ({
    url: `/api/cases/${await freshCase(w, t)}/fhir`,
  }),
  'GET /api/patients/:id/cases': async (w, t) => ({ url: `/api/patients/${P(w, t)}/cases` }),
  'POST /api/patients/:id/cases': async (w, t) => ({
    url: `/api/patients/${P(w, t)}/cases`,
    payload: { category: 'general', subject: 'Matrix help', message: 'Please help' },
  }),
  'GET /api/desk/categories': async () => ({ url: '/api/desk/categories' }),
  'POST /api/desk/categories': async () => ({
    url: '/api/desk/categories',
    payload: { code: `matrix-${fresh()}`, labels: { en: 'Matrix category' } },
  }),
  'POST /api/cases/:caseId/verification': async (w, t) => ({
    url: `/api/cases/${await freshCase(w, t)}/verification`,
    payload: { identifiers: ['name', 'date-of-birth'] },
  }),
  'POST /api/cases/:caseId/disclosures': async (w, t) => ({
    url: `/api/cases/${await freshCase(w, t)}/disclosures`,
    payload: {
      recipient: { kind: 'other', name: 'Matrix Mutual' },
      purpose: 'payment',
      description: 'claim status',
      category: 'billing',
    },
  }),
  'GET /api/cases/:caseId/survey': async (w, t) => ({
    url: `/api/cases/${await freshCase(w, t)}/survey`,
  }),
  // No survey is open on a fresh case: an allowed patient gets 409, which the matrix accepts.
  'POST /api/cases/:caseId/survey': async (w, t) => ({
    url: `/api/cases/${await freshCase(w, t)}/survey`,
    payload: { score: 5 },
  }),
  'GET /api/desk/overview': async () => ({ url: '/api/desk/overview' }),
  'GET /api/cases/:caseId/kb-suggestions': async (w, t) => ({
    url: `/api/cases/${await freshCase(w, t)}/kb-suggestions`,
  }),
  'GET /api/desk/csat': async () => ({
    url: '/api/desk/csat?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
  }),
};
