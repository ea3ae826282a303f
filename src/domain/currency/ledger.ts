/**
 * The rules of the cluster currency's mutual-credit ledger, as pure functions over account states.
 * The database layer applies them inside one transaction with the accounts locked in id order;
 * these functions decide what is allowed and what the new states are.
 *
 * Invariants (asserted by the property tests after every operation):
 *  - the balances of a currency add up to exactly zero; pending debits equal pending credits;
 *  - an accepted payment or hold never takes the payer below minus its credit limit, nor the payee
 *    above its maximum balance, counting pending transfers — only a coordinator adjustment may,
 *    and it says why;
 *  - amounts are positive integers in minor units.
 */

export type AccountStatus = 'active' | 'frozen' | 'closing' | 'closed';

export interface AccountState {
  readonly id: string;
  readonly balanceMinor: number;
  /** Reserved by holds this account pays (orders not yet delivered). */
  readonly pendingDebitMinor: number;
  /** Reserved by holds this account will receive. */
  readonly pendingCreditMinor: number;
  readonly creditLimitMinor: number;
  readonly maxBalanceMinor: number | null;
  readonly status: AccountStatus;
}

export type LedgerRefusal =
  | 'currency.amount_invalid'
  | 'currency.same_account'
  | 'currency.account_frozen'
  | 'currency.account_closed'
  | 'currency.limit_exceeded'
  | 'currency.max_balance_exceeded'
  | 'currency.leaving_member_cannot_receive'
  | 'currency.hold_too_large'
  | 'currency.account_not_settled';

/** Amounts stay far below 2^53 even when summed over a whole cluster. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

export const isValidAmount = (amount: number) =>
  Number.isSafeInteger(amount) && amount > 0 && amount <= MAX_AMOUNT_MINOR;

/** What the account may still spend: balance, less what is reserved, plus the credit line. */
export const availableToSpend = (account: AccountState) =>
  account.balanceMinor - account.pendingDebitMinor + account.creditLimitMinor;

/** How much more the account may receive before its maximum balance, counting what is on its way. */
export const roomToReceive = (account: AccountState) =>
  account.maxBalanceMinor === null
    ? Number.POSITIVE_INFINITY
    : account.maxBalanceMinor - account.balanceMinor - account.pendingCreditMinor;

function refusalFor(payer: AccountState, payee: AccountState, amount: number): LedgerRefusal | null {
  if (!isValidAmount(amount)) return 'currency.amount_invalid';
  if (payer.id === payee.id) return 'currency.same_account';
  if (payer.status === 'closed' || payee.status === 'closed') return 'currency.account_closed';
  if (payer.status === 'frozen' || payee.status === 'frozen') return 'currency.account_frozen';
  // A member who is leaving may spend what it holds and be paid back to zero, nothing more.
  if (payee.status === 'closing' && payee.balanceMinor + payee.pendingCreditMinor + amount > 0) {
    return 'currency.leaving_member_cannot_receive';
  }
  const payerCreditLimit = payer.status === 'closing' ? 0 : payer.creditLimitMinor;
  if (payer.balanceMinor - payer.pendingDebitMinor + payerCreditLimit < amount)
    return 'currency.limit_exceeded';
  if (roomToReceive(payee) < amount) return 'currency.max_balance_exceeded';
  return null;
}

export type Outcome =
  | { ok: true; payer: AccountState; payee: AccountState }
  | { ok: false; refusal: LedgerRefusal };

/** An immediate payment. */
export function pay(payer: AccountState, payee: AccountState, amount: number): Outcome {
  const refusal = refusalFor(payer, payee, amount);
  if (refusal) return { ok: false, refusal };
  return {
    ok: true,
    payer: { ...payer, balanceMinor: payer.balanceMinor - amount },
    payee: { ...payee, balanceMinor: payee.balanceMinor + amount },
  };
}

/** Reserves an amount (an order awaiting delivery): counted against the payer's available balance. */
export function hold(payer: AccountState, payee: AccountState, amount: number): Outcome {
  const refusal = refusalFor(payer, payee, amount);
  if (refusal) return { ok: false, refusal };
  return {
    ok: true,
    payer: { ...payer, pendingDebitMinor: payer.pendingDebitMinor + amount },
    payee: { ...payee, pendingCreditMinor: payee.pendingCreditMinor + amount },
  };
}

/** Completes a hold: the reserved amount moves. Limits were checked when it was reserved. */
export function post(payer: AccountState, payee: AccountState, amount: number): Outcome {
  if (payer.pendingDebitMinor < amount || payee.pendingCreditMinor < amount)
    return { ok: false, refusal: 'currency.hold_too_large' };
  return {
    ok: true,
    payer: {
      ...payer,
      balanceMinor: payer.balanceMinor - amount,
      pendingDebitMinor: payer.pendingDebitMinor - amount,
    },
    payee: {
      ...payee,
      balanceMinor: payee.balanceMinor + amount,
      pendingCreditMinor: payee.pendingCreditMinor - amount,
    },
  };
}

/** Cancels a hold: nothing moves, the reservation is released. */
export function voidHold(payer: AccountState, payee: AccountState, amount: number): Outcome {
  if (payer.pendingDebitMinor < amount || payee.pendingCreditMinor < amount)
    return { ok: false, refusal: 'currency.hold_too_large' };
  return {
    ok: true,
    payer: { ...payer, pendingDebitMinor: payer.pendingDebitMinor - amount },
    payee: { ...payee, pendingCreditMinor: payee.pendingCreditMinor - amount },
  };
}

/**
 * A coordinator's adjustment (a correction, a rebalancing): moves value even past limits. The
 * caller records the reason; the accounts must still exist and be open.
 */
export function adjust(from: AccountState, to: AccountState, amount: number): Outcome {
  if (!isValidAmount(amount)) return { ok: false, refusal: 'currency.amount_invalid' };
  if (from.id === to.id) return { ok: false, refusal: 'currency.same_account' };
  if (from.status === 'closed' || to.status === 'closed')
    return { ok: false, refusal: 'currency.account_closed' };
  return {
    ok: true,
    payer: { ...from, balanceMinor: from.balanceMinor - amount },
    payee: { ...to, balanceMinor: to.balanceMinor + amount },
  };
}

/** An account closes only when it is settled: nothing owed, nothing held, nothing reserved. */
export function close(
  account: AccountState,
): { ok: true; account: AccountState } | { ok: false; refusal: LedgerRefusal } {
  if (account.balanceMinor !== 0 || account.pendingDebitMinor !== 0 || account.pendingCreditMinor !== 0) {
    return { ok: false, refusal: 'currency.account_not_settled' };
  }
  return { ok: true, account: { ...account, status: 'closed' } };
}

/**
 * Optional rule (Komunitin): the credit line grows with what the account has received, up to a cap,
 * never below the cluster's default.
 */
export function growingCreditLimit(
  defaultLimitMinor: number,
  receivedMinor: number,
  shareOfReceived: number,
  capMinor: number,
): number {
  return Math.min(capMinor, Math.max(defaultLimitMinor, Math.floor(receivedMinor * shareOfReceived)));
}
