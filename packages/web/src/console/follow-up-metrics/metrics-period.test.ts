import { describe, expect, it } from 'vitest';
import { periodProblem } from './metrics-period';

describe('the period of follow-up metrics', () => {
  it('takes both dates, in order, at most 366 days', () => {
    expect(periodProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
    expect(periodProblem({ from: '2025-03-02', to: '2026-03-02' })).toBeNull();
    expect(periodProblem({ from: '2025-03-01', to: '2026-03-02' })).toBe('too-long');
    expect(periodProblem({ from: '2026-03-02', to: '2026-03-01' })).toBe('invalid');
    expect(periodProblem({ from: '', to: '2026-03-01' })).toBe('invalid');
  });
});
