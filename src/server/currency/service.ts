/**
 * The cluster currency: the coordinator sets it up and keeps the accounts (limits, freezing,
 * reversals, adjustments); a representative uses the organisation's wallet (balance, history,
 * charts, payments). Every value movement goes through the LedgerWriter; every write carries an
 * idempotency key.
 */
import { SECTORS } from '../../domain/clusters/catalogue.ts';
import { availableToSpend, isValidAmount, pay } from '../../domain/currency/ledger.ts';
import { Access, type ClusterAccess } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import { type Clock, isoDay } from '../platform/clock.ts';
import type {
  CurrencyAccountTable,
  CurrencyAccountTypeTable,
  CurrencyTable,
  Db,
  Queryable,
  Tx,
} from '../platform/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/errors.ts';
import { decodeCursor, toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import { Idempotency } from './idempotency.ts';
import { feeFor, LedgerWriter, refusalError, type Written } from './ledger-writer.ts';
import {
  accountRepo,
  currencyRepo,
  type HistoryFilter,
  limitChangeRepo,
  type TransferRow,
  transferRepo,
} from './repo.ts';
import { WriteBatcher } from './write-batcher.ts';

export type AccountType = (typeof SECTORS)[number];

export interface CurrencySettingsInput {
  name: string;
  code: string;
  symbol: string;
  decimals: number;
  euroValue: string;
  feeBasisPoints: number;
  rebalanceAfterMonths: number;
  limitGrowth: { basisPoints: number; capMinor: number } | null;
  clearingNeedsConfirmation: boolean;
  accountTypes: { accountType: AccountType; creditLimitMinor: number; maxBalanceMinor: number | null }[];
}

export interface AccountChange {
  creditLimitMinor?: number;
  maxBalanceMinor?: number | null;
  status?: 'active' | 'frozen';
  reason: string;
}

export const EXPORT_MAX_ROWS = 50_000;

const monthsBefore = (now: Date, months: number) => {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
};

export function currencyView(currency: CurrencyTable, accountTypes: readonly CurrencyAccountTypeTable[]) {
  return {
    name: currency.name,
    code: currency.code,
    symbol: currency.symbol,
    decimals: currency.decimals,
    euroValue: currency.euro_value,
    feeBasisPoints: currency.fee_basis_points,
    rebalanceAfterMonths: currency.rebalance_after_months,
    limitGrowth:
      currency.limit_growth_basis_points !== null && currency.limit_growth_cap_minor !== null
        ? { basisPoints: currency.limit_growth_basis_points, capMinor: currency.limit_growth_cap_minor }
        : null,
    clearingNeedsConfirmation: currency.clearing_needs_confirmation,
    accountTypes: SECTORS.map((sector) => {
      const row = accountTypes.find((t) => t.account_type === sector);
      return {
        accountType: sector,
        creditLimitMinor: row?.credit_limit_minor ?? 0,
        maxBalanceMinor: row?.max_balance_minor ?? null,
      };
    }),
  };
}

export function transferView(row: TransferRow, accountId: string | null) {
  const isOutgoing = accountId === row.payer_account_id;
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    payerAccountId: row.payer_account_id,
    payeeAccountId: row.payee_account_id,
    amountMinor: row.amount_minor,
    description: row.description,
    relatedTransferId: row.related_transfer_id,
    origin: row.origin,
    originId: row.origin_id,
    createdAt: row.created_at.toISOString(),
    /** Seen from the account asked about: signed amount and balance after. */
    direction: accountId === null ? null : isOutgoing ? ('out' as const) : ('in' as const),
    balanceAfterMinor:
      accountId === null ? null : isOutgoing ? row.payer_balance_after : row.payee_balance_after,
  };
}

