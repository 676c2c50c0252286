import type { DomainErrorCode } from '@caredesk/core';
import { issueTypeForDomainCode, type IssueType } from '@caredesk/interop/fhir';

/** Minimal OperationOutcome for errors raised in the HTTP layer on /fhir routes. */
export interface HttpOperationOutcome {
  resourceType: 'OperationOutcome';
  issue: Array<{
    severity: 'error' | 'fatal';
    code: string;
    diagnostics: string;
    expression?: string[];
  }>;
}

/**
 * Problem codes only the HTTP layer raises → FHIR issue-type
 * (https://hl7.org/fhir/R4/valueset-issue-type.html). Domain error codes are mapped once,
 * in interop (issueTypeForDomainCode).
 */
const HTTP_ISSUE_TYPE: Record<string, IssueType> = {
  'bad-request': 'invalid',
  'malformed-json': 'structure',
  'headers-too-large': 'too-costly',
  'unsupported-media-type': 'not-supported',
  'method-not-allowed': 'not-supported',
  unavailable: 'transient',
  internal: 'exception',
};

/** Every domain error code, checked by the compiler: a new code cannot be forgotten here. */
const DOMAIN_CODES: Record<DomainErrorCode, true> = {
  unauthenticated: true,
  'rate-limited': true,
  validation: true,
  'not-found': true,
  conflict: true,
  forbidden: true,
  unprocessable: true,
  'too-large': true,
};

function issueType(code: string): IssueType {
  if (Object.hasOwn(DOMAIN_CODES, code)) return issueTypeForDomainCode(code as DomainErrorCode);
  return HTTP_ISSUE_TYPE[code] ?? 'processing';
}

export function outcomeFor(
  code: string,
  diagnostics: string,
  issues: Array<{ path: string; detail: string }> = [],
): HttpOperationOutcome {
  const type = issueType(code);
  const severity = code === 'internal' ? 'fatal' : 'error';
  if (issues.length === 0)
    return { resourceType: 'OperationOutcome', issue: [{ severity, code: type, diagnostics }] };
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity,
      code: type,
      diagnostics: i.detail,
      expression: [i.path],
    })),
  };
}
