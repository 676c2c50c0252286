import { describe, expect, it } from 'vitest';
import { mapFhirImport } from './import/map-bundle';
import { operationOutcome, outcomeHasErrors, outcomeIssue } from './operation-outcome';

describe('OperationOutcome', () => {
  it('builds R4 issues with expressions as arrays and error as the default severity', () => {
    expect(
      outcomeIssue({
        code: 'invalid',
        diagnostics: 'bad',
        expression: 'Bundle.entry[3].resource.birthDate',
      }),
    ).toEqual({
      severity: 'error',
      code: 'invalid',
      diagnostics: 'bad',
      expression: ['Bundle.entry[3].resource.birthDate'],
    });
  });

  it('never builds an outcome without issues (issue is 1..*)', () => {
    const ok = operationOutcome([]);
    expect(ok.issue).toHaveLength(1);
    expect(outcomeHasErrors(ok)).toBe(false);
    expect(outcomeHasErrors(operationOutcome([{ code: 'required', diagnostics: 'x' }]))).toBe(true);
  });

  it('caps the issue list of a hostile bundle and says how many were left out', () => {
    const entries = Array.from({ length: 500 }, () => 'junk');
    const result = mapFhirImport(
      { resourceType: 'Bundle', type: 'batch', entry: entries },
      {
        organizationId: 'o',
      },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.outcome.issue).toHaveLength(201);
    expect(result.outcome.issue[0]!.expression).toEqual(['Bundle.entry[0]']);
    expect(result.outcome.issue[200]).toMatchObject({
      severity: 'information',
      code: 'too-costly',
      diagnostics: '300 further issue(s) not listed',
    });
  });
});
