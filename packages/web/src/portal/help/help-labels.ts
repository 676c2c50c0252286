import type { CaseStatus } from '../../cases/cases-api';
import type { MessageKey } from '../../i18n/languages';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * What a patient can ask for, in their words, and the case category each becomes
 * (issue #5 point 9: "choose what you need in plain words"). Anything else is general:
 * staff re-file it when they read it.
 */
export const HELP_CHOICES = [
  'refill',
  'claim-help',
  'billing-question',
  'test-arrangement',
  'procedure-scheduling',
  'device-help',
  'financial-assistance',
  'general',
] as const;
export type HelpChoice = (typeof HELP_CHOICES)[number];

export const choiceName = (t: T, c: HelpChoice) => t(`web.help.choice.${c}`);
export const choiceHint = (t: T, c: HelpChoice) => t(`web.help.hint.${c}`);

/** Where a request stands, said to the patient ("Waiting for your reply"), not staff's codes. */
export const statusWords = (t: T, s: CaseStatus) => t(`web.help.status.${s}`);
