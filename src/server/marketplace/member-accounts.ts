/**
 * Which currency accounts a reader acts for in the marketplace. Listings, answers and orders belong
 * to member organisations; the cluster's own fee account does not trade here.
 */

import { accountRepo } from '../currency/repo.ts';
import type { CurrencyService } from '../currency/service.ts';
import type { ClusterAccess } from '../platform/access.ts';
import { type Clock, isoDay } from '../platform/clock.ts';
import type { Queryable } from '../platform/database.ts';
import { badRequest } from '../platform/errors.ts';

export class MemberAccounts {
  constructor(
    private readonly currency: CurrencyService,
    private readonly clock: Clock,
  ) {}

  /** The member accounts the reader acts for today (none for an anonymous reader). */
  async actingFor(db: Queryable, access: ClusterAccess) {
    if (!access.actor) return [];
    return accountRepo.actingFor(db, access.cluster.id, access.actor.personId, isoDay(this.clock()));
  }

  async idsActingFor(db: Queryable, access: ClusterAccess): Promise<string[]> {
    return (await this.actingFor(db, access)).map((account) => account.account_id);
  }

  /** A member account the reader acts for: 404 when unknown here, 403 when someone else's. */
  async requireActing(db: Queryable, access: ClusterAccess, accountId: string, field = 'accountId') {
    const account = await this.currency.accountOf(db, access, accountId, 'act');
    if (account.kind !== 'member') throw badRequest('marketplace.member_account_required', field);
    return account;
  }
}
