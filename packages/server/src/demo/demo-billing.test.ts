import type { ClaimLine, Money } from '@caredesk/core';
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate-demo';

const NOW = new Date('2026-03-01T12:00:00Z');
const { batch } = generateDemo({
  seed: 2026,
  patientCount: 2_000,
  now: NOW,
  organizationId: 'org-riverside',
});

function amountsOf(line: ClaimLine): Record<string, number> {
  return Object.fromEntries(
    line.adjudication.map((a) => [a.category, a.amount?.amountMinor ?? NaN]),
  );
}

describe('claims and explanations of benefit', () => {
  const allMoney: Money[] = [
    ...batch.claims.flatMap((c) => [c.total!, ...c.lines.map((l) => l.net!)]),
    ...batch.explanationsOfBenefit.flatMap((e) => [
      e.payment!,
      ...e.total.map((t) => t.amount),
      ...e.lines.flatMap((l) => l.adjudication.map((a) => a.amount!)),
    ]),
  ];

  it('keeps every Money an integer in minor units with a currency', () => {
    expect(allMoney.length).toBeGreaterThan(1_000);
    for (const m of allMoney) {
      expect(Number.isInteger(m.amountMinor)).toBe(true);
      expect(m.amountMinor).toBeGreaterThanOrEqual(0);
      expect(['USD', 'EUR', 'NOK']).toContain(m.currency);
    }
  });

  it('totals claims from their lines and references codes without the licensed CPT system', () => {
    for (const c of batch.claims) {
      expect(c.lines.length).toBeGreaterThan(0);
      expect(c.total!.amountMinor).toBe(c.lines.reduce((s, l) => s + l.net!.amountMinor, 0));
      expect(c.lines.every((l) => l.productOrService.system === null)).toBe(true);
      expect(c.diagnoses.every((d) => d.system === 'http://hl7.org/fhir/sid/icd-10-cm')).toBe(true);
    }
  });

  it('adjudicates so that eligible = benefit + copay + deductible and totals add up', () => {
    const claims = new Map(batch.claims.map((c) => [c.id, c]));
    expect(batch.explanationsOfBenefit.length).toBeGreaterThan(500);
    for (const eob of batch.explanationsOfBenefit) {
      const claim = claims.get(eob.claimId!)!;
      expect(eob.patientId).toBe(claim.patientId);
      expect(eob.lines).toHaveLength(claim.lines.length);
      const sums: Record<string, number> = {};
      for (const line of eob.lines) {
        const a = amountsOf(line);
        expect(a.submitted).toBe(line.net!.amountMinor);
        expect(a.eligible).toBeLessThanOrEqual(a.submitted!);
        expect(a.benefit! + a.copay! + a.deductible!).toBe(a.eligible);
        for (const [k, v] of Object.entries(a)) sums[k] = (sums[k] ?? 0) + v;
      }
      for (const t of eob.total) expect(t.amount.amountMinor).toBe(sums[t.category]);
      expect(eob.payment!.amountMinor).toBe(sums.benefit);
      expect(sums.submitted).toBe(claim.total!.amountMinor);
      expect(Date.parse(eob.created!)).toBeGreaterThan(Date.parse(claim.created!));
      expect(Date.parse(eob.created!)).toBeLessThanOrEqual(NOW.getTime());
    }
  });
});
