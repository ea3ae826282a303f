/**
 * The one place value moves: inside the caller's transaction, lock the accounts in id order, let
 * the pure ledger rules decide, write the immutable transfers with the balances after them, save
 * the accounts and record the transfer on the audit chain. Payments, requests, recurring payments,
 * orders, reversals and adjustments all come through here.
 */
import type { OperationNodeSource } from 'kysely';
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
import type { AuditEventDraft } from '../../domain/transparency/audit-chain.ts';
import type { AuditLog, HeldHead } from '../platform/audit/audit-log.ts';
import { isoDay } from '../platform/clock.ts';
import type {
  CurrencyAccountTable,
  CurrencyAccountTypeTable,
  CurrencyTable,
  TransferKind,
  TransferOrigin,
  Tx,
} from '../platform/database.ts';
import { type AppError, badRequest, conflict, forbidden, notFound } from '../platform/errors.ts';
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
  /**
   * Who asks, when the payer's permission is checked in the statement that locks the accounts
   * (a payment saves a round trip so): they hold a valid mandate for the paying organisation, or,
   * to pay from the cluster's own account, manage the currency.
   */
  readonly actedForBy?: ActingPerson;
}

export interface ActingPerson {
  readonly personId: string;
  readonly mayManageCurrency: boolean;
}

export type WriteOutcome = { ok: true; written: Written } | { ok: false; error: unknown };

