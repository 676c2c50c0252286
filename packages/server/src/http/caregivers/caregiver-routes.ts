import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CaregiverInvitationService } from '../../caregivers/caregiver-invitation-service';
import type { PeopleIHelp } from '../../caregivers/people-i-help';
import { organizationOf } from '../access/organization';
import { withPermission } from '../access/route-policy';
import { idParams } from '../patients/patient-schemas';
import { caregiverInvitationBody } from './caregiver-schemas';

export interface CaregiverRouteDeps {
  invitations: CaregiverInvitationService;
  peopleIHelp: PeopleIHelp;
}

const tags = ['caregivers'];

/** Caregivers, both sides: the patient who invites one, the caregiver who helps. Under /api. */
export const caregiverRoutes =
  (deps: CaregiverRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    app.post(
      '/patients/:id/caregiver-invitations',
      {
        schema: { params: idParams, body: caregiverInvitationBody, tags },
        config: {
          // The patient's own right (self.consent): staff cannot invite in a patient's
          // name, a caregiver cannot invite another, a patient only for their own record.
          policy: {
            kind: 'patient',
            permission: 'self.consent',
            category: 'profile',
            patientParam: 'id',
            audit: { action: 'consent-change', resourceType: 'Consent' },
          },
        },
      },
      async (req, reply) => {
        const invitation = await deps.invitations.invite(
          organizationOf(req),
          req.params.id,
          req.body,
          req.audit,
        );
        // Never the invitation link: it is for the caregiver's mailbox, not the patient.
        return reply.code(201).send(invitation);
      },
    );

    app.get(
      '/people-i-help',
      { schema: { tags }, config: withPermission('proxy.read', 'read', 'Patient') },
      async (req) => ({ items: await deps.peopleIHelp.list(req.audit) }),
    );
    return Promise.resolve();
  };
