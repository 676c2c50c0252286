import type {
  Address,
  Location,
  OpeningHours,
  Organization,
  PersonName,
  Practitioner,
  Sourced,
} from '@caredesk/core';
import { EIN_SYSTEM, NPI_SYSTEM, PAYER_ID_SYSTEM } from './demo-catalog';
import type { DemoLanguage, DemoStaffMember, StaffRole } from './demo-types';
import { ID_NAMESPACE, demoUuid } from './ids';
import { npiFromNine } from './npi';
import { Rng, hashInts } from './random';

export type PayerKey = 'medicare' | 'commercial' | 'medicaid' | 'lv-state' | 'no-state';

export interface DemoPayer {
  key: PayerKey;
  organization: Sourced<Organization>;
  payerId: string;
  planName: string;
  currency: 'USD' | 'EUR' | 'NOK';
  /** Charge multiplier from the USD price list into this payer's currency. */
  priceFactor: number;
  /** Share of the charge the payer allows. */
  allowedRatio: number;
}

export interface ReferenceData {
  organization: Organization;
  staff: DemoStaffMember[];
  practitioners: Sourced<Practitioner>[];
  locations: Sourced<Location>[];
  payers: Readonly<Record<PayerKey, DemoPayer>>;
  /** Location for clinic visits (AMB, VR) and for hospital stays (IMP, EMER). */
  clinicLocationId: string;
  hospitalLocationId: string;
}

export const CLINIC_NAME = 'Riverside Community Clinic';
export const CLINIC_TIME_ZONE = 'America/Chicago';
export const CLINIC_NPI = '1234567893';

const CLINIC_ADDRESS: Address = {
  use: 'work',
  lines: ['3400 Longcommon Rd'],
  city: 'Riverside',
  state: 'IL',
  postalCode: '60546',
  country: 'US',
};

export function clinicBusinessHours(): OpeningHours[] {
  const weekdays = ([1, 2, 3, 4, 5] as const).map((day): OpeningHours => ({
    day,
    opens: '08:00',
    closes: '17:00',
  }));
  return [...weekdays, { day: 6, opens: '09:00', closes: '13:00' }];
}

function source(sourceKey: string): { entryIndex: number; sourceKey: string } {
  return { entryIndex: -1, sourceKey };
}

function personName(
  given: string,
  family: string,
  prefix: string[] = [],
  suffix: string[] = [],
): PersonName {
  return { use: 'official', given: [given], family, prefix, suffix };
}

function makeOrganization(organizationId: string): Organization {
  return {
    id: organizationId,
    name: CLINIC_NAME,
    identifiers: [
      { system: NPI_SYSTEM, value: CLINIC_NPI, type: 'NPI' },
      { system: EIN_SYSTEM, value: '36-4812907', type: 'TAX' },
    ],
    telecom: [
      { system: 'phone', value: '+17085550100', use: 'work', rank: 1 },
      { system: 'sms', value: '+17085550109', use: 'work', rank: 2 },
      { system: 'email', value: 'frontdesk.riverside@example.org', use: 'work', rank: 3 },
    ],
    addresses: [CLINIC_ADDRESS],
    timeZone: CLINIC_TIME_ZONE,
    businessHours: clinicBusinessHours(),
    kind: 'prov',
    active: true,
  };
}

interface PayerSpec {
  key: PayerKey;
  name: string;
  payerId: string;
  planName: string;
  currency: 'USD' | 'EUR' | 'NOK';
  priceFactor: number;
  allowedRatio: number;
  phone: string;
  timeZone: string;
  address: Address;
}

