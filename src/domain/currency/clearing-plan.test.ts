import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearObligations } from './clearing.ts';
import { type OpenInvoice, planClearing } from './clearing-plan.ts';

const invoice = (id: string, debtor: string, creditor: string, outstandingCents: number): OpenInvoice => ({
  id,
  debtor,
  creditor,
  outstandingCents,
});

const netOf = (invoices: readonly OpenInvoice[], cancelledById: Map<string, number>) => {
  const net = new Map<string, number>();
  for (const i of invoices) {
    const left = i.outstandingCents - (cancelledById.get(i.id) ?? 0);
    net.set(i.debtor, (net.get(i.debtor) ?? 0) - left);
    net.set(i.creditor, (net.get(i.creditor) ?? 0) + left);
  }
  return net;
};

describe('planning a clearing round', () => {
  it('cancels a triangle completely, and spreads a pair’s share over its invoices oldest first', () => {
    const plan = planClearing([
      invoice('i1', 'A', 'B', 60_00),
      invoice('i2', 'A', 'B', 40_00),
      invoice('i3', 'B', 'C', 70_00),
      invoice('i4', 'C', 'A', 70_00),
    ]);
    expect(plan.totalCents).toBe(240_00);
    expect(plan.clearedCents).toBe(210_00);
    expect(plan.cancellations).toEqual([
      { invoiceId: 'i1', outstandingBeforeCents: 60_00, cancelledCents: 60_00 },
      { invoiceId: 'i2', outstandingBeforeCents: 40_00, cancelledCents: 10_00 },
      { invoiceId: 'i3', outstandingBeforeCents: 70_00, cancelledCents: 70_00 },
      { invoiceId: 'i4', outstandingBeforeCents: 70_00, cancelledCents: 70_00 },
    ]);
    expect(plan.positions).toEqual([
      { organisationId: 'A', owesBeforeCents: 100_00, owedBeforeCents: 70_00, cancelledCents: 70_00 },
      { organisationId: 'B', owesBeforeCents: 70_00, owedBeforeCents: 100_00, cancelledCents: 70_00 },
      { organisationId: 'C', owesBeforeCents: 70_00, owedBeforeCents: 70_00, cancelledCents: 70_00 },
    ]);
  });

  it('cancels nothing where there is no cycle, yet reports every member', () => {
    const plan = planClearing([invoice('i1', 'A', 'B', 5_00), invoice('i2', 'B', 'C', 3_00)]);
    expect(plan).toMatchObject({ totalCents: 8_00, clearedCents: 0, cancellations: [] });
    expect(plan.positions.map((p) => p.organisationId)).toEqual(['A', 'B', 'C']);
  });

  it('keeps every member’s net position, never cancels more than an invoice owes, and reaches the optimum', () => {
    const firm = fc.constantFrom('A', 'B', 'C', 'D', 'E');
    const invoices = fc
      .array(fc.tuple(firm, firm, fc.integer({ min: 1, max: 10_000 })), { maxLength: 25 })
      .map((rows) =>
        rows
          .filter(([debtor, creditor]) => debtor !== creditor)
          .map(([debtor, creditor, cents], index) => invoice(`i${index}`, debtor, creditor, cents)),
      );
    fc.assert(
      fc.property(invoices, (open) => {
        const plan = planClearing(open);
        const cancelledById = new Map(plan.cancellations.map((c) => [c.invoiceId, c.cancelledCents]));
        for (const c of plan.cancellations) {
          const original = open.find((i) => i.id === c.invoiceId) as OpenInvoice;
          expect(c.cancelledCents).toBeGreaterThan(0);
          expect(c.cancelledCents).toBeLessThanOrEqual(original.outstandingCents);
          expect(c.outstandingBeforeCents).toBe(original.outstandingCents);
        }
        expect(netOf(open, cancelledById)).toEqual(netOf(open, new Map()));
        const optimum = clearObligations(
          open.map((i) => ({ debtor: i.debtor, creditor: i.creditor, amount: i.outstandingCents })),
        );
        expect(plan.clearedCents).toBe(optimum.cleared);
        const netBefore = netOf(open, new Map());
        for (const p of plan.positions) {
          expect(p.owedBeforeCents - p.owesBeforeCents).toBe(netBefore.get(p.organisationId));
        }
      }),
      { numRuns: 300 },
    );
  });
});
