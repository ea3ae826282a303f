/**
 * The marketplace's fixed catalogue of categories and the limits of a listing. Labels live in the
 * translations, keyed by code, so a listing reads the same category in every language.
 */
export const LISTING_CATEGORIES = [
  'food',
  'crafts',
  'construction',
  'energy',
  'services',
  'culture',
  'tourism',
  'transport',
  'training',
  'other',
] as const;
export type ListingCategory = (typeof LISTING_CATEGORIES)[number];

export const LISTING_KINDS = ['offer', 'want'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export const LISTING_STATUSES = ['active', 'paused', 'closed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const ORDER_STATUSES = ['pending', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const LISTING_LIMITS = {
  titleLength: 120,
  descriptionLength: 5000,
  locationLength: 160,
  answerLength: 2000,
  orderNoteLength: 1000,
  maxQuantity: 10_000,
  photosPerListing: 6,
  altTextLength: 200,
} as const;

/** A closed listing stays closed; an active one can be paused and resumed. */
export function mayChangeStatus(from: ListingStatus, to: ListingStatus): boolean {
  return from !== 'closed' || to === 'closed';
}
