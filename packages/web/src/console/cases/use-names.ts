import { useEffect, useState } from 'react';
import { useSession } from '../../app/session';
import { fetchStaff, type StaffMember } from '../../cases/cases-api';
import { fetchAgents } from '../desk/routing-api';

/** A patient's name as the inbox shows it, or that the record is not this person's to see. */
export type PatientName = { kind: 'name'; name: string } | { kind: 'hidden' };

/**
 * Staff a case can be given to, for those allowed to list them: supervisors and
 * administrators (the staff list, admin.teams; else the desk's agents, desk.configure).
 * Others get null and assign cases to themselves only.
 */
export function useStaff(): StaffMember[] | null {
  const { permissions } = useSession();
  const source = permissions.has('admin.teams')
    ? 'staff'
    : permissions.has('desk.configure')
      ? 'agents'
      : null;
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  useEffect(() => {
    if (!source) return;
    let current = true;
    const load =
      source === 'staff'
        ? fetchStaff()
        : fetchAgents().then((list) =>
            list.map((a) => ({
              id: a.accountId,
              displayName: a.displayName,
              email: a.email,
              status: a.status,
            })),
          );
    load.then(
      (list) => current && setStaff(list.filter((s) => s.status === 'active')),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [source]);
  return staff;
}
