/**
 * R4 OperationOutcome construction: the one shape every FHIR-facing failure takes.
 * https://hl7.org/fhir/R4/operationoutcome.html
 */
import type { DomainError } from '@caredesk/core';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/** https://hl7.org/fhir/R4/valueset-issue-severity.html */
export type IssueSeverity = OperationOutcomeIssue['severity'];

/** https://hl7.org/fhir/R4/valueset-issue-type.html */
export type IssueType = OperationOutcomeIssue['code'];

export interface IssueInput {
  code: IssueType;
  diagnostics: string;
  /** Simple FHIRPath locating the problem, e.g. `Bundle.entry[3].resource.birthDate`. */
  expression?: string | string[] | undefined;
  /** Defaults to `error`: every issue we raise blocks the operation unless said otherwise. */
  severity?: IssueSeverity | undefined;
}

/** One issue in the R4 shape; `expression` is always an array (OperationOutcome.issue.expression is 0..*). */
export function outcomeIssue(input: IssueInput): OperationOutcomeIssue {
  const issue: OperationOutcomeIssue = {
    severity: input.severity ?? 'error',
    code: input.code,
    diagnostics: input.diagnostics,
  };
  if (input.expression !== undefined) {
    const list = Array.isArray(input.expression) ? input.expression : [input.expression];
    if (list.length > 0) issue.expression = [...list];
  }
  return issue;
}

/**
 * An OperationOutcome holding the given issues. R4 requires at least one issue
 * (OperationOutcome.issue is 1..*), so an empty list becomes one `informational` issue.
 */
export function operationOutcome(issues: readonly IssueInput[]): OperationOutcome {
  const list = issues.map(outcomeIssue);
  if (list.length === 0) {
    list.push(outcomeIssue({ severity: 'information', code: 'informational', diagnostics: 'OK' }));
  }
  return { resourceType: 'OperationOutcome', issue: list };
}

/** True when any issue is `error` or `fatal`, i.e. the operation did not succeed. */
export function outcomeHasErrors(outcome: OperationOutcome): boolean {
  return (outcome.issue ?? []).some((i) => i.severity === 'error' || i.severity === 'fatal');
}

/** DomainError.code -> issue-type code. Exhaustive, so a new domain code fails the type check. */
export function issueTypeForDomainCode(code: DomainError['code']): IssueType {
  switch (code) {
    case 'unauthenticated':
      return 'login';
    case 'rate-limited':
      return 'throttled';
    case 'validation':
      return 'invalid';
    case 'not-found':
      return 'not-found';
    case 'conflict':
      return 'conflict';
    case 'forbidden':
      return 'forbidden';
    case 'unprocessable':
      return 'processing';
    case 'too-large':
      return 'too-costly';
  }
}

/**
 * A domain error as an OperationOutcome (architecture: errors are mapped once at the edge).
 * Field issues become one issue each, with the JSON-pointer path kept as the expression.
 */
export function outcomeFromDomainError(error: DomainError): OperationOutcome {
  const code = issueTypeForDomainCode(error.code);
  if (error.issues.length === 0) {
    return operationOutcome([{ code, diagnostics: error.message }]);
  }
  return operationOutcome(
    error.issues.map((i) => ({
      code,
      diagnostics: i.detail,
      expression: i.path.split('/').filter(Boolean).join('.'),
    })),
  );
}
