import type {
  Macro,
  MacroActions,
  MacroFacts,
  MacroInput,
  RenderedMacro,
} from '@caredesk/core/service-desk';
import { api } from '../../api/client';

export interface MacroPage {
  items: Macro[];
  nextCursor: string | null;
}

const base = '/api/desk/macros';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

function page(path: string, q: string, cursor: string | null): Promise<MacroPage> {
  const params = new URLSearchParams({ q, limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api<MacroPage>('GET', `${path}?${params.toString()}`);
}

/** Every macro, retired ones too (desk.configure): the configuration page. */
export const fetchLibrary = (q: string, cursor: string | null = null) =>
  page(`${base}/library`, q, cursor);

/** The active macros (case.work): what the reply composer offers. */
export const fetchActiveMacros = (q: string, cursor: string | null = null) => page(base, q, cursor);

export const createMacro = (input: MacroInput) => api<Macro>('POST', base, input);

export const updateMacro = (id: string, input: MacroInput & { active: boolean }, version: number) =>
  api<Macro>('PUT', one(id), { ...input, version });

export const retireMacro = (id: string) => api<Macro>('DELETE', one(id));

/** The macro filled on the server, as the patient would read it. */
export const previewMacro = (
  id: string,
  language: string,
  facts: MacroFacts,
  timeZone: string | undefined,
) =>
  api<RenderedMacro>('POST', `${one(id)}/preview`, {
    language,
    facts,
    ...(timeZone ? { timeZone } : {}),
  });

export type { Macro, MacroActions, MacroFacts, RenderedMacro };
