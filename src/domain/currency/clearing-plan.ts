/**
 * A clearing round over a cluster's open euro invoices: how much each invoice is reduced by, and
 * each member's figures for the report. The optimum comes from clearObligations over the
 * debtor→creditor pairs; each pair's cancelled amount is spread over its invoices oldest first.
 *
 * Invariants, checked here rather than assumed: no invoice loses more than it still owes, and
 * every member has the same amount cancelled on what it owes as on what it is owed, so its net
 * position is exactly the same after the round.
 */
import { allocateCancellation, clearObligations } from './clearing.ts';

export interface OpenInvoice {
  readonly id: string;
  readonly debtor: string;
  readonly creditor: string;
  readonly outstandingCents: number;
}

export interface PlannedCancellation {
  readonly invoiceId: string;
  readonly outstandingBeforeCents: number;
  readonly cancelledCents: number;
}

export interface MemberPosition {
  readonly organisationId: string;
  /** What the member owed on the open invoices before the round. */
  readonly owesBeforeCents: number;
  /** What the member was owed on them. */
  readonly owedBeforeCents: number;
  /** Cancelled on each side: on what it owes and, equally, on what it is owed. */
  readonly cancelledCents: number;
}

export interface ClearingPlan {
  readonly totalCents: number;
  readonly clearedCents: number;
  readonly cancellations: PlannedCancellation[];
  /** Every member with an open invoice, cancelled or not. */
  readonly positions: MemberPosition[];
}

export class ClearingInvariantError extends Error {}

const pairKey = (debtor: string, creditor: string) => `${debtor}\u0000${creditor}`;

/** `invoices` must come in the order they should be settled (oldest first). */
export function planClearing(invoices: readonly OpenInvoice[]): ClearingPlan {
  const result = clearObligations(
    invoices.map((invoice) => ({
      debtor: invoice.debtor,
      creditor: invoice.creditor,
      amount: invoice.outstandingCents,
    })),
  );
  const remainingByPair = new Map(
    result.remaining.map((left) => [pairKey(left.debtor, left.creditor), left.amount]),
  );
  const invoicesByPair = new Map<string, OpenInvoice[]>();
  for (const invoice of invoices) {
    const key = pairKey(invoice.debtor, invoice.creditor);
    const pair = invoicesByPair.get(key);
    if (pair) pair.push(invoice);
    else invoicesByPair.set(key, [invoice]);
  }

  const cancellations: PlannedCancellation[] = [];
  for (const [key, pair] of invoicesByPair) {
    const owed = pair.reduce((sum, invoice) => sum + invoice.outstandingCents, 0);
    const cancelled = owed - (remainingByPair.get(key) ?? 0);
    const parts = allocateCancellation(
      pair.map((invoice) => ({ invoice, amount: invoice.outstandingCents })),
      cancelled,
    );
    for (const part of parts) {
      cancellations.push({
        invoiceId: part.invoice.invoice.id,
        outstandingBeforeCents: part.invoice.amount,
        cancelledCents: part.cancelled,
      });
    }
  }

  const figures = new Map<
    string,
    { owes: number; owed: number; cancelledOwing: number; cancelledOwed: number }
  >();
  const figuresOf = (organisationId: string) => {
    let entry = figures.get(organisationId);
    if (!entry) {
      entry = { owes: 0, owed: 0, cancelledOwing: 0, cancelledOwed: 0 };
      figures.set(organisationId, entry);
    }
    return entry;
  };
  const invoiceById = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  for (const invoice of invoices) {
    figuresOf(invoice.debtor).owes += invoice.outstandingCents;
    figuresOf(invoice.creditor).owed += invoice.outstandingCents;
  }
  let clearedCents = 0;
  for (const cancellation of cancellations) {
    const invoice = invoiceById.get(cancellation.invoiceId) as OpenInvoice;
    if (cancellation.cancelledCents <= 0 || cancellation.cancelledCents > invoice.outstandingCents) {
      throw new ClearingInvariantError(`invoice ${invoice.id}: cancels more than it owes`);
    }
    figuresOf(invoice.debtor).cancelledOwing += cancellation.cancelledCents;
    figuresOf(invoice.creditor).cancelledOwed += cancellation.cancelledCents;
    clearedCents += cancellation.cancelledCents;
  }
  if (clearedCents !== result.cleared) {
    throw new ClearingInvariantError(`cancelled ${clearedCents}, the optimum is ${result.cleared}`);
  }

  const positions: MemberPosition[] = [];
  for (const [organisationId, entry] of figures) {
    if (entry.cancelledOwing !== entry.cancelledOwed) {
      throw new ClearingInvariantError(`member ${organisationId}: its net position would change`);
    }
    positions.push({
      organisationId,
      owesBeforeCents: entry.owes,
      owedBeforeCents: entry.owed,
      cancelledCents: entry.cancelledOwing,
    });
  }
  return { totalCents: result.total, clearedCents, cancellations, positions };
}
