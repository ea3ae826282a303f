/**
 * Finding things by a part of their name or text, as people type it: whatever the case and the
 * accents, so "janis" finds Jānis, "ECOLE" finds École and "rezekne" finds Rēzekne. Both sides are
 * folded alike: accents removed (the unaccent extension, migrations/0016) and letters lowered (Unicode
 * case, see embedded-postgres.ts).
 */
import { type Expression, type RawBuilder, sql } from 'kysely';

/** Escapes LIKE's wildcards, so that what was typed matches as itself. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A text as searches compare it: without accents, in lower case. */
export const folded = (text: Expression<string> | RawBuilder<string> | string) =>
  sql<string>`lower(unaccent(${text}))`;

/**
 * Whether the column contains the typed text, both folded. The typed side is folded once, in a
 * one-row subquery, rather than again for every row compared.
 */
export const containsText = (column: string | RawBuilder<string>, text: string) =>
  containsInFolded(folded(typeof column === 'string' ? sql.ref(column) : column), text);

/**
 * Whether a text folded when it was written (a generated column of `kopa_fold`, as organisation
 * names are kept) contains the typed text, folded alike.
 */
export const containsInFolded = (foldedColumn: string | RawBuilder<string>, text: string) =>
  sql<boolean>`${typeof foldedColumn === 'string' ? sql.ref(foldedColumn) : foldedColumn} like (select '%' || ${folded(escapeLike(text))} || '%')`;
