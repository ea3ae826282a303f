/**
 * Trusted payees: a payer's standing consent — "pay requests from this account automatically, up
 * to this amount". Only requests made after the consent are paid by it; the list is the payer's
 * to keep, and every change is on the audit chain.
 */
import { isValidAmount } from '../../../domain/currency/ledger.ts';
import type { Access } from '../../platform/access.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { accountRepo } from '../repo.ts';
import type { CurrencyService } from '../service.ts';
import { type TrustedPayeeRow, trustedPayeeRepo } from './repo.ts';

export function trustedPayeeView(row: TrustedPayeeRow) {
  return {
    payeeAccountId: row.payee_account_id,
    payeeName: row.payee_name,
    maxAmountMinor: row.max_amount_minor,
    createdAt: row.created_at.toISOString(),
  };
}

export class TrustedPayeeService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly currency: CurrencyService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, slug: string, accountId: string, query: { limit: number; cursor?: string }) {
    const access = await this.access.require(actor, slug, 'currency.use');
    await this.currency.accountOf(this.db, access, accountId, 'read');
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await trustedPayeeRepo.list(this.db, access.cluster.id, accountId, after, query.limit);
    const page = toPage(rows, query.limit, (row) => [row.payee_name, row.payee_account_id]);
    return { nextCursor: page.nextCursor, items: page.items.map(trustedPayeeView) };
  }

  /** Trusts the payee up to the amount (or changes the amount). */
  async trust(
    actor: Actor,
    slug: string,
    accountId: string,
    payeeAccountId: string,
    maxAmountMinor: number,
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'currency.use');
    const clusterId = access.cluster.id;
    if (!isValidAmount(maxAmountMinor)) throw badRequest('currency.amount_invalid', 'maxAmountMinor');
    if (payeeAccountId === accountId) throw badRequest('currency.same_account', 'payeeAccountId');
    await this.currency.requireCurrency(this.db, clusterId);
    await this.currency.accountOf(this.db, access, accountId, 'act');
    return this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `trusted-payee-set:${accountId}:${payeeAccountId}`,
        body: { maxAmountMinor },
      },
      async (tx) => {
        const payee = await accountRepo.find(tx, clusterId, payeeAccountId);
        if (!payee) throw notFound('currency.account_not_found');
        await trustedPayeeRepo.upsert(tx, {
          cluster_id: clusterId,
          payer_account_id: accountId,
          payee_account_id: payeeAccountId,
          max_amount_minor: maxAmountMinor,
          created_at: this.clock(),
        });
        await this.audit.record(tx, clusterId, {
          action: 'currency.trusted_payee_set',
          isPublic: false,
          payload: {
            payerAccountId: accountId,
            payeeAccountId,
            maxAmountMinor,
            by: access.actor.personId,
          },
        });
        const row = await trustedPayeeRepo.find(tx, clusterId, accountId, payeeAccountId);
        return trustedPayeeView(row as TrustedPayeeRow);
      },
    );
  }

  async distrust(
    actor: Actor,
    slug: string,
    accountId: string,
    payeeAccountId: string,
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'currency.use');
    const clusterId = access.cluster.id;
    await this.currency.accountOf(this.db, access, accountId, 'act');
    return this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `trusted-payee-remove:${accountId}:${payeeAccountId}`,
        body: null,
      },
      async (tx) => {
        if (!(await trustedPayeeRepo.remove(tx, clusterId, accountId, payeeAccountId))) {
          throw notFound('trusted_payee.not_found');
        }
        await this.audit.record(tx, clusterId, {
          action: 'currency.trusted_payee_removed',
          isPublic: false,
          payload: { payerAccountId: accountId, payeeAccountId, by: access.actor.personId },
        });
        return { payeeAccountId, removed: true };
      },
    );
  }
}
