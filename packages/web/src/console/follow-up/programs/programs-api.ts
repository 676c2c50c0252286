import type { FollowUpProgram, ScheduledTask } from '@caredesk/core/care-transitions';
import { api } from '../../../api/client';

/** One version of a program as stored (server follow-up-store StoredProgram). */
export interface StoredProgram {
  version: number;
  active: boolean;
  createdAt: string;
  createdBy: string | null;
  definition: FollowUpProgram;
}

/** GET /api/follow-up/programs: each code with its latest version. */
export interface ProgramSummary {
  code: string;
  /** The version new plans start under; null when the program is retired. */
  activeVersion: number | null;
  latest: StoredProgram;
  versions: number;
}

const base = '/api/follow-up/programs';
const at = (code: string) => `${base}/${encodeURIComponent(code)}`;

export const fetchPrograms = () =>
  api<{ items: ProgramSummary[] }>('GET', base).then((r) => r.items);

export const fetchProgram = (code: string, version?: number) =>
  api<StoredProgram>('GET', version === undefined ? at(code) : `${at(code)}?version=${version}`);

/** Publishes the next version, if `expectedVersion` is still the latest (else 409). */
export const publishProgram = (program: FollowUpProgram, expectedVersion: number) =>
  api<StoredProgram>('PUT', at(program.code), { program, expectedVersion });

/** The schedule `program` would give a plan started at `startAt`, or its issues (400). */
export const previewProgram = (program: FollowUpProgram, startAt: string) =>
  api<{ tasks: ScheduledTask[] }>('POST', `${base}/preview`, { program, startAt }).then(
    (r) => r.tasks,
  );

export const retireProgram = (code: string) => api<void>('POST', `${at(code)}/retire`);
