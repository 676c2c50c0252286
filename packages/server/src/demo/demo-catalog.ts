import type { CodedValue } from '@caredesk/core';

export const SNOMED = 'http://snomed.info/sct';
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
export const EIN_SYSTEM = 'urn:oid:2.16.840.1.113883.4.4';
export const MRN_SYSTEM = 'urn:caredesk:demo:mrn';
export const PAYER_ID_SYSTEM = 'urn:caredesk:demo:payer-id';
export const VISIT_SYSTEM = 'urn:caredesk:demo:visit';
export const DISCHARGE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/discharge-disposition';
export const CARC_SYSTEM = 'https://x12.org/codes/claim-adjustment-reason-codes';
export const CONDITION_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

export function coded(system: string | null, code: string, display: string | null): CodedValue {
  return { system, code, display };
}

export type ConditionKey =
  | 'diabetes2'
  | 'hypertension'
  | 'asthma'
  | 'heartFailure'
  | 'hyperlipidemia'
  | 'copd'
  | 'depression'
  | 'kneeOa'
  | 'ckd'
  | 'afib'
  | 'obesity'
  | 'otitis'
  | 'bronchitis';

export interface ConditionDef {
  key: ConditionKey;
  snomed: CodedValue;
  icd10: CodedValue;
  minAge: number;
  maxAge: number;
  /** Relative weight among the conditions a patient of that age may have. */
  weight: number;
  /** Acute problems resolve; chronic ones stay active. */
  chronic: boolean;
  /** Medications (keys into MEDICATIONS) prescribed for it, first is the usual one. */
  meds: readonly MedicationKey[];
}

export const DIABETES: ConditionDef = {
  key: 'diabetes2',
  snomed: coded(SNOMED, '44054006', 'Diabetes mellitus type 2'),
  icd10: coded(ICD10CM, 'E11.9', 'Type 2 diabetes mellitus without complications'),
  minAge: 18,
  maxAge: 120,
  weight: 0,
  chronic: true,
  meds: ['metformin', 'insulin'],
};

/** Conditions other than type 2 diabetes, which is assigned separately at its own rate. */
export const CONDITIONS: readonly ConditionDef[] = [
  {
    key: 'hypertension',
    snomed: coded(SNOMED, '38341003', 'Hypertensive disorder, systemic arterial'),
    icd10: coded(ICD10CM, 'I10', 'Essential (primary) hypertension'),
    minAge: 25,
    maxAge: 120,
    weight: 30,
    chronic: true,
    meds: ['lisinopril', 'amlodipine', 'hydrochlorothiazide'],
  },
  {
    key: 'asthma',
    snomed: coded(SNOMED, '195967001', 'Asthma'),
    icd10: coded(ICD10CM, 'J45.909', 'Unspecified asthma, uncomplicated'),
    minAge: 2,
    maxAge: 120,
    weight: 12,
    chronic: true,
    meds: ['albuterol', 'fluticasone'],
  },
  {
    key: 'heartFailure',
    snomed: coded(SNOMED, '84114007', 'Heart failure'),
    icd10: coded(ICD10CM, 'I50.9', 'Heart failure, unspecified'),
    minAge: 50,
    maxAge: 120,
    weight: 6,
    chronic: true,
    meds: ['furosemide', 'lisinopril'],
  },
  {
    key: 'hyperlipidemia',
    snomed: coded(SNOMED, '55822004', 'Hyperlipidemia'),
    icd10: coded(ICD10CM, 'E78.5', 'Hyperlipidemia, unspecified'),
    minAge: 30,
    maxAge: 120,
    weight: 20,
    chronic: true,
    meds: ['atorvastatin', 'simvastatin'],
  },
  {
    key: 'copd',
    snomed: coded(SNOMED, '13645005', 'Chronic obstructive lung disease'),
    icd10: coded(ICD10CM, 'J44.9', 'Chronic obstructive pulmonary disease, unspecified'),
    minAge: 45,
    maxAge: 120,
    weight: 6,
    chronic: true,
    meds: ['albuterol'],
  },
  {
    key: 'depression',
    snomed: coded(SNOMED, '35489007', 'Depressive disorder'),
    icd10: coded(ICD10CM, 'F32.A', 'Depression, unspecified'),
    minAge: 12,
    maxAge: 120,
    weight: 10,
    chronic: true,
    meds: ['sertraline'],
  },
  {
    key: 'kneeOa',
    snomed: coded(SNOMED, '239873007', 'Osteoarthritis of knee'),
    icd10: coded(ICD10CM, 'M17.9', 'Osteoarthritis of knee, unspecified'),
    minAge: 45,
    maxAge: 120,
    weight: 8,
    chronic: true,
    meds: ['acetaminophen', 'ibuprofen'],
  },
  {
    key: 'ckd',
    snomed: coded(SNOMED, '709044004', 'Chronic kidney disease'),
    icd10: coded(ICD10CM, 'N18.9', 'Chronic kidney disease, unspecified'),
    minAge: 50,
    maxAge: 120,
    weight: 4,
    chronic: true,
    meds: [],
  },
  {
    key: 'afib',
    snomed: coded(SNOMED, '49436004', 'Atrial fibrillation'),
    icd10: coded(ICD10CM, 'I48.91', 'Unspecified atrial fibrillation'),
    minAge: 55,
    maxAge: 120,
    weight: 4,
    chronic: true,
    meds: [],
  },
  {
    key: 'obesity',
    snomed: coded(SNOMED, '414916001', 'Obesity'),
    icd10: coded(ICD10CM, 'E66.9', 'Obesity, unspecified'),
    minAge: 6,
    maxAge: 120,
    weight: 10,
    chronic: true,
    meds: [],
  },
  {
    key: 'otitis',
    snomed: coded(SNOMED, '65363002', 'Otitis media'),
    icd10: coded(ICD10CM, 'H66.90', 'Otitis media, unspecified, unspecified ear'),
    minAge: 0,
    maxAge: 12,
    weight: 40,
    chronic: false,
    meds: ['amoxicillin'],
  },
  {
    key: 'bronchitis',
    snomed: coded(SNOMED, '10509002', 'Acute bronchitis'),
    icd10: coded(ICD10CM, 'J20.9', 'Acute bronchitis, unspecified'),
    minAge: 0,
    maxAge: 120,
    weight: 8,
    chronic: false,
    meds: ['acetaminophen'],
  },
];

