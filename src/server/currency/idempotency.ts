/**
 * Idempotent writes (the `Idempotency-Key` header): the write and the record of its answer commit
 * in one transaction, so a retry after a lost response — or a second request racing the first —
 * gets the original answer and never a second payment. The same key with a different body is a
 * 409. Deadlocks and serialisation failures are retried here, so none reaches the user. The
 * transaction is the cluster's next group commit (write-batcher.ts).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson } from '../../domain/transparency/audit-chain.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/database.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import type { LedgerWriter, TransferDraft, WriteOutcome, Written } from './ledger-writer.ts';
import { currencyRepo } from './repo.ts';
import type { Outcome, WriteBatcher } from './write-batcher.ts';

export interface IdempotentRequest {
  readonly clusterId: string;
  readonly personId: string;
  readonly key: string | undefined;
  /** What is being done, e.g. `payment` — part of the fingerprint with the body. */
  readonly operation: string;
  readonly body: unknown;
}

export interface IdempotentResult<T> {
  readonly value: T;
  readonly replayed: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,100}$/;
const RETRYABLE = new Set(['40P01', '40001']);
/** How often a deadlock or serialisation failure is tried again before it is let through. */
export const MAX_ATTEMPTS = 5;

/** Validates the header value; every currency write requires one. */
export function requireIdempotencyKey(key: string | undefined): string {
  if (key === undefined || !KEY_PATTERN.test(key)) {
    throw badRequest('currency.idempotency_key_required', 'Idempotency-Key');
  }
  return key;
}

const fingerprint = (operation: string, body: unknown) =>
  createHash('sha256')
    .update(canonicalJson({ operation, body: body ?? null }))
    .digest('hex');

const sqlState = (error: unknown) => (error as { code?: string }).code;

/** Deadlocks and serialisation failures: the database asks for the transaction to be run again. */
export const isRetryable = (error: unknown) => RETRYABLE.has(sqlState(error) ?? '');

/** A transfer to write with the others of its group commit, and how to answer for it. */
interface TransferItem {
  readonly request: IdempotentRequest;
  readonly key: string;
  readonly hash: string;
  readonly draft: TransferDraft;
  readonly answer: (written: Written) => unknown;
}

/** What a second request with a key already in the same group commit gets: replay it after. */
const keyTakenInBatch = () =>
  Object.assign(new Error('key taken'), { code: '23505', constraint: KEY_CONSTRAINT });
const KEY_CONSTRAINT = 'currency_idempotency_pkey';

