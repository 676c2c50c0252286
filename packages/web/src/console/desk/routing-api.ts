import type { AgentAvailability, Queue, QueueDraft } from '@caredesk/core/service-desk';
import { api } from '../../api/client';

export type { AgentAvailability, Queue, QueueDraft };

/** An agent as GET /api/desk/agents shows them (AgentView on the server). */
export interface Agent {
  accountId: string;
  displayName: string;
  email: string;
  status: 'invited' | 'active';
  /** False while nobody has saved a profile: the defaults are shown. */
  configured: boolean;
  languages: string[];
  categories: string[];
  capacity: number;
  availability: AgentAvailability;
  lastAssignedAt: string | null;
}

export interface AgentSkills {
  languages: string[];
  categories: string[];
  capacity: number;
}

const queue = (id: string) => `/api/desk/queues/${encodeURIComponent(id)}`;

export const fetchQueues = () =>
  api<{ items: Queue[] }>('GET', '/api/desk/queues').then((r) => r.items);

export const createQueue = (draft: QueueDraft) => api<Queue>('POST', '/api/desk/queues', draft);

export const saveQueue = (id: string, draft: QueueDraft) => api<Queue>('PUT', queue(id), draft);

export const deleteQueue = (id: string) => api<undefined>('DELETE', queue(id));

export const fetchAgents = () =>
  api<{ items: Agent[] }>('GET', '/api/desk/agents').then((r) => r.items);

export const saveAgent = (accountId: string, skills: AgentSkills) =>
  api<Agent>('PUT', `/api/desk/agents/${encodeURIComponent(accountId)}`, skills);

export const fetchMyAvailability = () =>
  api<{ availability: AgentAvailability }>('GET', '/api/desk/me/availability').then(
    (r) => r.availability,
  );

export const setMyAvailability = (availability: AgentAvailability) =>
  api<{ availability: AgentAvailability }>('PUT', '/api/desk/me/availability', {
    availability,
  }).then((r) => r.availability);
