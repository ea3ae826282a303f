/**
 * Multilateral clearing of obligations (Fleischman & Dini): cancel as much debt as possible around
 * cycles while every firm keeps exactly its net position, so nobody pays anything to be cleared.
 *
 * Formulation: net debtors supply their net position, net creditors demand theirs, and a flow may
 * use each debtor→creditor pair up to what is owed on it at cost 1 per unit. The minimum-cost flow
 * is the least debt that must remain; everything else lay on cycles and is cancelled.
 */
import { createFlowNetwork } from './min-cost-flow.ts';

export interface Obligation {
  readonly debtor: string;
  readonly creditor: string;
  /** Integer minor units, positive. */
  readonly amount: number;
}

export interface ClearingResult {
  /** Everything owed before clearing. */
  readonly total: number;
  /** What clearing cancels. */
  readonly cleared: number;
  /** What is still owed after clearing, per debtor→creditor pair (pairs owing nothing left out). */
  readonly remaining: Obligation[];
}

export class ClearingInputError extends Error {
  constructor(
    readonly index: number,
    readonly problem: 'self_obligation' | 'amount_not_positive_integer' | 'total_too_large',
  ) {
    super(`obligation ${index + 1}: ${problem}`);
  }
}

const pairKey = (debtor: string, creditor: string) => `${debtor}\u0000${creditor}`;

export function clearObligations(obligations: readonly Obligation[]): ClearingResult {
  const nodeOf = new Map<string, number>();
  const names: string[] = [];
  const node = (name: string) => {
    let id = nodeOf.get(name);
    if (id === undefined) {
      id = names.length;
      nodeOf.set(name, id);
      names.push(name);
    }
    return id;
  };

  // Invoices between the same two firms in the same direction are one edge.
  const owedByPair = new Map<string, { debtor: number; creditor: number; amount: number }>();
  let total = 0;
  for (const [index, obligation] of obligations.entries()) {
    if (!Number.isSafeInteger(obligation.amount) || obligation.amount <= 0) {
      throw new ClearingInputError(index, 'amount_not_positive_integer');
    }
    if (obligation.debtor === obligation.creditor) throw new ClearingInputError(index, 'self_obligation');
    total += obligation.amount;
    if (!Number.isSafeInteger(total)) throw new ClearingInputError(index, 'total_too_large');
    const key = pairKey(obligation.debtor, obligation.creditor);
    const pair = owedByPair.get(key);
    if (pair) pair.amount += obligation.amount;
    else
      owedByPair.set(key, {
        debtor: node(obligation.debtor),
        creditor: node(obligation.creditor),
        amount: obligation.amount,
      });
  }

  const firmCount = names.length;
  const net = new Float64Array(firmCount);
  for (const pair of owedByPair.values()) {
    net[pair.debtor] = (net[pair.debtor] as number) + pair.amount;
    net[pair.creditor] = (net[pair.creditor] as number) - pair.amount;
  }

  const source = firmCount;
  const sink = firmCount + 1;
  const network = createFlowNetwork(firmCount + 2, owedByPair.size + firmCount);
  const pairs = [...owedByPair.values()];
  const edges = pairs.map((pair) => network.addEdge(pair.debtor, pair.creditor, pair.amount, 1));
  let netDebt = 0;
  for (let firm = 0; firm < firmCount; firm++) {
    const position = net[firm] as number;
    if (position > 0) {
      network.addEdge(source, firm, position, 0);
      netDebt += position;
    } else if (position < 0) {
      network.addEdge(firm, sink, -position, 0);
    }
  }

  const { flow, cost } = network.solve(source, sink, netDebt);
  // The obligations themselves are a feasible flow, so the optimum always routes all net debt.
  if (flow !== netDebt) throw new Error(`clearing: routed ${flow} of ${netDebt}; the flow solver is wrong`);

  const remaining: Obligation[] = [];
  for (const [index, pair] of pairs.entries()) {
    const amount = network.flowOn(edges[index] as number);
    if (amount > 0)
      remaining.push({
        debtor: names[pair.debtor] as string,
        creditor: names[pair.creditor] as string,
        amount,
      });
  }
  return { total, cleared: total - cost, remaining };
}

/**
 * Spreads what a pair's clearing cancels over that pair's invoices, oldest first, so each member
 * sees which invoice is reduced by how much. `invoices` are in the order they should be settled.
 */
export function allocateCancellation<T extends { amount: number }>(
  invoices: readonly T[],
  cancelled: number,
): { invoice: T; cancelled: number }[] {
  const allocation: { invoice: T; cancelled: number }[] = [];
  let left = cancelled;
  for (const invoice of invoices) {
    if (left <= 0) break;
    const part = Math.min(invoice.amount, left);
    allocation.push({ invoice, cancelled: part });
    left -= part;
  }
  if (left > 0) throw new Error('cannot cancel more than the invoices owe');
  return allocation;
}