export type MedicationKey =
  | 'metformin'
  | 'insulin'
  | 'lisinopril'
  | 'amlodipine'
  | 'hydrochlorothiazide'
  | 'albuterol'
  | 'fluticasone'
  | 'furosemide'
  | 'atorvastatin'
  | 'simvastatin'
  | 'sertraline'
  | 'acetaminophen'
  | 'ibuprofen'
  | 'amoxicillin';

export interface MedicationDef {
  code: CodedValue;
  dosage: string;
  chronic: boolean;
}

export const MEDICATIONS: Readonly<Record<MedicationKey, MedicationDef>> = {
  metformin: {
    code: coded(
      RXNORM,
      '860975',
      '24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet',
    ),
    dosage: '1 tablet by mouth once daily with the evening meal',
    chronic: true,
  },
  insulin: {
    code: coded(
      RXNORM,
      '106892',
      'insulin isophane, human 70 UNT/ML / insulin, regular, human 30 UNT/ML Injectable Suspension [Humulin]',
    ),
    dosage: '10 units under the skin twice daily before meals',
    chronic: true,
  },
  lisinopril: {
    code: coded(RXNORM, '314076', 'lisinopril 10 MG Oral Tablet'),
    dosage: '1 tablet by mouth once daily',
    chronic: true,
  },
  amlodipine: {
    code: coded(RXNORM, '197361', 'amlodipine 5 MG Oral Tablet'),
    dosage: '1 tablet by mouth once daily',
    chronic: true,
  },
  hydrochlorothiazide: {
    code: coded(RXNORM, '310798', 'hydrochlorothiazide 25 MG Oral Tablet'),
    dosage: '1 tablet by mouth every morning',
    chronic: true,
  },
  albuterol: {
    code: coded(RXNORM, '745679', '200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler'),
    dosage: '2 puffs every 4 to 6 hours as needed for wheezing',
    chronic: true,
  },
  fluticasone: {
    code: coded(
      RXNORM,
      '895994',
      '120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler',
    ),
    dosage: '2 puffs twice daily; rinse mouth after use',
    chronic: true,
  },
  furosemide: {
    code: coded(RXNORM, '313988', 'furosemide 40 MG Oral Tablet'),
    dosage: '1 tablet by mouth every morning',
    chronic: true,
  },
  atorvastatin: {
    code: coded(RXNORM, '259255', 'atorvastatin 80 MG Oral Tablet'),
    dosage: '1 tablet by mouth at bedtime',
    chronic: true,
  },
  simvastatin: {
    code: coded(RXNORM, '312961', 'simvastatin 20 MG Oral Tablet'),
    dosage: '1 tablet by mouth in the evening',
    chronic: true,
  },
  sertraline: {
    code: coded(RXNORM, '312940', 'sertraline 50 MG Oral Tablet'),
    dosage: '1 tablet by mouth once daily',
    chronic: true,
  },
  acetaminophen: {
    code: coded(RXNORM, '313782', 'acetaminophen 325 MG Oral Tablet'),
    dosage: '2 tablets by mouth every 6 hours as needed for pain; at most 8 a day',
    chronic: false,
  },
  ibuprofen: {
    code: coded(RXNORM, '310965', 'ibuprofen 200 MG Oral Tablet'),
    dosage: '1 to 2 tablets by mouth every 6 hours as needed with food',
    chronic: false,
  },
  amoxicillin: {
    code: coded(RXNORM, '308182', 'amoxicillin 250 MG Oral Capsule'),
    dosage: '1 capsule by mouth three times daily for 10 days',
    chronic: false,
  },
};

