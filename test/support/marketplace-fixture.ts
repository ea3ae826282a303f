/**
 * Listings and orders made through the API, as a member's representative would, with a fresh
 * idempotency key per write — for the marketplace's API and tenant-isolation tests.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/platform/database.ts';
import type { ApiClient, ApiResponse } from './api-client.ts';
import type { CurrencyCluster, TestMember } from './currency-fixture.ts';

/** A real 1×1 PNG image. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const marketplaceBase = (slug: string) => `/api/v1/clusters/${slug}/marketplace`;

/** A write with a fresh idempotency key (or the one given). */
export function keyed(
  client: ApiClient,
  method: string,
  url: string,
  body?: unknown,
  key: string = randomUUID(),
): Promise<ApiResponse> {
  return client.request(method, url, body, { 'idempotency-key': key });
}

export const OFFER = {
  kind: 'offer',
  title: 'Olive oil, 1 litre',
  description: 'Cold-pressed extra virgin olive oil from our own groves.',
  category: 'food',
  priceMinor: 12_00,
  priceEuroCents: null,
  currencySharePercent: 100,
  location: 'Messina',
};

export async function publish(
  cluster: Pick<CurrencyCluster, 'slug'>,
  seller: Pick<TestMember, 'accountId' | 'representative'>,
  overrides: Record<string, unknown> = {},
) {
  const response = await keyed(
    seller.representative.client,
    'POST',
    `${marketplaceBase(cluster.slug)}/listings`,
    {
      ...OFFER,
      accountId: seller.accountId,
      ...overrides,
    },
  );
  if (response.status !== 201)
    throw new Error(`publish: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; title: string; accountId: string };
}

export function order(
  cluster: Pick<CurrencyCluster, 'slug'>,
  buyer: Pick<TestMember, 'accountId' | 'representative'>,
  listingId: string,
  quantity = 1,
  options: { key?: string; note?: string } = {},
) {
  return keyed(
    buyer.representative.client,
    'POST',
    `${marketplaceBase(cluster.slug)}/listings/${listingId}/orders`,
    { buyerAccountId: buyer.accountId, quantity, note: options.note ?? '' },
    options.key,
  );
}

export function memberAt(cluster: CurrencyCluster, index: number): TestMember {
  const found = cluster.members[index];
  if (!found) throw new Error(`no member ${index}`);
  return found;
}

/** How many rows of a marketplace or ledger table the cluster has: "nothing written" in numbers. */
export async function rowCount(
  db: Db,
  table:
    | 'marketplace_listing'
    | 'marketplace_photo'
    | 'marketplace_answer'
    | 'marketplace_order'
    | 'currency_transfer',
  clusterId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('cluster_id', '=', clusterId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The mails sent to an address, newest first. */
export function mailsTo(db: Db, email: string) {
  return db
    .selectFrom('mail_outbox')
    .select(['subject', 'body_text'])
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}
