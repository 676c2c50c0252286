import { describe, expect, it } from 'vitest';
import { generatePatientsStream } from './generate-demo';

describe('generatePatientsStream at benchmark scale', () => {
  it('yields 100,000 patients with their records in chunks, well under 30 s', () => {
    const started = performance.now();
    let patients = 0;
    let encounters = 0;
    let chunks = 0;
    let largest = 0;
    for (const batch of generatePatientsStream({
      seed: 42,
      patientCount: 100_000,
      now: new Date('2026-03-01T12:00:00Z'),
      organizationId: 'org-bench',
      chunkSize: 5_000,
    })) {
      chunks++;
      patients += batch.patients.length;
      encounters += batch.encounters.length;
      largest = Math.max(largest, batch.patients.length);
    }
    const seconds = (performance.now() - started) / 1000;
    expect(patients).toBe(100_000);
    expect(chunks).toBe(20);
    expect(largest).toBe(5_000);
    expect(encounters).toBeGreaterThanOrEqual(100_000);
    expect(seconds).toBeLessThan(30);
  }, 60_000);
});
