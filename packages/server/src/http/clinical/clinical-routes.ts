import type { DataCategory } from '@caredesk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ClinicalService } from '../../clinical/clinical-service';
import type { ClinicalList } from '../../storage/clinical/clinical-lists';
import { onPatient } from '../access/route-policy';
import { idParams, listQuery } from '../patients/patient-schemas';

export interface ClinicalRouteDeps {
  clinical: ClinicalService;
}

/**
 * Each list's path, the consent category a caregiver needs for it (core/src/consent: a
 * patient may share their medications without their diagnoses), and the FHIR resource
 * type its audit entries name.
 */
const LISTS: ReadonlyArray<{
  list: ClinicalList;
  path: string;
  category: DataCategory;
  resourceType: string;
}> = [
  { list: 'encounters', path: 'encounters', category: 'clinical-notes', resourceType: 'Encounter' },
  { list: 'conditions', path: 'conditions', category: 'clinical-notes', resourceType: 'Condition' },
  {
    list: 'medications',
    path: 'medications',
    category: 'medications',
    resourceType: 'MedicationRequest',
  },
  { list: 'carePlans', path: 'care-plans', category: 'care-plans', resourceType: 'CarePlan' },
];

/**
 * The patient's clinical lists under /api, newest first, keyset-paginated. Staff need
 * `clinical.read` (billing and front-desk roles lack it: 403); the patient reads their own
 * and a caregiver reads within a consent for the list's category (decide.ts), and anyone
 * else gets 404. The access hooks decide before the handler and audit every call.
 */
export const clinicalRoutes =
  (deps: ClinicalRouteDeps): FastifyPluginAsyncZod =>
  (app) => {
    for (const { list, path, category, resourceType } of LISTS) {
      app.get(
        `/patients/:id/${path}`,
        {
          schema: { params: idParams, querystring: listQuery, tags: ['clinical'] },
          config: onPatient('clinical.read', category, 'read', resourceType),
        },
        async (req) => {
          const { limit, cursor } = req.query;
          const page = await deps.clinical.list(list, req.params.id, limit, cursor);
          req.audit.detail = JSON.stringify({ results: page.items.length });
          return page;
        },
      );
    }
    return Promise.resolve();
  };
