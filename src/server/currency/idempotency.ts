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
import { badRequest, conflict } from '../platform/errors.ts';
import type { WriteBatcher } from './write-batcher.ts';

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
const MAX_ATTEMPTS = 5;

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

export class Idempotency {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly batcher: WriteBatcher,
  ) {}

  async run<T>(request: IdempotentRequest, work: (tx: Tx) => Promise<T>): Promise<IdempotentResult<T>> {
    const key = requireIdempotencyKey(request.key);
    const hash = fingerprint(request.operation, request.body);
    const earlier = await this.replay<T>(request, key, hash);
    if (earlier) return earlier;
    for (let attempt = 1; ; attempt++) {
      try {
        const value = await this.batcher.submit(request.clusterId, async (tx) => {
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
        });
        return { value, replayed: false };
      } catch (error) {
        // Another request with this key committed first: answer as it did.
        if (
          sqlState(error) === '23505' &&
          (error as { constraint?: string }).constraint === 'currency_idempotency_pkey'
        ) {
          const winner = await this.replay<T>(request, key, hash);
          if (winner) return winner;
        }
        if (RETRYABLE.has(sqlState(error) ?? '') && attempt < MAX_ATTEMPTS) continue;
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
