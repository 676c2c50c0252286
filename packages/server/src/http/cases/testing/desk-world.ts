import { expect } from 'vitest';
import { signedInStaff, type Inject } from '../../../testing/signed-in-client';
import {
  as,
  PASSWORD,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from '../../auth/testing/auth-fixtures';

export interface CaseJson {
  id: string;
  version: number;
  patientId: string | null;
  verifiedAt: string | null;
}

/** A desk with an agent, a supervisor and a patient (Alma) signed in to her portal. */
export interface DeskWorld {
  desk: Desk;
  clock: TestClock;
  agent: Inject;
  agentId: string;
  supervisor: Inject;
  patient: Inject;
  alma: string;
  openCase(payload: Record<string, unknown>): Promise<CaseJson>;
  resolve(c: CaseJson): Promise<void>;
}

export async function startDeskWorld(): Promise<DeskWorld> {
  const { desk, clock } = await startDesk();
  const a = await signedInStaff(desk, clock, ['agent']);
  const supervisor = (await signedInStaff(desk, clock, ['supervisor'])).inject;
  const p = await a.inject({
    method: 'POST',
    url: '/api/patients',
    payload: { names: [{ given: ['Alma'], family: 'Ozols' }], birthDate: '1950-05-05' },
  });
  const alma = p.json<{ id: string }>().id;
  await desk.services.identity.accounts.provision(
    {
      organizationId: desk.organizationId,
      kind: 'patient',
      patientId: alma,
      displayName: 'Alma',
      email: 'alma@patients.example',
    },
    PASSWORD,
  );
  const s = await signIn(desk, clock, 'alma@patients.example');
  const patient: Inject = (o) =>
    desk.app.inject({ ...o, headers: { ...as(s), ...(o.headers as Record<string, string>) } });
  return {
    desk,
    clock,
    agent: a.inject,
    agentId: a.accountId,
    supervisor,
    patient,
    alma,
    async openCase(payload) {
      const res = await a.inject({ method: 'POST', url: '/api/cases', payload });
      expect(res.statusCode).toBe(201);
      return res.json<CaseJson>();
    },
    async resolve(c) {
      const res = await a.inject({
        method: 'PATCH',
        url: `/api/cases/${c.id}`,
        payload: { version: c.version, status: 'resolved', assigneeId: a.accountId },
      });
      expect(res.statusCode).toBe(200);
    },
  };
}
