/** What clients see of listings, answers and orders: never the database's shape, never a balance. */
import type { ListingRow, OrderRow } from './repo.ts';

const SUMMARY_LENGTH = 240;

/** The start of a description for a search card, cut at a word where one is near. */
export function summaryOf(description: string): string {
  if (description.length <= SUMMARY_LENGTH) return description;
  const cut = description.slice(0, SUMMARY_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > SUMMARY_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

const listingFields = (row: ListingRow) => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  category: row.category,
  priceMinor: row.price_minor,
  priceEuroCents: row.price_euro_cents,
  currencySharePercent: row.currency_share_percent,
  location: row.location,
  status: row.status,
  accountId: row.account_id,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export function listingCardView(
  row: ListingRow & { cover_photo_id: string | null; cover_alt_text: string | null },
) {
  return {
    ...listingFields(row),
    summary: summaryOf(row.description),
    coverPhoto: row.cover_photo_id ? { id: row.cover_photo_id, altText: row.cover_alt_text ?? '' } : null,
  };
}

export function listingView(
  row: ListingRow,
  photos: readonly { id: string; alt_text: string; position: number; content_type: string }[],
  mayEdit: boolean,
) {
  return {
    ...listingFields(row),
    description: row.description,
    photos: photos.map((p) => ({
      id: p.id,
      altText: p.alt_text,
      position: p.position,
      contentType: p.content_type,
    })),
    mayEdit,
  };
}

export function answerView(row: {
  id: string;
  account_id: string;
  thread_account_id: string;
  message: string;
  created_at: Date;
  organisation_name: string;
  conversation_name: string;
  author_name: string;
}) {
  return {
    id: row.id,
    fromAccountId: row.account_id,
    conversationAccountId: row.thread_account_id,
    conversationOrganisationName: row.conversation_name,
    isReply: row.account_id !== row.thread_account_id,
    fromOrganisationName: row.organisation_name,
    authorName: row.author_name,
    message: row.message,
    createdAt: row.created_at.toISOString(),
  };
}

export function orderView(row: OrderRow) {
  return {
    id: row.id,
    listingId: row.listing_id,
    listingTitle: row.listing_title,
    buyerAccountId: row.buyer_account_id,
    buyerName: row.buyer_name,
    sellerAccountId: row.seller_account_id,
    sellerName: row.seller_name,
    quantity: row.quantity,
    amountMinor: row.amount_minor,
    note: row.note,
    status: row.status,
    cancelledBySide: row.cancelled_by_side,
    holdTransferId: row.hold_transfer_id,
    resolutionTransferId: row.resolution_transfer_id,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}
