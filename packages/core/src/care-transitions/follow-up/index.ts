import { DISCHARGE_FOLLOW_UP } from './built-in-discharge';
import { DIABETES_CARE, MEDICATION_ADHERENCE, POST_VISIT_FOLLOW_UP } from './built-in-ongoing';
import type { FollowUpProgram } from './program';

export * from './program';
export * from './program-validation';
export * from './plan-schedule';
export * from './task-progress';
export * from './follow-up-metrics';

/** The programs every organization starts with, as version 1 (issue #6 point 4). */
export const BUILT_IN_PROGRAMS: readonly FollowUpProgram[] = [
  DISCHARGE_FOLLOW_UP,
  POST_VISIT_FOLLOW_UP,
  DIABETES_CARE,
  MEDICATION_ADHERENCE,
];
