import type { CaseSeedFigures } from './desk-seed';
import type { EngineResult, Target } from './results';
import type { LoadResult } from './workloads';

/** The service desk's figures on one engine (issue #5 point 11). */
export interface DeskFigures {
  seed: CaseSeedFigures | null;
  /** Agents signed in and rotated through by the workloads. */
  agents: number;
  /** GET /api/cases?view=mine as each agent in turn: the inbox's first page. */
  inbox: LoadResult | null;
  /** GET /api/cases/:id over real case ids, as each agent in turn. */
  casePage: LoadResult | null;
  /** POST /api/cases, audited and routed, as each agent in turn. */
  create: LoadResult | null;
  /** Cases the creation workload made (warm-up included) and how many routing assigned. */
  created: { created: number; assigned: number } | null;
}

export function emptyDeskFigures(): DeskFigures {
  return { seed: null, agents: 0, inbox: null, casePage: null, create: null, created: null };
}

/** The targets are about an embedded database holding this many cases. */
export const DESK_TARGET_CASES = 1_000_000;

const atTargetSize = (r: EngineResult) => (r.desk?.seed?.cases ?? 0) >= DESK_TARGET_CASES;

/** "12 ms", or "12 ms (50,000 cases)" when measured at another size than the target's. */
function withSize(text: string, r: EngineResult): string {
  const cases = r.desk?.seed?.cases;
  return cases === undefined || cases === DESK_TARGET_CASES
    ? text
    : `${text} (${cases.toLocaleString('en-US')} cases)`;
}

const deskErrors = (r: EngineResult): number | null => {
  const loads = [r.desk?.inbox, r.desk?.casePage, r.desk?.create].filter(
    (l): l is LoadResult => !!l,
  );
  return loads.length === 0
    ? null
    : loads.reduce((n, l) => n + l.errors + l.timeouts + l.non2xx, 0);
};

/**
 * Issue #5 point 11 (service desk): with 1M cases in the embedded database, an agent's
 * inbox first page and the case page at p99 ≤ 20 ms, and cases created at ≥ 1,000/s
 * sustained with audit and routing. Judged only at 1M cases; smaller runs show n/a.
 */
export const DESK_TARGETS: Target[] = [
  {
    id: 'desk-inbox-p99',
    issue: '#5',
    label: 'Agent inbox, first page (GET /api/cases?view=mine), 1M cases, p99',
    goal: '≤ 20 ms',
    unit: 'ms',
    value: (r) => r.desk?.inbox?.p99 ?? null,
    meets: (v) => v <= 20,
    comparable: atTargetSize,
    format: (v, r) => withSize(`${v} ms`, r),
  },
  {
    id: 'desk-case-p99',
    issue: '#5',
    label: 'Case page (GET /api/cases/:id), 1M cases, p99',
    goal: '≤ 20 ms',
    unit: 'ms',
    value: (r) => r.desk?.casePage?.p99 ?? null,
    meets: (v) => v <= 20,
    comparable: atTargetSize,
    format: (v, r) => withSize(`${v} ms`, r),
  },
  {
    id: 'desk-create-rps',
    issue: '#5',
    label: 'Case creation (POST /api/cases, audited, routed), sustained',
    goal: '≥ 1,000 cases/s',
    unit: 'cases/s',
    value: (r) => r.desk?.create?.rps ?? null,
    meets: (v) => v >= 1_000,
    comparable: atTargetSize,
    format: (v, r) =>
      withSize(
        `${Math.round(v).toLocaleString('en-US')} cases/s (p99 ${r.desk?.create?.p99 ?? '—'} ms)`,
        r,
      ),
  },
  {
    id: 'desk-errors',
    issue: '#5',
    label: 'Errors + timeouts + non-2xx (service desk workloads)',
    goal: '= 0',
    unit: '',
    value: deskErrors,
    meets: (v) => v === 0,
  },
];