export class Idempotency {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly batcher: WriteBatcher,
    private readonly ledger: LedgerWriter,
  ) {
    batcher.setBulkWriter((tx, items) => this.writeTransfers(tx, items as TransferItem[]));
  }

  /**
   * An idempotent transfer: like `run`, but written together with the other transfers of the
   * cluster's next group commit (one lock of all their accounts, one read of the currency's
   * settings, one check of all their keys, one insert of all their rows). The key is not looked
   * up beforehand: the batch's check finds a used key, and the request is then answered by replay.
   */
  async runTransfer<T>(
    request: IdempotentRequest,
    draft: TransferDraft,
    answer: (written: Written) => T,
  ): Promise<IdempotentResult<T>> {
    const key = requireIdempotencyKey(request.key);
    const hash = fingerprint(request.operation, request.body);
    return this.attempt(
      request,
      key,
      hash,
      () =>
        this.batcher.submitItem<T>(request.clusterId, {
          request,
          key,
          hash,
          draft,
          answer,
        } satisfies TransferItem),
      { isLookedUpFirst: false },
    );
  }

  private async writeTransfers(tx: Tx, items: readonly TransferItem[]): Promise<Outcome[]> {
    const now = this.clock();
    const first = items[0];
    if (!first) return [];
    // The batch's first statement takes the head; keys already used — by an earlier request, or
    // twice in this batch — are answered by a replay and never fail the batch's one insert.
    const batch = await currencyRepo.lockForBatch(
      tx,
      first.request.clusterId,
      items.map((item) => ({ personId: item.request.personId, key: item.key })),
    );
    if (!batch) throw notFound('currency.not_set_up');
    const { currency, held, usedKeys: seen } = batch;
    const outcomes: (Outcome | null)[] = items.map((item) => {
      const owner = `${item.request.personId} ${item.key}`;
      if (seen.has(owner)) return { ok: false, error: keyTakenInBatch() };
      seen.add(owner);
      return null;
    });
    const fresh = items.filter((_, index) => outcomes[index] === null);
    if (fresh.length === 0) return outcomes as Outcome[];
    // Each answer is recorded under its key in the statement that appends the audit events.
    const answers = new Map<TransferItem, unknown>();
    const written = await this.ledger.writeMany(
      tx,
      currency,
      fresh.map((item) => item.draft),
      now,
      held,
      (results) => {
        const rows = results.flatMap((result, index) => {
          if (!result.ok) return [];
          const item = fresh[index] as TransferItem;
          const value = item.answer(result.written);
          answers.set(item, value);
          return [
            {
              cluster_id: item.request.clusterId,
              person_id: item.request.personId,
              idempotency_key: item.key,
              operation: item.request.operation,
              request_hash: item.hash,
              response: sql`${JSON.stringify(value)}::jsonb`,
              created_at: now,
            },
          ];
        });
        return rows.length > 0 ? tx.insertInto('currency_idempotency').values(rows) : null;
      },
    );
    let next = 0;
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome !== null) continue;
      const item = fresh[next] as TransferItem;
      const result = written[next] as WriteOutcome;
      next++;
      outcomes[index] = result.ok
        ? { ok: true, value: answers.get(item) }
        : { ok: false, error: result.error };
    }
    return outcomes as Outcome[];
  }

  async run<T>(request: IdempotentRequest, work: (tx: Tx) => Promise<T>): Promise<IdempotentResult<T>> {
    const key = requireIdempotencyKey(request.key);
    const hash = fingerprint(request.operation, request.body);
    return this.attempt(request, key, hash, () =>
      this.batcher.submit(request.clusterId, async (tx) => {
        const result = await work(tx);
        await tx
          .insertInto('currency_idempotency')
          .values({
            cluster_id: request.clusterId,
            person_id: request.personId,
            idempotency_key: key,
            operation: request.operation,
            request_hash: hash,
            response: sql`${JSON.stringify(result)}::jsonb`,
            created_at: this.clock(),
          })
          .execute();
        return result;
      }),
    );
  }

  /** The earlier answer under this key, or the write; retried when the database asks for it. */
  private async attempt<T>(
    request: IdempotentRequest,
    key: string,
    hash: string,
    write: () => Promise<T>,
    { isLookedUpFirst } = { isLookedUpFirst: true },
  ): Promise<IdempotentResult<T>> {
    const earlier = isLookedUpFirst ? await this.replay<T>(request, key, hash) : null;
    if (earlier) return earlier;
    for (let attempt = 1; ; attempt++) {
      try {
        return { value: await write(), replayed: false };
      } catch (error) {
        const isKeyTaken =
          sqlState(error) === '23505' && (error as { constraint?: string }).constraint === KEY_CONSTRAINT;
        // Another request with this key committed first: answer as it did.
        if (isKeyTaken) {
          const winner = await this.replay<T>(request, key, hash);
          if (winner) return winner;
        }
        if ((isKeyTaken || isRetryable(error)) && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  private async replay<T>(
    request: IdempotentRequest,
    key: string,
    hash: string,
  ): Promise<IdempotentResult<T> | null> {
    const row = await this.db
      .selectFrom('currency_idempotency')
      .select(['request_hash', 'response'])
      .where('cluster_id', '=', request.clusterId)
      .where('person_id', '=', request.personId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (!row) return null;
    if (row.request_hash !== hash) throw conflict('currency.idempotency_key_reused', 'Idempotency-Key');
    return { value: row.response as T, replayed: true };
  }
}
