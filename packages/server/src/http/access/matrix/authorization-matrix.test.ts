import { decide, type Decision } from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../route-policy';
import {
  buildMatrixWorld,
  contextOf,
  type MatrixWorld,
  type Party,
  type TargetName,
} from './matrix-world';
import {
  ALLOWED_NOT_FOUND,
  CREDENTIAL_CHECKS,
  FIXTURES,
  HOME_ORGANIZATION_OBJECTS,
  SESSION_ENDING,
  SESSION_ONLY,
} from './route-fixtures';

let world: MatrixWorld;
beforeAll(async () => {
  world = await buildMatrixWorld();
}, 120_000);
afterAll(async () => world.desk.dispose());

const key = (r: RegisteredRoute) => `${r.method} ${r.url}`;
const DENIAL_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  'break-glass': 403,
  hidden: 404,
} as const;

/** What the access rules say this party may do on this route and target. */
async function expected(
  route: RegisteredRoute,
  party: Party,
  target: TargetName,
): Promise<Decision | 'public' | 'signed-in'> {
  const { policy } = route;
  if (policy.kind === 'public') return 'public';
  const ctx = await contextOf(world, party);
  if (!ctx.principal) return { allow: false, deny: 'unauthenticated', reason: 'anonymous' };
  if (SESSION_ONLY(key(route)) && ctx.principal.kind === 'api-token') {
    return { allow: false, deny: 'unauthenticated', reason: 'session routes take no token' };
  }
  if (policy.kind === 'authenticated') return 'signed-in';
  if (policy.kind === 'permission') {
    const first = decide(ctx, { permission: policy.permission });
    const d =
      !first.allow && policy.orPermission
        ? decide(ctx, { permission: policy.orPermission })
        : first;
    if (
      d.allow &&
      HOME_ORGANIZATION_OBJECTS.has(key(route)) &&
      ctx.principal.organizationId !== world.desk.organizationId
    ) {
      return { allow: false, deny: 'hidden', reason: 'object of another organization' };
    }
    return d;
  }
  const facts = await world.access.facts(world.targets[target]);
  if (!facts) throw new Error('matrix target missing');
  return decide(ctx, { permission: policy.permission, patient: facts, category: policy.category });
}

async function auditCount(): Promise<number> {
  const r = await world.desk.database.db
    .selectFrom('audit_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('authorization matrix (every route × every caller × own / other / foreign patient)', () => {
  it('has a fixture for every route, and no fixture for a route that does not exist', () => {
    const routes = world.desk.routes.map(key).sort();
    expect(routes.filter((r) => !(r in FIXTURES))).toEqual([]);
    expect(Object.keys(FIXTURES).filter((f) => !routes.includes(f))).toEqual([]);
  });

  it(
    'answers every cell exactly as the access rules decide, and audits it',
    { timeout: 300_000 },
    async () => {
      const routes = [...world.desk.routes].sort(
        (a, b) => Number(SESSION_ENDING.has(key(a))) - Number(SESSION_ENDING.has(key(b))),
      );
      const failures: string[] = [];
      let cells = 0;
      for (const party of world.parties) {
        for (const route of routes) {
          const targets: TargetName[] =
            route.policy.kind === 'patient' || route.policy.kind === 'case'
              ? ['own', 'other', 'foreign']
              : ['own'];
          for (const target of targets) {
            const expect_ = await expected(route, party, target);
            const req = await FIXTURES[key(route)]!(world, target);
            const before = await auditCount();
            const res = await party.inject({
              method: route.method,
              url: req.url,
              ...(req.payload === undefined ? {} : { payload: req.payload as object }),
            });
            cells++;
            const where = `${party.name} ${key(route)} [${target}] → ${res.statusCode}`;
            if (res.statusCode >= 500)
              failures.push(`${where}: server error ${res.body.slice(0, 200)}`);
            if (expect_ === 'public') continue;
            if (expect_ === 'signed-in') {
              const wrongCode = CREDENTIAL_CHECKS.has(key(route)) && res.statusCode === 401;
              if ((res.statusCode === 401 || res.statusCode === 403) && !wrongCode) {
                failures.push(`${where}: refused a signed-in caller`);
              }
              continue;
            }
            if (!expect_.allow) {
              const want = DENIAL_STATUS[expect_.deny];
              if (res.statusCode !== want)
                failures.push(`${where}: expected ${want} (${expect_.reason})`);
              if (!String(res.headers['content-type']).match(/problem\+json|fhir\+json/))
                failures.push(`${where}: denial without a problem body`);
            } else {
              const notFoundOk = ALLOWED_NOT_FOUND.has(key(route));
              if ([401, 403].includes(res.statusCode) || (res.statusCode === 404 && !notFoundOk)) {
                failures.push(
                  `${where}: expected access (${expect_.via}) ${res.body.slice(0, 160)}`,
                );
              }
            }
            // Audit coverage: every audited route leaves an entry with the right outcome.
            const spec = route.policy.kind === 'public' ? undefined : route.policy.audit;
            if (!spec) continue;
            const added = await world.desk.database.db
              .selectFrom('audit_entries')
              .selectAll()
              .where('seq', '>', before)
              .execute();
            const outcome =
              res.statusCode < 400
                ? 'success'
                : [401, 403, 404].includes(res.statusCode)
                  ? 'denied'
                  : 'failed';
            const entry = added.find((e) => e.outcome === outcome);
            if (!entry)
              failures.push(
                `${where}: no '${outcome}' audit entry (got ${added.map((e) => `${e.action}/${e.outcome}`).join(', ') || 'none'})`,
              );
            else if (
              route.policy.kind === 'patient' &&
              outcome !== 'failed' &&
              entry.patient_id !== world.targets[target]
            ) {
              failures.push(`${where}: audit entry names patient ${entry.patient_id}`);
            } else if (
              outcome === 'success' &&
              entry.action !== spec.action &&
              !added.some((e) => e.action === spec.action)
            ) {
              failures.push(`${where}: audited as ${entry.action}, expected ${spec.action}`);
            }
          }
        }
      }
      console.info(
        `authorization matrix: ${cells} cells, ${world.parties.length} callers, ${routes.length} routes, ${failures.length} failures`,
      );
      expect(failures).toEqual([]);
      expect(cells).toBeGreaterThan(1000);
    },
  );
});
