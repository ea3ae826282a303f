/**
 * The one place value moves: inside the caller's transaction, lock the accounts in id order, let
 * the pure ledger rules decide, write the immutable transfers with the balances after them, save
 * the accounts and record the transfer on the audit chain. Payments, requests, recurring payments,
 * orders, reversals and adjustments all come through here.
 */
import {
  type AccountState,
  adjust,
  growingCreditLimit,
  hold,
  type LedgerRefusal,
  type Outcome,
  pay,
  post,
  voidHold,
} from '../../domain/currency/ledger.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type {
  CurrencyAccountTable,
  CurrencyAccountTypeTable,
  CurrencyTable,
  TransferKind,
  TransferOrigin,
  Tx,
} from '../platform/database.ts';
import { type AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { accountRepo, currencyRepo, type TransferRow, transferRepo } from './repo.ts';

export interface TransferDraft {
  readonly kind: Exclude<TransferKind, 'fee'>;
  readonly payerAccountId: string;
  readonly payeeAccountId: string;
  readonly amountMinor: number;
  readonly description: string;
  /** The hold a post or void resolves, the transfer a reversal undoes. */
  readonly relatedTransferId?: string;
  readonly origin?: TransferOrigin;
  readonly originId?: string;
  readonly createdBy: string | null;
}

export interface Written {
  readonly transfer: TransferRow;
  readonly fee: TransferRow | null;
  readonly payer: CurrencyAccountTable;
  readonly payee: CurrencyAccountTable;
}

/** Refusals about the request itself are 400; those about the accounts' state are 409. */
const BAD_REQUEST_REFUSALS: readonly LedgerRefusal[] = ['currency.amount_invalid', 'currency.same_account'];

export function refusalError(refusal: LedgerRefusal, field = 'amountMinor'): AppError {
  return BAD_REQUEST_REFUSALS.includes(refusal) ? badRequest(refusal, field) : conflict(refusal, field);
}

/** The fee on a payment, in whole minor units, rounded down so a member is never overcharged. */
export const feeFor = (currency: CurrencyTable, amountMinor: number) =>
  Math.floor((amountMinor * currency.fee_basis_points) / 10_000);

const toState = (row: CurrencyAccountTable): AccountState => ({
  id: row.id,
  balanceMinor: row.balance_minor,
  pendingDebitMinor: row.pending_debit_minor,
  pendingCreditMinor: row.pending_credit_minor,
  creditLimitMinor: row.credit_limit_minor,
  maxBalanceMinor: row.max_balance_minor,
  status: row.status,
});

function decide(
  kind: TransferDraft['kind'],
  payer: AccountState,
  payee: AccountState,
  amount: number,
): Outcome {
  switch (kind) {
    case 'payment':
      return pay(payer, payee, amount);
    case 'hold':
      return hold(payer, payee, amount);
    case 'post':
      return post(payer, payee, amount);
    case 'void':
      return voidHold(payer, payee, amount);
    case 'adjustment':
    case 'reversal':
      return adjust(payer, payee, amount);
  }
}

export class LedgerWriter {
  constructor(private readonly audit: AuditLog) {}

  async write(tx: Tx, currency: CurrencyTable, draft: TransferDraft, now: Date): Promise<Written> {
    const clusterId = currency.cluster_id;
    const accountTypes = currency.limit_growth_basis_points
      ? await currencyRepo.accountTypes(tx, clusterId)
      : [];
    if (draft.payerAccountId === draft.payeeAccountId)
      throw badRequest('currency.same_account', 'toAccountId');
    const fee = draft.kind === 'payment' ? feeFor(currency, draft.amountMinor) : 0;
    const feeAccount = fee > 0 ? await accountRepo.feeAccount(tx, clusterId) : undefined;
    // Paying the cluster itself, or the cluster paying, carries no fee.
    const chargesFee =
      feeAccount !== undefined &&
      feeAccount.id !== draft.payerAccountId &&
      feeAccount.id !== draft.payeeAccountId;
    const ids = [draft.payerAccountId, draft.payeeAccountId, ...(chargesFee ? [feeAccount.id] : [])];
    // The chain's head before the accounts, in every currency transaction (ADR 0005).
    await this.audit.lockHead(tx, clusterId);
    const locked = new Map((await accountRepo.lockInIdOrder(tx, clusterId, ids)).map((a) => [a.id, a]));
    const payerRow = locked.get(draft.payerAccountId);
    const payeeRow = locked.get(draft.payeeAccountId);
    if (!payerRow) throw notFound('currency.account_not_found');
    if (!payeeRow) throw notFound('currency.account_not_found', {});

    const outcome = decide(draft.kind, toState(payerRow), toState(payeeRow), draft.amountMinor);
    if (!outcome.ok) throw refusalError(outcome.refusal);
    let payerState = outcome.payer;
    const payeeState = outcome.payee;
    let feeState: AccountState | null = null;
    if (chargesFee) {
      const feeRow = locked.get(feeAccount.id) as CurrencyAccountTable;
      const feeOutcome = pay(payerState, toState(feeRow), fee);
      if (!feeOutcome.ok) throw refusalError(feeOutcome.refusal);
      payerState = feeOutcome.payer;
      feeState = feeOutcome.payee;
    }

    const moves = draft.kind !== 'hold' && draft.kind !== 'void';
    const payer = this.settle(payerRow, payerState, 0, now);
    const payee = this.settle(
      payeeRow,
      payeeState,
      moves ? draft.amountMinor : 0,
      now,
      currency,
      accountTypes,
    );
    // Each row tells the balance after itself: the payment's before its fee, the fee's after both.
    const payerAfterPayment = { ...payer, balance_minor: outcome.payer.balanceMinor };
    const transfer = await this.insert(
      tx,
      clusterId,
      draft,
      draft.amountMinor,
      payerAfterPayment,
      payee,
      now,
      {
        relatedTransferId: draft.relatedTransferId ?? null,
      },
    );
    let feeTransfer: TransferRow | null = null;
    const saved = [payer, payee];
    if (chargesFee && feeState) {
      const feeRow = locked.get(feeAccount.id) as CurrencyAccountTable;
      const feeAfter = this.settle(feeRow, feeState, fee, now);
      saved.push(feeAfter);
      feeTransfer = await this.insert(
        tx,
        clusterId,
        { ...draft, kind: 'fee' as never, description: '' },
        fee,
        payer,
        feeAfter,
        now,
        { relatedTransferId: transfer.id },
      );
    }
    await accountRepo.saveStates(tx, clusterId, saved, now);
    await this.audit.record(tx, clusterId, {
      action: `currency.${draft.kind}`,
      // Balances are not public; the public sees aggregate figures and a digest of each transfer.
      isPublic: false,
      payload: {
        transferId: transfer.id,
        kind: draft.kind,
        payerAccountId: payer.id,
        payeeAccountId: payee.id,
        amountMinor: draft.amountMinor,
        feeMinor: chargesFee ? fee : 0,
        relatedTransferId: draft.relatedTransferId ?? null,
        origin: draft.origin ?? null,
        originId: draft.originId ?? null,
        by: draft.createdBy,
      },
    });
    return { transfer, fee: feeTransfer, payer, payee };
  }

  /** The new account row: balances from the rules, plus the bookkeeping the rules do not model. */
  private settle(
    row: CurrencyAccountTable,
    state: AccountState,
    receivedMinor: number,
    now: Date,
    currency?: CurrencyTable,
    accountTypes?: readonly CurrencyAccountTypeTable[],
  ): CurrencyAccountTable {
    const receivedTotal = row.received_total_minor + receivedMinor;
    let creditLimit = state.creditLimitMinor;
    if (
      currency?.limit_growth_basis_points &&
      currency.limit_growth_cap_minor !== null &&
      !row.has_own_limit &&
      row.kind === 'member'
    ) {
      const typeDefault =
        accountTypes?.find((t) => t.account_type === row.account_type)?.credit_limit_minor ?? 0;
      creditLimit = growingCreditLimit(
        typeDefault,
        receivedTotal,
        currency.limit_growth_basis_points / 10_000,
        currency.limit_growth_cap_minor,
      );
    }
    const isNegative = state.balanceMinor < 0;
    return {
      ...row,
      balance_minor: state.balanceMinor,
      pending_debit_minor: state.pendingDebitMinor,
      pending_credit_minor: state.pendingCreditMinor,
      credit_limit_minor: creditLimit,
      received_total_minor: receivedTotal,
      negative_since: isNegative ? (row.negative_since ?? now) : null,
      // A leaving member's account closes by itself once nothing is owed, held or reserved.
      status:
        state.status === 'closing' &&
        state.balanceMinor === 0 &&
        state.pendingDebitMinor === 0 &&
        state.pendingCreditMinor === 0
          ? 'closed'
          : state.status,
      last_transfer_at: now,
    };
  }

  private async insert(
    tx: Tx,
    clusterId: string,
    draft: Omit<TransferDraft, 'kind'> & { kind: TransferKind },
    amountMinor: number,
    payer: CurrencyAccountTable,
    payee: CurrencyAccountTable,
    now: Date,
    extra: { relatedTransferId: string | null },
  ): Promise<TransferRow> {
    const row = {
      cluster_id: clusterId,
      id: newId(),
      kind: draft.kind,
      payer_account_id: payer.id,
      payee_account_id: payee.id,
      amount_minor: amountMinor,
      description: draft.description,
      related_transfer_id: extra.relatedTransferId,
      payer_balance_after: payer.balance_minor,
      payee_balance_after: payee.balance_minor,
      origin: draft.origin ?? null,
      origin_id: draft.originId ?? null,
      created_by: draft.createdBy,
      created_at: now,
    };
    const { seq } = await transferRepo.insert(tx, row);
    return { ...row, seq: Number(seq) };
  }
}
