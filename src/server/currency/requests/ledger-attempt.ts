/**
 * A payment that is allowed to fail without failing the transaction around it: an automatic
 * payment of a trusted payee's request, or an occurrence of a recurring payment. The attempt runs
 * in a savepoint; when the ledger refuses (a limit, a frozen account), only the attempt is undone
 * and the caller records why. Anything else — a lost connection, a deadlock — still fails the
 * whole transaction, so it can be retried.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { ErrorCode } from '../../platform/i18n/server-messages.ts';

export type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: ErrorCode };

export async function attemptInSavepoint<T>(tx: Tx, work: () => Promise<T>): Promise<Attempt<T>> {
  await sql`SAVEPOINT ledger_attempt`.execute(tx);
  try {
    const value = await work();
    await sql`RELEASE SAVEPOINT ledger_attempt`.execute(tx);
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await sql`ROLLBACK TO SAVEPOINT ledger_attempt`.execute(tx);
    return { ok: false, refusal: error.code };
  }
}