const PAYER_SPECS: readonly PayerSpec[] = [
  {
    key: 'medicare',
    name: 'Great Lakes Senior Health (Medicare-like demo payer)',
    payerId: 'DMCR1',
    planName: 'Original Senior Part B',
    currency: 'USD',
    priceFactor: 1,
    allowedRatio: 0.55,
    phone: '+13125550140',
    timeZone: 'America/Chicago',
    address: {
      lines: ['200 W Adams St'],
      city: 'Chicago',
      state: 'IL',
      postalCode: '60606',
      country: 'US',
    },
  },
  {
    key: 'commercial',
    name: 'Prairie Mutual Health Plan',
    payerId: 'DCOM2',
    planName: 'Prairie Mutual PPO Gold',
    currency: 'USD',
    priceFactor: 1,
    allowedRatio: 0.72,
    phone: '+16305550150',
    timeZone: 'America/Chicago',
    address: {
      lines: ['1 Prairie Way'],
      city: 'Naperville',
      state: 'IL',
      postalCode: '60563',
      country: 'US',
    },
  },
  {
    key: 'medicaid',
    name: 'Lincoln State Family Care (Medicaid-like demo payer)',
    payerId: 'DMCD3',
    planName: 'Family Care Managed Medicaid',
    currency: 'USD',
    priceFactor: 1,
    allowedRatio: 0.45,
    phone: '+12175550160',
    timeZone: 'America/Chicago',
    address: {
      lines: ['401 S Spring St'],
      city: 'Springfield',
      state: 'IL',
      postalCode: '62706',
      country: 'US',
    },
  },
  {
    key: 'lv-state',
    name: 'Valsts veselības fonds (demo)',
    payerId: 'DLVS4',
    planName: 'Valsts apmaksātā veselības aprūpe',
    currency: 'EUR',
    priceFactor: 0.35,
    allowedRatio: 1,
    phone: '+37167000000',
    timeZone: 'Europe/Riga',
    address: { lines: ['Cēsu iela 31 k-3'], city: 'Rīga', postalCode: 'LV-1012', country: 'LV' },
  },
  {
    key: 'no-state',
    name: 'Nordlys folketrygd (demo)',
    payerId: 'DNOS5',
    planName: 'Folketrygdens helserefusjon',
    currency: 'NOK',
    priceFactor: 4,
    allowedRatio: 1,
    phone: '+4721000000',
    timeZone: 'Europe/Oslo',
    address: { lines: ['Økernveien 94'], city: 'Oslo', postalCode: '0579', country: 'NO' },
  },
];

interface StaffSpec {
  local: string;
  role: StaffRole;
  language: DemoLanguage;
  displayName: string;
}

const STAFF_SPECS: readonly StaffSpec[] = [
  { local: 'agent', role: 'agent', language: 'es', displayName: 'Lucía Fernández Ríos' },
  { local: 'nurse', role: 'nurse', language: 'en', displayName: 'Rachel Morgan' },
  { local: 'physician', role: 'physician', language: 'en', displayName: 'Dr. Sarah Mitchell' },
  { local: 'billing', role: 'billing', language: 'lv', displayName: 'Ilze Kalniņa' },
  {
    local: 'social-worker',
    role: 'social-worker',
    language: 'es',
    displayName: 'Marisol Peña Vidal',
  },
  { local: 'supervisor', role: 'supervisor', language: 'nb', displayName: 'Ingrid Sørensen' },
  {
    local: 'privacy-officer',
    role: 'privacy-officer',
    language: 'en',
    displayName: 'Daniel Okafor',
  },
  { local: 'admin', role: 'admin', language: 'lv', displayName: 'Mārtiņš Ozols' },
  { local: 'agent2', role: 'agent', language: 'lv', displayName: 'Dace Bērziņa' },
  { local: 'agent3', role: 'agent', language: 'nb', displayName: 'Håkon Lie' },
  { local: 'agent4', role: 'agent', language: 'en', displayName: 'Tyler Brooks' },
  { local: 'nurse2', role: 'nurse', language: 'es', displayName: 'José Núñez Ortega' },
  { local: 'nurse3', role: 'nurse', language: 'nb', displayName: 'Solveig Ødegård' },
  { local: 'nurse4', role: 'nurse', language: 'lv', displayName: 'Rūta Liepiņa' },
  {
    local: 'physician2',
    role: 'physician',
    language: 'es',
    displayName: 'Dr. Alejandro Domínguez Ortega',
  },
  { local: 'billing2', role: 'billing', language: 'en', displayName: 'Kevin Walsh' },
];

interface PractitionerSpec {
  given: string;
  family: string;
  prefix: string[];
  suffix: string[];
  email: string;
}

