/**
 * Organization (https://hl7.org/fhir/R4/organization.html), Practitioner
 * (https://hl7.org/fhir/R4/practitioner.html) and Location
 * (https://hl7.org/fhir/R4/location.html) -> the directory CareDesk routes work through.
 */
import type { Location, Organization, Practitioner, Sourced } from '@caredesk/core';
import type { IndexedResource } from './bundle-index';
import type { ImportContext } from './import-context';
import {
  address,
  addresses,
  contactPoints,
  identifiers,
  personNames,
  personText,
} from './map-datatypes';

/** https://terminology.hl7.org/NamingSystem-npi.html */
export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';

/**
 * FHIR has no time zone on Organization; CareDesk needs one for business hours. UTC is a
 * placeholder the administrator is expected to correct (reported as a core/FHIR gap).
 */
export const UNKNOWN_TIME_ZONE = 'UTC';

export function mapOrganization(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  const ids = identifiers(n);
  const kind = n.list('type')[0]?.list('coding')[0]?.string('code');
  ctx.batch.organizations.push({
    id: res.id,
    // Organization.name is 0..1 (org-1 wants a name or an identifier): fall back to those.
    name: personText(n, 'name') ?? n.strings('alias')[0] ?? ids[0]?.value ?? '',
    identifiers: ids,
    telecom: contactPoints(n, ctx.opts),
    addresses: addresses(n),
    timeZone: UNKNOWN_TIME_ZONE,
    businessHours: [],
    // https://hl7.org/fhir/R4/valueset-organization-type.html: prov, pay, dept, ins...
    kind: kind ?? 'other',
    active: n.boolean('active') ?? true,
    source: ctx.source(res),
  } satisfies Sourced<Organization>);
}

export function mapPractitioner(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  const ids = identifiers(n);
  ctx.batch.practitioners.push({
    id: res.id,
    names: personNames(n),
    identifiers: ids,
    telecom: contactPoints(n, ctx.opts),
    // Synthea's "NPIs" are short integers, so no check-digit test here: stored as given.
    npi: ids.find((i) => i.system === NPI_SYSTEM)?.value ?? null,
    active: n.boolean('active') ?? true,
    source: ctx.source(res),
  } satisfies Sourced<Practitioner>);
}

/** https://hl7.org/fhir/R4/valueset-location-status.html */
const LOCATION_STATUSES = new Set(['active', 'suspended', 'inactive']);

export function mapLocation(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  const status = n.string('status');
  if (status !== undefined && !LOCATION_STATUSES.has(status)) {
    n.get('status').issue(
      'code-invalid',
      `status "${status.slice(0, 32)}" is not in location-status`,
    );
  }
  const addressNode = n.object('address');
  const org = ctx.ref(n, 'managingOrganization', res, ['Organization']);
  ctx.batch.locations.push({
    id: res.id,
    organizationId: org?.id ?? null,
    name: personText(n, 'name') ?? n.strings('alias')[0] ?? '',
    address: addressNode ? address(addressNode) : null,
    telecom: contactPoints(n, ctx.opts),
    status:
      status !== undefined && LOCATION_STATUSES.has(status)
        ? (status as Location['status'])
        : 'active',
    source: ctx.source(res),
  } satisfies Sourced<Location>);
}
