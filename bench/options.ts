import type { BenchSuite, EngineName } from './results';

export type { BenchSuite } from './results';

export interface BenchOptions {
  quick: boolean;
  engines: EngineName[];
  patients: number;
  chunkSize: number;
  durationS: number;
  warmupS: number;
  connections: number;
  coldStartRuns: number;
  importRuns: number;
  /** Entries in the audit verify benchmark (the target is about 1,000,000). */
  auditEntries: number;
  /** Sequential sign-ins measured. */
  logins: number;
  /** Where to write the Markdown report; null prints only the table. */
  out: string | null;
  /** Which workloads: everything, or only the service desk's (#5 point 11) or the HL7 feed's (#6 point 9). */
  suite: BenchSuite;
  /** Service-desk cases to seed (the target is about 1,000,000). */
  cases: number;
}

export const USAGE = `Usage: npm run bench -- [--quick] [--engine sqlite|postgres|both]
                       [--patients N] [--duration S] [--out FILE]
                       [--suite all|desk|hl7] [--cases N]

  --quick        smoke run: 10,000 patients, 3 s windows, audit verify over 100,000 entries
                 instead of 1,000,000; writes no report unless --out is given
  --engine       which database(s) to measure (default both; postgres is skipped with a
                 note when DATABASE_URL / the local server is unreachable)
  --patients N   patients to seed (default 100,000)
  --duration S   measured seconds per HTTP workload (default 10, after a 2 s warm-up)
  --out FILE     report path (default docs/benchmarks.md for a full run)
  --suite        all (default); desk: seed patients, then only the service-desk
                 workloads; hl7: seed patients, then only the HL7 feed over MLLP.
                 A partial run writes no report unless --out is given
  --cases N      service-desk cases to seed (default 1,000,000; 50,000 with --quick)`;

export class OptionsError extends Error {}

function positiveInt(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new OptionsError(`${name} needs a positive integer, got ${raw ?? 'nothing'}`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const opts: BenchOptions = {
    quick,
    engines: ['sqlite', 'postgres'],
    patients: quick ? 10_000 : 100_000,
    chunkSize: 1_000,
    durationS: quick ? 3 : 10,
    warmupS: quick ? 1 : 2,
    connections: 10,
    coldStartRuns: 3,
    importRuns: quick ? 1 : 3,
    auditEntries: quick ? 100_000 : 1_000_000,
    logins: 200,
    out: quick ? null : 'docs/benchmarks.md',
    suite: 'all',
    cases: quick ? 50_000 : 1_000_000,
  };
  let outGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? (arg.split('=', 2) as [string, string])
      : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--quick':
        break;
      case '--engine': {
        const v = value();
        if (v === 'both') opts.engines = ['sqlite', 'postgres'];
        else if (v === 'sqlite' || v === 'postgres') opts.engines = [v];
        else
          throw new OptionsError(
            `--engine must be sqlite, postgres or both, got ${v ?? 'nothing'}`,
          );
        break;
      }
      case '--patients':
        opts.patients = positiveInt('--patients', value());
        break;
      case '--duration':
        opts.durationS = positiveInt('--duration', value());
        break;
      case '--out':
        opts.out = value() ?? null;
        if (!opts.out) throw new OptionsError('--out needs a file');
        outGiven = true;
        break;
      case '--suite': {
        const v = value();
        if (v !== 'all' && v !== 'desk' && v !== 'hl7')
          throw new OptionsError(`--suite must be all, desk or hl7, got ${v ?? 'nothing'}`);
        opts.suite = v;
        break;
      }
      case '--cases':
        opts.cases = positiveInt('--cases', value());
        break;
      case '--help':
      case '-h':
        throw new OptionsError(USAGE);
      default:
        throw new OptionsError(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  // A partial run must never overwrite the full report.
  if (opts.suite !== 'all' && !outGiven) opts.out = null;
  return opts;
}