const PRACTITIONER_SPECS: readonly PractitionerSpec[] = [
  { given: 'Sarah', family: 'Mitchell', prefix: ['Dr.'], suffix: ['MD'], email: 'sarah.mitchell' },
  {
    given: 'Alejandro',
    family: 'Domínguez Ortega',
    prefix: ['Dr.'],
    suffix: ['MD'],
    email: 'alejandro.dominguez',
  },
  { given: 'Līga', family: 'Kalniņa', prefix: ['Dr.'], suffix: ['MD'], email: 'liga.kalnina' },
  { given: 'Erlend', family: 'Søreide', prefix: ['Dr.'], suffix: ['DO'], email: 'erlend.soreide' },
  { given: 'Keisha', family: 'Washington', prefix: [], suffix: ['NP'], email: 'keisha.washington' },
];

/** Organization, staff, practitioners, locations and payers: the same for every chunk. */
export function buildReferenceData(seed: number, organizationId: string): ReferenceData {
  const rng = new Rng(hashInts(seed, 0x5eed));
  let counter = 0;
  const refId = (): string => demoUuid(seed, ID_NAMESPACE.reference, counter++);

  const staff: DemoStaffMember[] = STAFF_SPECS.map((s, i) => ({
    id: demoUuid(seed, ID_NAMESPACE.staff, i),
    email: `${s.local}@demo.caredesk.test`,
    displayName: s.displayName,
    role: s.role,
    preferredLanguage: s.language,
  }));

  const practitioners: Sourced<Practitioner>[] = PRACTITIONER_SPECS.map((p, i) => {
    const npi = npiFromNine(`1${rng.digits(8)}`);
    return {
      id: refId(),
      names: [personName(p.given, p.family, p.prefix, p.suffix)],
      identifiers: [{ system: NPI_SYSTEM, value: npi, type: 'NPI' }],
      telecom: [
        { system: 'phone', value: `+1708555011${i}`, use: 'work', rank: 1 },
        { system: 'email', value: `${p.email}@example.org`, use: 'work', rank: 2 },
      ],
      npi,
      active: true,
      source: source(`demo/Practitioner/${i + 1}`),
    };
  });

  const clinicLocationId = refId();
  const hospitalLocationId = refId();
  const locations: Sourced<Location>[] = [
    {
      id: clinicLocationId,
      organizationId,
      name: `${CLINIC_NAME} – Main Building`,
      address: CLINIC_ADDRESS,
      telecom: [{ system: 'phone', value: '+17085550100', use: 'work', rank: 1 }],
      status: 'active',
      source: source('demo/Location/1'),
    },
    {
      id: hospitalLocationId,
      organizationId,
      name: `${CLINIC_NAME} – Emergency and Inpatient Pavilion`,
      address: { ...CLINIC_ADDRESS, lines: ['3420 Longcommon Rd'] },
      telecom: [{ system: 'phone', value: '+17085550120', use: 'work', rank: 1 }],
      status: 'active',
      source: source('demo/Location/2'),
    },
  ];

  const payerEntries = PAYER_SPECS.map((spec): [PayerKey, DemoPayer] => [
    spec.key,
    {
      key: spec.key,
      payerId: spec.payerId,
      planName: spec.planName,
      currency: spec.currency,
      priceFactor: spec.priceFactor,
      allowedRatio: spec.allowedRatio,
      organization: {
        id: refId(),
        name: spec.name,
        identifiers: [{ system: PAYER_ID_SYSTEM, value: spec.payerId }],
        telecom: [{ system: 'phone', value: spec.phone, use: 'work', rank: 1 }],
        addresses: [{ use: 'work', ...spec.address }],
        timeZone: spec.timeZone,
        businessHours: clinicBusinessHours().filter((h) => h.day !== 6),
        kind: 'pay',
        active: true,
        source: source(`demo/Organization/payer-${spec.key}`),
      },
    },
  ]);

  return {
    organization: makeOrganization(organizationId),
    staff,
    practitioners,
    locations,
    payers: Object.fromEntries(payerEntries) as Record<PayerKey, DemoPayer>,
    clinicLocationId,
    hospitalLocationId,
  };
}
