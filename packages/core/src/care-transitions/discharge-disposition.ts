/**
 * Discharge disposition (HL7 v2 PV1-36, user-defined table 0112, which mirrors the UB-04
 * patient discharge status). Real senders put a table code ("01"), a CWE whose identifier
 * is free text ("Admitted as Inpatient^Sample^ACR") or plain words ("home", "Dead") there
 * (standards brief §3, Robustness), so the text is read as well as the code.
 */

export const TABLE_0112_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0112';

/** Table 0112 codes with their meaning (standards brief §3). */
export const TABLE_0112: Readonly<Record<string, string>> = {
  '01': 'Discharged to home or self care',
  '02': 'Discharged/transferred to a short-term general hospital',
  '03': 'Discharged/transferred to a skilled nursing facility',
  '04': 'Discharged/transferred to an intermediate care facility',
  '05': 'Discharged/transferred to another type of institution',
  '06': 'Discharged/transferred to home under care of a home health service',
  '07': 'Left against medical advice',
  '08': 'Discharged/transferred to home under care of a home IV provider',
  '09': 'Admitted as an inpatient to this hospital',
  '20': 'Expired',
  '30': 'Still patient',
  '40': 'Expired at home',
  '41': 'Expired in a medical facility',
  '42': 'Expired, place unknown',
  '50': 'Hospice - home',
  '51': 'Hospice - medical facility',
};

/**
 * Words real feeds send instead of a code, most specific first. Bounded, anchored-free
 * substring tests on lower-cased text (no backtracking-prone patterns).
 */
const WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['07', ['against medical advice', 'ama', 'left against']],
  ['09', ['admitted as inpatient', 'admitted as an inpatient', 'admitted inpatient']],
  ['40', ['expired at home', 'died at home']],
  ['50', ['hospice']],
  ['20', ['expired', 'dead', 'died', 'deceased', 'death']],
  ['06', ['home health']],
  ['08', ['home iv']],
  ['03', ['skilled nursing', 'snf', 'nursing home', 'nursing facility']],
  ['04', ['intermediate care', 'icf']],
  [
    '02',
    [
      'short-term hospital',
      'short term hospital',
      'another hospital',
      'other hospital',
      'acute care hospital',
    ],
  ],
  ['05', ['another institution', 'other institution', 'rehab', 'psychiatric']],
  ['30', ['still patient', 'still a patient']],
  ['01', ['home', 'self care', 'self-care', 'routine']],
];

export interface DispositionInput {
  /** PV1-36.1 (a table code, or free text in its place). */
  code: string;
  /** PV1-36.2, the CWE text, when sent. */
  text?: string | undefined;
}

/** A PV1-36 value read as table 0112: `code` is null when it could not be recognised. */
export interface Disposition {
  code: string | null;
  /** What the sender wrote, for people to read. */
  text: string;
}

function wordsMatch(text: string, word: string): boolean {
  // Whole-word match for short words ("ama" must not match "bahamas").
  if (word.length <= 4) return text.split(/[^a-z]+/).includes(word);
  return text.includes(word);
}

/** Reads PV1-36 as a table 0112 code, from the code itself or from the words sent. */
export function readDisposition(input: DispositionInput): Disposition | null {
  const code = input.code.trim();
  const text = (input.text ?? '').trim();
  if (code === '' && text === '') return null;
  const padded = /^\d$/.test(code) ? `0${code}` : code;
  if (TABLE_0112[padded]) return { code: padded, text: text || TABLE_0112[padded] };
  const shown = [code, text].filter(Boolean).join(' ');
  const lower = shown.toLowerCase();
  for (const [c, words] of WORDS) {
    if (words.some((w) => wordsMatch(lower, w))) return { code: c, text: shown };
  }
  return { code: null, text: shown };
}

/** 20 and 40–42: the patient died (standards brief §3, trigger rule 2). */
export function isExpiredDisposition(code: string | null): boolean {
  return code === '20' || code === '40' || code === '41' || code === '42';
}

/** 02, 05, 09, 30: the patient went on to another hospital or stays in care. */
export function isTransferDisposition(code: string | null): boolean {
  return code === '02' || code === '05' || code === '09' || code === '30';
}
