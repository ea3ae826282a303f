/** Lists of requests and recurring payments: newest first, keyset-paged by creation time and id. */
import { badRequest } from '../../platform/errors.ts';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.ts';

/** The rows after this cursor: the last item's creation time and id. */
export function decodeTimeCursor(cursor: string | undefined): readonly [Date, string] | null {
  const after = decodeCursor(cursor, 2);
  if (!after) return null;
  const [createdAt, id] = after;
  const time = new Date(String(createdAt));
  if (Number.isNaN(time.getTime())) throw badRequest('validation.format', 'cursor');
  return [time, String(id)];
}

/** One page of rows fetched with one extra, presented, with the cursor of the next page. */
export function newestFirstPage<R extends { created_at: Date; id: string }, V>(
  rows: R[],
  limit: number,
  present: (row: R) => V,
): Page<V> {
  const page = toPage(rows, limit, (row) => [row.created_at.toISOString(), row.id]);
  return { nextCursor: page.nextCursor, items: page.items.map(present) };
}