function accountView(
  row: CurrencyAccountTable & { organisation_name: string | null },
  now: Date,
  rebalanceAfterMonths: number,
) {
  return {
    id: row.id,
    kind: row.kind,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name ?? '',
    accountType: row.account_type,
    balanceMinor: row.balance_minor,
    pendingDebitMinor: row.pending_debit_minor,
    pendingCreditMinor: row.pending_credit_minor,
    creditLimitMinor: row.credit_limit_minor,
    hasOwnLimit: row.has_own_limit,
    maxBalanceMinor: row.max_balance_minor,
    availableMinor: availableToSpend({
      id: row.id,
      balanceMinor: row.balance_minor,
      pendingDebitMinor: row.pending_debit_minor,
      pendingCreditMinor: row.pending_credit_minor,
      creditLimitMinor: row.status === 'closing' ? 0 : row.credit_limit_minor,
      maxBalanceMinor: row.max_balance_minor,
      status: row.status,
    }),
    status: row.status,
    negativeSince: row.negative_since?.toISOString() ?? null,
    needsRebalancing:
      row.negative_since !== null && row.negative_since < monthsBefore(now, rebalanceAfterMonths),
    lastTransferAt: row.last_transfer_at?.toISOString() ?? null,
  };
}

export class CurrencyService {
  private readonly idempotency: Idempotency;
  readonly ledger: LedgerWriter;

  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.ledger = new LedgerWriter(audit);
    this.idempotency = new Idempotency(db, clock, new WriteBatcher(db, audit), this.ledger);
  }

  /** For the other currency services: idempotent writes with the same rules. */
  get writes(): Idempotency {
    return this.idempotency;
  }

  async requireCurrency(db: Queryable, clusterId: string): Promise<CurrencyTable> {
    const currency = await currencyRepo.find(db, clusterId);
    if (!currency) throw notFound('currency.not_set_up');
    return currency;
  }

  /** Whether the viewer may act for the account: a mandate for its organisation, or, for the
   *  cluster's own account, the coordinator's role. */
  async mayActFor(db: Queryable, access: ClusterAccess, account: CurrencyAccountTable): Promise<boolean> {
    if (!access.actor) return false;
    if (account.kind === 'fee') return Access.can(access, 'currency.manage');
    const acting = await accountRepo.actingFor(
      db,
      access.cluster.id,
      access.actor.personId,
      isoDay(this.clock()),
    );
    return acting.some((a) => a.account_id === account.id);
  }

  /** Loads an account the viewer may act for (or, with `read`, that a coordinator may look at). */
  async accountOf(
    db: Queryable,
    access: ClusterAccess,
    accountId: string,
    purpose: 'act' | 'read',
  ): Promise<CurrencyAccountTable & { organisation_name: string | null }> {
    const found = await accountRepo.findWithMandate(
      db,
      access.cluster.id,
      accountId,
      access.actor?.personId ?? null,
      isoDay(this.clock()),
    );
    if (!found) throw notFound('currency.account_not_found');
    const { has_mandate: hasMandate, ...account } = found;
    if (purpose === 'read' && Access.can(access, 'currency.manage')) return account;
    const mayAct = account.kind === 'fee' ? Access.can(access, 'currency.manage') : hasMandate;
    if (!access.actor || !mayAct) throw forbidden();
    return account;
  }

  /** The currency page: public settings, and the accounts the viewer acts for. */
  async overview(actor: Actor, slug: string) {
    const access = await this.access.read(actor, slug);
    const currency = await currencyRepo.find(this.db, access.cluster.id);
    const mayManage = Access.can(access, 'currency.manage');
    const myAccounts =
      currency && actor
        ? await accountRepo.actingFor(this.db, access.cluster.id, actor.personId, isoDay(this.clock()))
        : [];
    const feeAccount =
      currency && mayManage ? await accountRepo.feeAccount(this.db, access.cluster.id) : undefined;
    return {
      currency: currency
        ? currencyView(currency, await currencyRepo.accountTypes(this.db, access.cluster.id))
        : null,
      myAccounts: [
        ...myAccounts.map((a) => ({
          accountId: a.account_id,
          organisationId: a.organisation_id,
          name: a.organisation_name,
          kind: 'member' as const,
        })),
        ...(feeAccount
          ? [{ accountId: feeAccount.id, organisationId: null, name: '', kind: 'fee' as const }]
          : []),
      ],
      can: { manage: mayManage, setUp: mayManage && !currency },
    };
  }

  /** Creates the currency (opening an account for every active member) or changes its settings. */
  async saveSettings(actor: Actor, slug: string, input: CurrencySettingsInput) {
    const access = await this.access.require(actor, slug, 'currency.manage');
    const clusterId = access.cluster.id;
    const now = this.clock();
    await this.db.transaction().execute(async (tx) => {
      const existing = await currencyRepo.findForUpdate(tx, clusterId);
      const fields = {
        name: input.name.trim(),
        code: input.code,
        symbol: input.symbol.trim(),
        decimals: input.decimals,
        euro_value: input.euroValue,
        fee_basis_points: input.feeBasisPoints,
        rebalance_after_months: input.rebalanceAfterMonths,
        limit_growth_basis_points: input.limitGrowth?.basisPoints ?? null,
        limit_growth_cap_minor: input.limitGrowth?.capMinor ?? null,
        clearing_needs_confirmation: input.clearingNeedsConfirmation,
        updated_at: now,
      };
      if (existing && (existing.code !== input.code || existing.decimals !== input.decimals)) {
        throw conflict('currency.already_set_up', existing.code !== input.code ? 'code' : 'decimals');
      }
      if (existing) await currencyRepo.update(tx, clusterId, fields);
      else await currencyRepo.insert(tx, { cluster_id: clusterId, ...fields, created_at: now });
      for (const type of input.accountTypes) {
        await currencyRepo.upsertAccountType(tx, {
          cluster_id: clusterId,
          account_type: type.accountType,
          credit_limit_minor: type.creditLimitMinor,
          max_balance_minor: type.maxBalanceMinor,
        });
      }
      // Accounts without a limit of their own follow their type's defaults.
      const types = await currencyRepo.accountTypes(tx, clusterId);
      for (const type of types) await accountRepo.applyTypeDefaults(tx, type);
      if (!existing) {
        await accountRepo.insert(tx, {
          cluster_id: clusterId,
          id: newId(),
          organisation_id: null,
          kind: 'fee',
          account_type: 'cluster',
          balance_minor: 0,
          pending_debit_minor: 0,
          pending_credit_minor: 0,
          credit_limit_minor: 0,
          has_own_limit: false,
          max_balance_minor: null,
          received_total_minor: 0,
          status: 'active',
          negative_since: null,
          last_transfer_at: null,
          created_at: now,
        });
        const members = await accountRepo.activeMembersWithoutAccount(tx, clusterId);
        for (const member of members) await this.openAccount(tx, clusterId, member, types, now);
      }
      await this.audit.record(tx, clusterId, {
        action: existing ? 'currency.settings_changed' : 'currency.created',
        isPublic: true,
        payload: {
          ...currencyView({ cluster_id: clusterId, ...fields, created_at: now } as CurrencyTable, types),
          by: access.actor.personId,
        },
      });
    });
    return this.overview(actor, slug);
  }

  /** Opens the account of an organisation that became an active member (or reopens it). */
  async openAccount(
    tx: Tx,
    clusterId: string,
    organisation: { id: string; sector: string },
    types: readonly CurrencyAccountTypeTable[],
    now: Date,
  ): Promise<void> {
    const type = types.find((t) => t.account_type === organisation.sector);
    await accountRepo.insertIfMissing(tx, {
      cluster_id: clusterId,
      id: newId(),
      organisation_id: organisation.id,
      kind: 'member',
      account_type: organisation.sector,
      balance_minor: 0,
      pending_debit_minor: 0,
      pending_credit_minor: 0,
      credit_limit_minor: type?.credit_limit_minor ?? 0,
      has_own_limit: false,
      max_balance_minor: type?.max_balance_minor ?? null,
      received_total_minor: 0,
      status: 'active',
      negative_since: null,
      last_transfer_at: null,
      created_at: now,
    });
  }

  /**
   * Follows a membership change (called by the organisation service inside its transaction,
   * before it writes to the audit chain): admission opens an account, suspension freezes it,
   * reinstatement unfreezes it, leaving starts the exit — a positive balance can still be spent,
   * a negative one must be rebalanced, and the account closes when it is settled.
   */
  async followMembership(
    tx: Tx,
    clusterId: string,
    organisation: { id: string; sector: string },
    to: string,
    by: string,
    now: Date,
  ) {
    const currency = await currencyRepo.find(tx, clusterId);
    if (!currency) return;
    await this.audit.lockHead(tx, clusterId);
    if (to === 'active') {
      await this.openAccount(
        tx,
        clusterId,
        organisation,
        await currencyRepo.accountTypes(tx, clusterId),
        now,
      );
    }
    const account = await accountRepo.ofOrganisation(tx, clusterId, organisation.id);
    if (!account) return;
    const [locked] = await accountRepo.lockInIdOrder(tx, clusterId, [account.id]);
    if (!locked || locked.status === 'closed') return;
    const next =
      to === 'suspended'
        ? 'frozen'
        : to === 'active'
          ? 'active'
          : to === 'left'
            ? locked.balance_minor === 0 &&
              locked.pending_debit_minor === 0 &&
              locked.pending_credit_minor === 0
              ? 'closed'
              : 'closing'
            : locked.status;
    if (next === locked.status) return;
    await accountRepo.update(tx, clusterId, locked.id, { status: next });
    await limitChangeRepo.insert(tx, {
      cluster_id: clusterId,
      id: newId(),
      account_id: locked.id,
      field: 'status',
      old_value: locked.status,
      new_value: next,
      reason: `membership: ${to}`,
      changed_by: by,
      changed_at: now,
    });
  }

  async accounts(
    actor: Actor,
    slug: string,
    query: {
      limit: number;
      cursor?: string;
      status?: CurrencyAccountTable['status'];
      needsRebalancing?: boolean;
      q?: string;
    },
  ) {
    const access = await this.access.require(actor, slug, 'currency.manage');
    const currency = await this.requireCurrency(this.db, access.cluster.id);
    const now = this.clock();
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await accountRepo.list(
      this.db,
      access.cluster.id,
      {
        status: query.status,
        needsRebalancingBefore: query.needsRebalancing
          ? monthsBefore(now, currency.rebalance_after_months)
          : undefined,
        search: query.q?.trim() || undefined,
      },
      after,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [row.organisation_name, row.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => accountView(row, now, currency.rebalance_after_months)),
    };
  }

  /** Accounts a member may pay or ask to be paid by (names only, no balances). */
  async payees(actor: Actor, slug: string, q: string | undefined) {
    const access = await this.access.require(actor, slug, 'currency.use');
    await this.requireCurrency(this.db, access.cluster.id);
    const rows = await accountRepo.payees(this.db, access.cluster, q?.trim() || undefined, 20);
    return {
      items: rows.map((row) => ({ accountId: row.id, name: row.name, kind: row.kind, status: row.status })),
    };
  }

  async wallet(actor: Actor, slug: string, accountId: string) {
    const access = await this.access.require(actor, slug, 'currency.use');
    const currency = await this.requireCurrency(this.db, access.cluster.id);
    const account = await this.accountOf(this.db, access, accountId, 'read');
    const changes = await this.db
      .selectFrom('currency_limit_change as c')
      .leftJoin('person', 'person.id', 'c.changed_by')
      .select([
        'c.id',
        'c.field',
        'c.old_value',
        'c.new_value',
        'c.reason',
        'c.changed_at',
        'person.display_name',
      ])
      .where('c.cluster_id', '=', access.cluster.id)
      .where('c.account_id', '=', accountId)
      .orderBy('c.changed_at', 'desc')
      .limit(50)
      .execute();
    return {
      ...accountView(account, this.clock(), currency.rebalance_after_months),
      feeBasisPoints: currency.fee_basis_points,
      mayAct: await this.mayActFor(this.db, access, account),
      limitChanges: changes.map((c) => ({
        id: c.id,
        field: c.field,
        oldValue: c.old_value,
        newValue: c.new_value,
        reason: c.reason,
        changedAt: c.changed_at.toISOString(),
        changedBy: c.display_name ?? null,
      })),
    };
  }

  async history(
    actor: Actor,
    slug: string,
    accountId: string,
    query: { limit: number; cursor?: string } & HistoryFilter,
  ) {
    const access = await this.access.require(actor, slug, 'currency.use');
    await this.accountOf(this.db, access, accountId, 'read');
    const after = decodeCursor(query.cursor, 1) as [number] | null;
    const rows = await transferRepo.history(
      this.db,
      access.cluster.id,
      accountId,
      {
        direction: query.direction,
        search: query.search?.trim() || undefined,
        from: query.from,
        until: query.until,
      },
      after ? Number(after[0]) : null,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [Number(row.seq)]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        ...transferView({ ...row, seq: Number(row.seq) }, accountId),
        counterpartyName: row.counterparty_name,
        counterpartyKind: row.counterparty_kind ?? 'member',
      })),
    };
  }

  /** The whole history (or a period of it) as CSV rows, newest first, bounded. */
  async exportRows(actor: Actor, slug: string, accountId: string, filter: HistoryFilter) {
    const access = await this.access.require(actor, slug, 'currency.use');
    const currency = await this.requireCurrency(this.db, access.cluster.id);
    await this.accountOf(this.db, access, accountId, 'read');
    const rows = await transferRepo.history(
      this.db,
      access.cluster.id,
      accountId,
      filter,
      null,
      EXPORT_MAX_ROWS,
    );
    if (rows.length > EXPORT_MAX_ROWS)
      throw badRequest('currency.export_too_large', undefined, { max: EXPORT_MAX_ROWS });
    return {
      decimals: currency.decimals,
      code: currency.code,
      rows: rows.map((row) => ({
        ...transferView({ ...row, seq: Number(row.seq) }, accountId),
        counterpartyName: row.counterparty_name,
      })),
    };
  }

  async activity(actor: Actor, slug: string, accountId: string) {
    const access = await this.access.require(actor, slug, 'currency.use');
    await this.accountOf(this.db, access, accountId, 'read');
    const now = this.clock();
    const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
    const rows = await transferRepo.monthlyActivity(this.db, access.cluster.id, accountId, since);
    const months = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + i, 1));
      return d.toISOString().slice(0, 7);
    });
    return {
      months: months.map((month) => {
        const row = rows.find((r) => r.month === month);
        return {
          month,
          incomeMinor: Number(row?.income ?? 0),
          spendingMinor: Number(row?.spending ?? 0),
          transfers: row?.transfers ?? 0,
        };
      }),
    };
  }

  /** The confirmation step: what the payment would cost and leave, without writing anything. */
  async quote(actor: Actor, slug: string, accountId: string, toAccountId: string, amountMinor: number) {
    const access = await this.access.require(actor, slug, 'currency.use');
    const currency = await this.requireCurrency(this.db, access.cluster.id);
    const payer = await this.accountOf(this.db, access, accountId, 'act');
    const payee = await accountRepo.find(this.db, access.cluster.id, toAccountId);
    if (!payee) throw notFound('currency.account_not_found');
    const fee = payee.kind === 'fee' || payer.kind === 'fee' ? 0 : feeFor(currency, amountMinor);
    const state = (row: CurrencyAccountTable) => ({
      id: row.id,
      balanceMinor: row.balance_minor,
      pendingDebitMinor: row.pending_debit_minor,
      pendingCreditMinor: row.pending_credit_minor,
      creditLimitMinor: row.credit_limit_minor,
      maxBalanceMinor: row.max_balance_minor,
      status: row.status,
    });
    const outcome = pay(state(payer), state(payee), amountMinor + fee);
    return {
      amountMinor,
      feeMinor: fee,
      payeeName: payee.organisation_name ?? '',
      balanceAfterMinor: payer.balance_minor - amountMinor - fee,
      availableAfterMinor: availableToSpend(state(payer)) - amountMinor - fee,
      refusal: outcome.ok ? null : outcome.refusal,
    };
  }

  private paymentView(written: Written, accountId: string) {
    return {
      transfer: transferView(written.transfer, accountId),
      feeMinor: written.fee?.amount_minor ?? 0,
      balanceAfterMinor: written.payer.balance_minor,
    };
  }

  async pay(
    actor: Actor,
    slug: string,
    accountId: string,
    input: { toAccountId: string; amountMinor: number; description: string },
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'currency.use');
    if (!isValidAmount(input.amountMinor)) throw badRequest('currency.amount_invalid', 'amountMinor');
    if (input.toAccountId === accountId) throw badRequest('currency.same_account', 'toAccountId');
    // Whether the actor may pay from the account is decided in the batch that writes the payment,
    // by the statement that locks the accounts (as `accountOf` would decide it, one round trip less).
    return this.idempotency.runTransfer(
      {
        clusterId: access.cluster.id,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `payment:${accountId}`,
        body: input,
      },
      {
        kind: 'payment',
        payerAccountId: accountId,
        payeeAccountId: input.toAccountId,
        amountMinor: input.amountMinor,
        description: input.description.trim(),
        createdBy: access.actor.personId,
        actedForBy: {
          personId: access.actor.personId,
          mayManageCurrency: Access.can(access, 'currency.manage'),
        },
      },
      (written) => this.paymentView(written, accountId),
    );
  }

  /** A coordinator's correction: the payment is undone by a new transfer that points at it. */
  async reverse(
    actor: Actor,
    slug: string,
    transferId: string,
    reason: string,
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'currency.manage');
    if (reason.trim() === '') throw badRequest('currency.reason_required', 'reason');
    const currency = await this.requireCurrency(this.db, access.cluster.id);
    return this.idempotency.run(
      {
        clusterId: access.cluster.id,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `reversal:${transferId}`,
        body: { reason },
      },
      async (tx) => {
        const original = await transferRepo.find(tx, access.cluster.id, transferId);
        if (!original) throw notFound('currency.transfer_not_found');
        if (!['payment', 'adjustment', 'fee'].includes(original.kind))
          throw conflict('currency.not_reversible', 'transferId');
        if (await transferRepo.isResolved(tx, access.cluster.id, transferId))
          throw conflict('currency.not_reversible', 'transferId');
        const written = await this.ledger.write(
          tx,
          currency,
          {
            kind: 'reversal',
            payerAccountId: original.payee_account_id,
            payeeAccountId: original.payer_account_id,
            amountMinor: Number(original.amount_minor),
            description: reason.trim(),
            relatedTransferId: original.id,
            createdBy: access.actor.personId,
          },
          this.clock(),
        );
        return { transfer: transferView(written.transfer, null) };
      },
    );
  }

  /** A coordinator's adjustment (e.g. rebalancing a leaving member's debt): may pass the limits, says why. */
  async adjust(
    actor: Actor,
    slug: string,
    input: { fromAccountId: string; toAccountId: string; amountMinor: number; reason: string },
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'currency.manage');
    if (input.reason.trim() === '') throw badRequest('currency.reason_required', 'reason');
    if (!isValidAmount(input.amountMinor)) throw badRequest('currency.amount_invalid', 'amountMinor');
    const currency = await this.requireCurrency(this.db, access.cluster.id);
    return this.idempotency.run(
      {
        clusterId: access.cluster.id,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: 'adjustment',
        body: input,
      },
      async (tx) => {
        const written = await this.ledger.write(
          tx,
          currency,
          {
            kind: 'adjustment',
            payerAccountId: input.fromAccountId,
            payeeAccountId: input.toAccountId,
            amountMinor: input.amountMinor,
            description: input.reason.trim(),
            createdBy: access.actor.personId,
          },
          this.clock(),
        );
        return { transfer: transferView(written.transfer, null) };
      },
    );
  }

  /** Raise or lower a limit, freeze or unfreeze: every change logged with its reason, seen by the member. */
  async changeAccount(
    actor: Actor,
    slug: string,
    accountId: string,
    change: AccountChange,
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'currency.manage');
    const reason = change.reason.trim();
    if (reason === '') throw badRequest('currency.reason_required', 'reason');
    await this.requireCurrency(this.db, access.cluster.id);
    const clusterId = access.cluster.id;
    await this.idempotency.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `account:${accountId}`,
        body: change,
      },
      async (tx) => {
        const [account] = await accountRepo.lockInIdOrder(tx, clusterId, [accountId]);
        if (!account) throw notFound('currency.account_not_found');
        const now = this.clock();
        const log: {
          field: 'credit_limit' | 'max_balance' | 'status';
          old: string | null;
          next: string | null;
        }[] = [];
        const patch: Partial<CurrencyAccountTable> = {};
        if (change.creditLimitMinor !== undefined && change.creditLimitMinor !== account.credit_limit_minor) {
          patch.credit_limit_minor = change.creditLimitMinor;
          patch.has_own_limit = true;
          log.push({
            field: 'credit_limit',
            old: String(account.credit_limit_minor),
            next: String(change.creditLimitMinor),
          });
        }
        if (change.maxBalanceMinor !== undefined && change.maxBalanceMinor !== account.max_balance_minor) {
          patch.max_balance_minor = change.maxBalanceMinor;
          patch.has_own_limit = true;
          log.push({
            field: 'max_balance',
            old: account.max_balance_minor === null ? null : String(account.max_balance_minor),
            next: change.maxBalanceMinor === null ? null : String(change.maxBalanceMinor),
          });
        }
        if (change.status !== undefined && change.status !== account.status) {
          if (!['active', 'frozen'].includes(account.status)) {
            throw conflict('currency.status_change_not_allowed', 'status', {
              from: account.status,
              to: change.status,
            });
          }
          patch.status = change.status;
          log.push({ field: 'status', old: account.status, next: change.status });
        }
        if (log.length === 0) return { changed: 0 };
        await accountRepo.update(tx, clusterId, accountId, patch);
        for (const entry of log) {
          await limitChangeRepo.insert(tx, {
            cluster_id: clusterId,
            id: newId(),
            account_id: accountId,
            field: entry.field,
            old_value: entry.old,
            new_value: entry.next,
            reason,
            changed_by: access.actor.personId,
            changed_at: now,
          });
        }
        await this.audit.record(tx, clusterId, {
          action: 'currency.account_changed',
          isPublic: false,
          payload: { accountId, changes: log, by: access.actor.personId },
        });
        return { changed: log.length };
      },
    );
    return this.wallet(actor, slug, accountId);
  }

  /** Closes a settled account of a member that left. */
  async closeAccount(actor: Actor, slug: string, accountId: string, idempotencyKey: string | undefined) {
    const access = await this.access.require(actor, slug, 'currency.manage');
    const clusterId = access.cluster.id;
    await this.idempotency.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `close:${accountId}`,
        body: null,
      },
      async (tx) => {
        const [account] = await accountRepo.lockInIdOrder(tx, clusterId, [accountId]);
        if (!account) throw notFound('currency.account_not_found');
        if (account.status === 'closed') return { closed: true };
        if (
          account.balance_minor !== 0 ||
          account.pending_debit_minor !== 0 ||
          account.pending_credit_minor !== 0
        ) {
          throw refusalError('currency.account_not_settled', 'accountId');
        }
        await accountRepo.update(tx, clusterId, accountId, { status: 'closed' });
        await limitChangeRepo.insert(tx, {
          cluster_id: clusterId,
          id: newId(),
          account_id: accountId,
          field: 'status',
          old_value: account.status,
          new_value: 'closed',
          reason: 'closed',
          changed_by: access.actor.personId,
          changed_at: this.clock(),
        });
        await this.audit.record(tx, clusterId, {
          action: 'currency.account_closed',
          isPublic: false,
          payload: { accountId, by: access.actor.personId },
        });
        return { closed: true };
      },
    );
    return this.wallet(actor, slug, accountId);
  }
}
