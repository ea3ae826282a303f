import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCancellation, ClearingInputError, clearObligations, type Obligation } from './clearing.ts';

/**
 * An independent optimum for small networks: minimum-cost flow by Bellman-Ford shortest paths,
 * one unit at a time — slow and simple, sharing nothing with the fast solver.
 */
function referenceRemainingDebt(obligations: readonly Obligation[]): number {
  const names = [...new Set(obligations.flatMap((o) => [o.debtor, o.creditor]))];
  const index = new Map(names.map((name, i) => [name, i]));
  const source = names.length;
  const sink = names.length + 1;
  const edges: { from: number; to: number; capacity: number; cost: number; flow: number }[] = [];
  const net = new Array<number>(names.length).fill(0);
  for (const o of obligations) {
    const d = index.get(o.debtor) as number;
    const c = index.get(o.creditor) as number;
    edges.push({ from: d, to: c, capacity: o.amount, cost: 1, flow: 0 });
    net[d] = (net[d] as number) + o.amount;
    net[c] = (net[c] as number) - o.amount;
  }
  let demand = 0;
  for (const [i, position] of net.entries()) {
    if (position > 0) {
      edges.push({ from: source, to: i, capacity: position, cost: 0, flow: 0 });
      demand += position;
    } else if (position < 0) edges.push({ from: i, to: sink, capacity: -position, cost: 0, flow: 0 });
  }
  let total = 0;
  for (let unit = 0; unit < demand; unit++) {
    // Residual arcs: forward while below capacity, backward while carrying flow.
    const arcs = edges.flatMap((e, k) => [
      ...(e.flow < e.capacity ? [{ from: e.from, to: e.to, cost: e.cost, edge: k, sign: 1 }] : []),
      ...(e.flow > 0 ? [{ from: e.to, to: e.from, cost: -e.cost, edge: k, sign: -1 }] : []),
    ]);
    const dist = new Array<number>(names.length + 2).fill(Number.POSITIVE_INFINITY);
    const via = new Array<(typeof arcs)[number] | null>(names.length + 2).fill(null);
    dist[source] = 0;
    for (let round = 0; round < names.length + 2; round++) {
      for (const arc of arcs) {
        const candidate = (dist[arc.from] as number) + arc.cost;
        if (candidate < (dist[arc.to] as number)) {
          dist[arc.to] = candidate;
          via[arc.to] = arc;
        }
      }
    }
    for (let v = sink; v !== source; ) {
      const arc = via[v] as (typeof arcs)[number];
      (edges[arc.edge] as { flow: number }).flow += arc.sign;
      v = arc.from;
    }
    total += dist[sink] as number;
  }
  return total;
}