interface Plan {
  readonly rows: TransferRow[];
  readonly accountIds: string[];
  readonly written: Written;
  readonly audit: AuditEventDraft;
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
    const [outcome] = await this.writeMany(tx, currency, [draft], now);
    if (!outcome?.ok) throw outcome?.error ?? new Error('no outcome');
    return outcome.written;
  }

  /**
   * Several transfers in one go (a group commit's payments): one lock of all their accounts, the
   * rules applied to each in turn on the locked states, then all rows written at once. A refused
   * transfer writes nothing and does not stop the others.
   */
  async writeMany(
    tx: Tx,
    currency: CurrencyTable,
    drafts: readonly TransferDraft[],
    now: Date,
    held?: HeldHead,
    /** Given the outcomes, another insert to make with the audit append, in the same statement. */
    alongside?: (outcomes: readonly WriteOutcome[]) => OperationNodeSource | null,
  ): Promise<WriteOutcome[]> {
    const clusterId = currency.cluster_id;
    // The chain's head before the accounts, in every currency transaction (ADR 0004) — unless
    // the caller took it just before, with nothing appended since.
    const head = held?.clusterId === clusterId ? held : await this.audit.lockHead(tx, clusterId);
    const accountTypes = currency.limit_growth_basis_points
      ? await currencyRepo.accountTypes(tx, clusterId)
      : [];
    const ids = drafts.flatMap((d) => [d.payerAccountId, d.payeeAccountId]);
    // A hold's fee was held beside it; its post or void resolves the fee's hold too.
    const resolved = drafts.flatMap((d) =>
      (d.kind === 'post' || d.kind === 'void') && d.relatedTransferId ? [d.relatedTransferId] : [],
    );
    const feeHolds =
      resolved.length > 0
        ? await transferRepo.feeHoldsOf(tx, clusterId, resolved)
        : new Map<string, TransferRow>();
    const lockedRows = await accountRepo.lockInIdOrder(tx, clusterId, ids, {
      withFeeAccount: currency.fee_basis_points > 0 || feeHolds.size > 0,
      actingOn: drafts.some((d) => d.actedForBy) ? isoDay(now) : undefined,
    });
    const locked = new Map<string, CurrencyAccountTable>();
    const actingPeople = new Map<string, readonly string[]>();
    for (const { acting_person_ids: people, ...account } of lockedRows) {
      locked.set(account.id, account);
      if (people) actingPeople.set(account.id, people);
    }
    const feeAccount = lockedRows.find((a) => a.kind === 'fee');

    const planned: { index: number; plan: Plan }[] = [];
    const outcomes: WriteOutcome[] = drafts.map((draft, index) => {
      try {
        const feeHold = draft.relatedTransferId ? feeHolds.get(draft.relatedTransferId) : undefined;
        const feeAccountId = feeAccount?.id ?? null;
        const plan = this.plan(
          currency,
          accountTypes,
          feeAccountId,
          locked,
          actingPeople,
          draft,
          now,
          feeHold,
        );
        planned.push({ index, plan });
        return { ok: true, written: plan.written };
      } catch (error) {
        return { ok: false, error };
      }
    });
    if (planned.length === 0) return outcomes;

    const rows = planned.flatMap(({ plan }) => plan.rows);
    const changed = new Set(planned.flatMap(({ plan }) => plan.accountIds));
    const seqs = await transferRepo.record(
      tx,
      clusterId,
      rows,
      [...changed].map((id) => locked.get(id) as CurrencyAccountTable),
      now,
    );
    for (const { plan } of planned) {
      for (const row of plan.rows) (row as { seq: number }).seq = seqs.get(row.id) ?? 0;
    }
    await this.audit.appendMany(
      tx,
      clusterId,
      planned.map(({ plan }) => plan.audit),
      head,
      alongside?.(outcomes) ?? undefined,
    );
    return outcomes;
  }

  /** Decides one transfer on the locked states (updating them) and prepares its rows. */
  private plan(
    currency: CurrencyTable,
    accountTypes: readonly CurrencyAccountTypeTable[],
    feeAccountId: string | null,
    locked: Map<string, CurrencyAccountTable>,
    actingPeople: ReadonlyMap<string, readonly string[]>,
    draft: TransferDraft,
    now: Date,
    feeHold?: TransferRow,
  ): Plan {
    const clusterId = currency.cluster_id;
    if (draft.payerAccountId === draft.payeeAccountId)
      throw badRequest('currency.same_account', 'toAccountId');
    const payerRow = locked.get(draft.payerAccountId);
    const payeeRow = locked.get(draft.payeeAccountId);
    if (!payerRow) throw notFound('currency.account_not_found');
    const { actedForBy } = draft;
    if (actedForBy) {
      const mayAct =
        payerRow.kind === 'fee'
          ? actedForBy.mayManageCurrency
          : (actingPeople.get(payerRow.id) ?? []).includes(actedForBy.personId);
      if (!mayAct) throw forbidden();
    }
    if (!payeeRow) throw notFound('currency.account_not_found');
    // A payment pays its fee at once; an order's hold reserves it beside the amount, and the hold's
    // post or void moves or releases it with the amount — at the rate of the day it was held.
    const fee =
      draft.kind === 'payment' || draft.kind === 'hold'
        ? feeFor(currency, draft.amountMinor)
        : (feeHold?.amount_minor ?? 0);
    // Paying the cluster itself, or the cluster paying, carries no fee.
    const feeRow =
      fee > 0 && feeAccountId !== null && feeAccountId !== payerRow.id && feeAccountId !== payeeRow.id
        ? locked.get(feeAccountId)
        : undefined;

    const outcome = decide(draft.kind, toState(payerRow), toState(payeeRow), draft.amountMinor);
    if (!outcome.ok) throw refusalError(outcome.refusal);
    // An account's transfers are dated in the order of their sequence even if the clock steps back,
    // so a period of a history can be found by date and read by sequence.
    const at = new Date(
      Math.max(
        now.getTime(),
        ...[payerRow, payeeRow, feeRow].map((row) => row?.last_transfer_at?.getTime() ?? 0),
      ),
    );
    let payerState = outcome.payer;
    let feeState: AccountState | null = null;
    if (feeRow) {
      const feeOutcome = decide(draft.kind, payerState, toState(feeRow), fee);
      if (!feeOutcome.ok) throw refusalError(feeOutcome.refusal);
      payerState = feeOutcome.payer;
      feeState = feeOutcome.payee;
    }

    const moves = draft.kind !== 'hold' && draft.kind !== 'void';
    const payer = this.settle(payerRow, payerState, 0, at);
    const payee = this.settle(
      payeeRow,
      outcome.payee,
      moves ? draft.amountMinor : 0,
      at,
      currency,
      accountTypes,
    );
    locked.set(payer.id, payer);
    locked.set(payee.id, payee);
    // Each row tells the balance after itself: the payment's before its fee, the fee's after both.
    const transfer = transferRow(clusterId, draft, draft.kind, draft.amountMinor, at, {
      payerAfter: outcome.payer.balanceMinor,
      payeeAfter: payee.balance_minor,
      relatedTransferId: draft.relatedTransferId ?? null,
      description: draft.description,
    });
    const rows = [transfer];
    const accountIds = [payer.id, payee.id];
    let feeTransfer: TransferRow | null = null;
    if (feeRow && feeState) {
      const feeAfter = this.settle(feeRow, feeState, moves ? fee : 0, at);
      locked.set(feeAfter.id, feeAfter);
      accountIds.push(feeAfter.id);
      feeTransfer = transferRow(
        clusterId,
        { ...draft, payeeAccountId: feeAfter.id },
        draft.kind === 'payment' ? 'fee' : draft.kind,
        fee,
        at,
        {
          payerAfter: payer.balance_minor,
          payeeAfter: feeAfter.balance_minor,
          relatedTransferId: feeHold?.id ?? transfer.id,
          description: '',
        },
      );
      rows.push(feeTransfer);
    }
    return {
      rows,
      accountIds,
      written: { transfer, fee: feeTransfer, payer, payee },
      audit: {
        action: `currency.${draft.kind}`,
        // Balances are not public; the public sees aggregate figures and a digest of each transfer.
        isPublic: false,
        payload: {
          transferId: transfer.id,
          kind: draft.kind,
          payerAccountId: payer.id,
          payeeAccountId: payee.id,
          amountMinor: draft.amountMinor,
          feeMinor: feeTransfer ? fee : 0,
          relatedTransferId: draft.relatedTransferId ?? null,
          origin: draft.origin ?? null,
          originId: draft.originId ?? null,
          by: draft.createdBy,
        },
      },
    };
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
}

/** A transfer row as it will be inserted; its `seq` is filled in from the database. */
function transferRow(
  clusterId: string,
  draft: TransferDraft,
  kind: TransferKind,
  amountMinor: number,
  now: Date,
  after: { payerAfter: number; payeeAfter: number; relatedTransferId: string | null; description: string },
): TransferRow {
  return {
    cluster_id: clusterId,
    id: newId(),
    seq: 0,
    kind,
    payer_account_id: draft.payerAccountId,
    payee_account_id: draft.payeeAccountId,
    amount_minor: amountMinor,
    description: after.description,
    related_transfer_id: after.relatedTransferId,
    payer_balance_after: after.payerAfter,
    payee_balance_after: after.payeeAfter,
    origin: draft.origin ?? null,
    origin_id: draft.originId ?? null,
    created_by: draft.createdBy,
    created_at: now,
  };
}
