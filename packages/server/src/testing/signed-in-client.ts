import type { StaffRole } from '@caredesk/core';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import {
  as,
  provisionStaff,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from '../http/auth/testing/auth-fixtures';

export type Inject = (opts: InjectOptions & { url: string }) => Promise<LightMyRequestResponse>;

let counter = 0;

/**
 * A staff member with the given roles, signed in through the real login and TOTP
 * enrolment; `inject` sends requests with their session cookie, CSRF token and origin.
 */
export async function signedInStaff(
  desk: Desk,
  clock: TestClock,
  roles: StaffRole[],
): Promise<{ inject: Inject; accountId: string; headers: Record<string, string> }> {
  const email = `staff${++counter}-${roles.join('-')}@test.caredesk.example`;
  const account = await provisionStaff(desk, email, roles, `Test ${roles.join(' ')}`);
  const session = await signIn(desk, clock, email);
  const headers = as(session);
  return {
    accountId: account.id,
    headers,
    inject: (opts) =>
      desk.app.inject({
        ...opts,
        headers: { ...headers, ...(opts.headers as Record<string, string>) },
      }),
  };
}

/** A fresh CareDesk with a staff member signed in (front desk, clinical, billing and merge rights). */
export async function startWithStaff(roles: StaffRole[] = ['supervisor', 'nurse']) {
  const { desk, clock } = await startDesk();
  const staff = await signedInStaff(desk, clock, roles);
  return { desk, clock, staff };
}