const firm = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F');
const smallNetwork = fc
  .array(fc.record({ debtor: firm, creditor: firm, amount: fc.integer({ min: 1, max: 12 }) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((list) => list.filter((o) => o.debtor !== o.creditor))
  .filter((list) => list.length > 0);

const netPositions = (obligations: readonly Obligation[]) => {
  const net = new Map<string, number>();
  for (const o of obligations) {
    net.set(o.debtor, (net.get(o.debtor) ?? 0) + o.amount);
    net.set(o.creditor, (net.get(o.creditor) ?? 0) - o.amount);
  }
  return new Map([...net].filter(([, position]) => position !== 0));
};

describe('multilateral clearing', () => {
  it('cancels a whole cycle', () => {
    const result = clearObligations([
      { debtor: 'Ecos-Med', creditor: 'MeSSInA', amount: 100 },
      { debtor: 'MeSSInA', creditor: 'Horcynus', amount: 100 },
      { debtor: 'Horcynus', creditor: 'Ecos-Med', amount: 100 },
    ]);
    expect(result).toEqual({ total: 300, cleared: 300, remaining: [] });
  });

  it('cancels the common part of a cycle and keeps the rest', () => {
    const result = clearObligations([
      { debtor: 'A', creditor: 'B', amount: 50 },
      { debtor: 'B', creditor: 'C', amount: 30 },
      { debtor: 'C', creditor: 'A', amount: 40 },
    ]);
    expect(result.total).toBe(120);
    expect(result.cleared).toBe(90);
    expect(result.remaining.sort((x, y) => x.debtor.localeCompare(y.debtor))).toEqual([
      { debtor: 'A', creditor: 'B', amount: 20 },
      { debtor: 'C', creditor: 'A', amount: 10 },
    ]);
  });

  it('finds the optimum, not just any cycle: routing a chain through a shorter way', () => {
    // A owes B owes C owes D; A also is owed by D. The best keeps only A's net debt.
    const result = clearObligations([
      { debtor: 'A', creditor: 'B', amount: 10 },
      { debtor: 'B', creditor: 'C', amount: 10 },
      { debtor: 'C', creditor: 'D', amount: 10 },
      { debtor: 'D', creditor: 'A', amount: 5 },
      { debtor: 'B', creditor: 'D', amount: 5 },
    ]);
    const remainingDebt = result.total - result.cleared;
    expect(remainingDebt).toBe(
      referenceRemainingDebt([
        { debtor: 'A', creditor: 'B', amount: 10 },
        { debtor: 'B', creditor: 'C', amount: 10 },
        { debtor: 'C', creditor: 'D', amount: 10 },
        { debtor: 'D', creditor: 'A', amount: 5 },
        { debtor: 'B', creditor: 'D', amount: 5 },
      ]),
    );
  });

  it('adds up invoices between the same two firms', () => {
    const result = clearObligations([
      { debtor: 'A', creditor: 'B', amount: 10 },
      { debtor: 'A', creditor: 'B', amount: 15 },
      { debtor: 'B', creditor: 'A', amount: 20 },
    ]);
    expect(result).toEqual({
      total: 45,
      cleared: 40,
      remaining: [{ debtor: 'A', creditor: 'B', amount: 5 }],
    });
  });

  it('refuses an obligation to oneself and amounts that are not positive whole minor units', () => {
    expect(() => clearObligations([{ debtor: 'A', creditor: 'A', amount: 5 }])).toThrow(ClearingInputError);
    for (const amount of [0, -3, 1.5, Number.NaN, 2 ** 53]) {
      expect(() => clearObligations([{ debtor: 'A', creditor: 'B', amount }])).toThrow(ClearingInputError);
    }
  });

  it('keeps every net position, never raises a debt, and leaves no cycle', () => {
    fc.assert(
      fc.property(smallNetwork, (obligations) => {
        const result = clearObligations(obligations);
        expect(netPositions(result.remaining)).toEqual(netPositions(obligations));
        const owed = new Map<string, number>();
        for (const o of obligations)
          owed.set(`${o.debtor}>${o.creditor}`, (owed.get(`${o.debtor}>${o.creditor}`) ?? 0) + o.amount);
        for (const r of result.remaining) {
          expect(r.amount).toBeGreaterThan(0);
          expect(r.amount).toBeLessThanOrEqual(owed.get(`${r.debtor}>${r.creditor}`) ?? 0);
        }
        expect(result.cleared + result.remaining.reduce((sum, r) => sum + r.amount, 0)).toBe(result.total);
      }),
      { numRuns: 300 },
    );
  });

  it('clears exactly as much as an independent minimum-cost-flow computation', () => {
    fc.assert(
      fc.property(smallNetwork, (obligations) => {
        const result = clearObligations(obligations);
        expect(result.total - result.cleared).toBe(referenceRemainingDebt(obligations));
      }),
      { numRuns: 300 },
    );
  });
});

describe('spreading a cancellation over invoices', () => {
  it('reduces the oldest invoices first', () => {
    const invoices = [
      { id: 'inv-1', amount: 30 },
      { id: 'inv-2', amount: 50 },
      { id: 'inv-3', amount: 20 },
    ];
    expect(allocateCancellation(invoices, 60).map((a) => [a.invoice.id, a.cancelled])).toEqual([
      ['inv-1', 30],
      ['inv-2', 30],
    ]);
    expect(() => allocateCancellation(invoices, 101)).toThrow();
  });
});
