import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { MailQuarantine, QuarantineView } from '../../channels/email/inbound/mail-quarantine';
import type { InboundMailSummary } from '../../storage/channels/inbound-mail-store';
import { organizationOf } from '../access/organization';
import { withPermission } from '../access/route-policy';

export interface MailQuarantineRouteDeps {
  quarantine: MailQuarantine;
}

const idParams = z.object({ id: z.guid() }).strict();
const listQuery = z
  .object({
    status: z
      .enum(['quarantined', 'released', 'discarded', 'new-case', 'threaded'] satisfies [
        QuarantineView,
        ...QuarantineView[],
      ])
      .default('quarantined'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(300).optional(),
  })
  .strict();

/** An inbound message as the API shows it: names in the API's words, no raw bytes. */
function summaryJson(s: InboundMailSummary) {
  return {
    id: s.id,
    receivedAt: s.received_at,
    status: s.status,
    reason: s.reason,
    from: s.from_address ?? s.envelope_from,
    envelopeFrom: s.envelope_from,
    envelopeTo: JSON.parse(s.envelope_to) as string[],
    remoteAddress: s.remote_address,
    subject: s.subject,
    messageId: s.message_id,
    size: s.size,
    sha256: s.sha256,
    caseId: s.case_id,
    processedAt: s.processed_at,
    decidedAt: s.decided_at,
    decidedBy: s.decided_by,
  };
}

function actorId(req: FastifyRequest): string {
  const p = req.access.principal;
  return !p ? 'anonymous' : p.kind === 'api-token' ? p.tokenId : p.accountId;
}

/**
 * The mail quarantine (issue #5 point 4): admins see held mail — headers, the sanitised body,
 * the reason — and release it into a new case or discard it. Raw HTML never leaves the
 * server; every read and decision is audited.
 */
export const mailQuarantineRoutes =
  (deps: MailQuarantineRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.get(
      '/mail/quarantine',
      {
        schema: { querystring: listQuery, tags: ['mail'] },
        config: withPermission('mail.quarantine', 'search', 'InboundMail'),
      },
      async (req) => {
        const { status, limit, cursor } = req.query;
        const page = await deps.quarantine.list(organizationOf(req), {
          view: status,
          limit,
          cursor,
        });
        req.audit.detail = JSON.stringify({ status, results: page.items.length });
        return { items: page.items.map(summaryJson), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/mail/quarantine/:id',
      {
        schema: { params: idParams, tags: ['mail'] },
        config: withPermission('mail.quarantine', 'read', 'InboundMail'),
      },
      async (req) => {
        const detail = await deps.quarantine.get(organizationOf(req), req.params.id);
        req.audit.detail = JSON.stringify({ inboundMailId: req.params.id });
        return {
          ...summaryJson(detail.summary),
          headers: detail.headers,
          text: detail.text,
          safeHtml: detail.safeHtml,
          attachments: detail.attachments,
          withheld: detail.withheld,
        };
      },
    );

    app.post(
      '/mail/quarantine/:id/release',
      {
        schema: { params: idParams, tags: ['mail'] },
        config: withPermission('mail.quarantine', 'update', 'InboundMail'),
      },
      async (req) => {
        const { caseId } = await deps.quarantine.release(
          organizationOf(req),
          req.params.id,
          req.audit,
          actorId(req),
        );
        return { id: req.params.id, status: 'released' as const, caseId };
      },
    );

    app.post(
      '/mail/quarantine/:id/discard',
      {
        schema: { params: idParams, tags: ['mail'] },
        config: withPermission('mail.quarantine', 'update', 'InboundMail'),
      },
      async (req) => {
        await deps.quarantine.discard(organizationOf(req), req.params.id, req.audit, actorId(req));
        return { id: req.params.id, status: 'discarded' as const };
      },
    );
    return Promise.resolve();
  };
