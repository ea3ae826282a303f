/**
 * Comment threads are bounded in depth: a reply to a comment at the deepest level is refused, so a
 * thread stays readable and its path (the ids from the root down, joined by '/') stays short.
 */

export const MAX_COMMENT_DEPTH = 3;

export const COMMENT_ALIGNMENTS = ['for', 'against', 'neutral'] as const;
export type CommentAlignment = (typeof COMMENT_ALIGNMENTS)[number];

export interface ThreadPosition {
  readonly path: string;
  readonly depth: number;
}

/** Where a new comment sits: at the root, or under its parent; null when the parent is too deep. */
export function placeComment(id: string, parent: ThreadPosition | null): ThreadPosition | null {
  if (parent === null) return { path: id, depth: 0 };
  if (parent.depth >= MAX_COMMENT_DEPTH) return null;
  return { path: `${parent.path}/${id}`, depth: parent.depth + 1 };
}
