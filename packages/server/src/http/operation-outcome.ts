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

/** Problem code → FHIR issue-type (https://hl7.org/fhir/R4/valueset-issue-type.html). */
const ISSUE_TYPE: Record<string, string> = {
  validation: 'invalid',
  'bad-request': 'invalid',
  'malformed-json': 'structure',
  'not-found': 'not-found',
  conflict: 'conflict',
  forbidden: 'forbidden',
  unauthenticated: 'login',
  'rate-limited': 'throttled',
  unprocessable: 'processing',
  'too-large': 'too-costly',
  'headers-too-large': 'too-costly',
  'unsupported-media-type': 'not-supported',
  'method-not-allowed': 'not-supported',
  unavailable: 'transient',
  internal: 'exception',
};

export function outcomeFor(
  code: string,
  diagnostics: string,
  issues: Array<{ path: string; detail: string }> = [],
): HttpOperationOutcome {
  const type = ISSUE_TYPE[code] ?? 'processing';
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
