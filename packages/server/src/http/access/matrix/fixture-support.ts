import { randomUUID } from 'node:crypto';
import type { MatrixWorld, TargetName } from './matrix-world';

export interface CellRequest {
  url: string;
  payload?: unknown;
}

/** How to call a route for one cell of the matrix (fresh objects where a call consumes one). */
export type Fixture = (world: MatrixWorld, target: TargetName) => Promise<CellRequest>;

let n = 0;

export const fresh = () => `${Date.now().toString(36)}${(++n).toString(36)}`;

export const P = (w: MatrixWorld, t: TargetName) => w.targets[t];

export async function freshAccount(w: MatrixWorld): Promise<string> {
  const a = await w.desk.services.identity.accounts.provision(
    {
      organizationId: w.desk.organizationId,
      kind: 'staff',
      email: `fixture-${fresh()}@matrix.example`,
      displayName: 'Fixture',
      roles: ['agent'],
    },
    'violet-harbour-lantern-7',
  );
  return a.id;
}

export async function freshTeam(w: MatrixWorld): Promise<string> {
  const id = randomUUID();
  await w.desk.database.db
    .insertInto('teams')
    .values({
      id,
      organization_id: w.desk.organizationId,
      name: `Team ${fresh()}`,
      created_at: 'x',
      updated_at: 'x',
    })
    .execute();
  return id;
}