export type EncounterClass = 'AMB' | 'IMP' | 'EMER' | 'VR';

export const ENCOUNTER_TYPES: Readonly<Record<EncounterClass, readonly CodedValue[]>> = {
  AMB: [
    coded(SNOMED, '185349003', 'Encounter for check up'),
    coded(SNOMED, '390906007', 'Follow-up encounter'),
    coded(SNOMED, '185345009', 'Encounter for symptom'),
    coded(SNOMED, '410620009', 'Well child visit'),
  ],
  IMP: [coded(SNOMED, '32485007', 'Hospital admission')],
  EMER: [coded(SNOMED, '50849002', 'Emergency room admission')],
  VR: [coded(SNOMED, '185317003', 'Telephone encounter')],
};

export const DISCHARGE_DISPOSITIONS: readonly (readonly [CodedValue, number])[] = [
  [coded(DISCHARGE_SYSTEM, 'home', 'Home'), 70],
  [coded(DISCHARGE_SYSTEM, 'snf', 'Skilled nursing facility'), 10],
  [coded(DISCHARGE_SYSTEM, 'rehab', 'Rehabilitation'), 8],
  [coded(DISCHARGE_SYSTEM, 'other-hcf', 'Other healthcare facility'), 5],
  [coded(DISCHARGE_SYSTEM, 'aadvice', 'Left against advice'), 3],
  [coded(DISCHARGE_SYSTEM, 'oth', 'Other'), 4],
];

export const DISCHARGE_EXPIRED = coded(DISCHARGE_SYSTEM, 'exp', 'Expired');

/**
 * Billable services. Codes are HCPCS numbers (Level I = CPT, Level II = G-codes) referenced
 * bare (system null): CPT descriptors are licensed by the AMA, so the displays are CareDesk's
 * own plain words.
 * Prices are the clinic's demo charges in minor units (cents).
 */
export interface ServiceDef {
  code: string;
  display: string;
  priceMinor: number;
}

export function service(code: string, display: string, priceMinor: number): ServiceDef {
  return { code, display, priceMinor };
}

export const VISIT_SERVICES: Readonly<Record<EncounterClass, readonly ServiceDef[]>> = {
  AMB: [
    service('99213', 'Office visit, established patient, low complexity', 13_500),
    service('99214', 'Office visit, established patient, moderate complexity', 19_800),
    service('99203', 'Office visit, new patient, low complexity', 17_200),
  ],
  VR: [service('99442', 'Telephone evaluation, 11-20 minutes', 7_500)],
  EMER: [
    service('99284', 'Emergency department visit, high urgency', 58_000),
    service('99285', 'Emergency department visit, highest urgency', 89_500),
  ],
  IMP: [
    service('99222', 'Initial hospital care, moderate complexity', 26_500),
    service('99238', 'Hospital discharge day, 30 minutes or less', 14_800),
  ],
};

export const ANCILLARY_SERVICES: readonly ServiceDef[] = [
  service('36415', 'Blood draw from a vein', 1_800),
  service('85025', 'Complete blood count', 3_200),
  service('80053', 'Comprehensive metabolic panel', 4_900),
  service('93000', 'Electrocardiogram with report', 6_500),
  service('71046', 'Chest X-ray, two views', 14_500),
  service('94640', 'Nebulizer treatment', 5_200),
  service('90471', 'Vaccine administration', 2_800),
];

export const HBA1C = service('83036', 'Hemoglobin A1c test', 4_100);
export const DIABETES_EDUCATION = service(
  'G0108',
  'Diabetes self-management training, 30 minutes',
  6_400,
);

export const DIABETES_PLAN_CATEGORY = coded(SNOMED, '698360004', 'Diabetes self management plan');

export const DIABETES_PLAN_ACTIVITIES: readonly CodedValue[] = [
  coded(SNOMED, '160670007', 'Diabetic diet'),
  coded(SNOMED, '229065009', 'Exercise therapy'),
];

export const CHECKUP_DIAGNOSIS = coded(
  ICD10CM,
  'Z00.00',
  'Encounter for general adult medical examination without abnormal findings',
);
export const CHILD_CHECKUP_DIAGNOSIS = coded(
  ICD10CM,
  'Z00.129',
  'Encounter for routine child health examination without abnormal findings',
);

export const CARC_FEE_SCHEDULE = coded(CARC_SYSTEM, '45', 'Charge is above the agreed fee');
export const CARC_BUNDLED = coded(CARC_SYSTEM, '97', 'Paid as part of another service');
export const CARC_NOT_COVERED = coded(CARC_SYSTEM, '96', 'Not covered by this plan');
