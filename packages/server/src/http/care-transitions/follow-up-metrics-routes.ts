import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FollowUpMetricsService } from '../../care-transitions/follow-up/follow-up-metrics';
import { organizationOf } from '../access/organization';
import { withPermission } from '../access/route-policy';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const metricsQuery = z
  .object({
    from: date,
    to: date,
    programCode: z.string().min(1).max(40).optional(),
    teamId: z.string().min(1).max(64).optional(),
  })
  .strict();

/**
 * Follow-up metrics (issue #6 point 6) for supervisors (case.supervise): counts of
 * discharges and what became of them, never a patient's name, so no per-patient access
 * check; the read is audited as a MeasureReport. The period is whole days in the
 * organization's zone, at most a year and a day; bad or reversed dates are a 400.
 */
export const followUpMetricsRoutes =
  (deps: { metrics: FollowUpMetricsService }): FastifyPluginAsyncZod =>
  (app) => {
    app.get(
      '/follow-up/metrics',
      {
        schema: { querystring: metricsQuery, tags: ['follow-up'] },
        config: withPermission('case.supervise', 'read', 'MeasureReport'),
      },
      async (req) => {
        const report = await deps.metrics.report(organizationOf(req), req.query);
        req.audit.detail = JSON.stringify({
          from: req.query.from,
          to: req.query.to,
          programCode: req.query.programCode ?? null,
          teamId: req.query.teamId ?? null,
          discharges: report.totals.discharges,
        });
        return report;
      },
    );
    return Promise.resolve();
  };
