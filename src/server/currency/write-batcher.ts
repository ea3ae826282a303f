/**
 * Group commit for one cluster's currency writes. Every write of a cluster passes the audit chain's
 * head lock, held until commit (ADR 0001), so one write per transaction caps a cluster at one
 * commit per payment whatever the number of clients. Here the writes that arrive while a
 * transaction is committing wait, and then go together in the next one, each in its own savepoint:
 * a refused write rolls back alone, the others commit, and each caller gets its own answer after
 * the commit — never before, so an acknowledged payment is durable. With one client nothing
 * changes; with many, one commit (and one fsync) carries many payments. See ADR 0005.
 */
import { sql } from 'kysely';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Db, Tx } from '../platform/database.ts';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Job {
  readonly work: (tx: Tx) => Promise<unknown>;
  readonly settle: (outcome: Outcome) => void;
}

/** Bounds how long one transaction holds the head and how much one failure at commit affects. */
export const MAX_BATCH = 64;

export class WriteBatcher {
  private readonly waiting = new Map<string, Job[]>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  submit<T>(clusterId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        work,
        settle: (outcome) => (outcome.ok ? resolve(outcome.value as T) : reject(outcome.error)),
      };
      const queue = this.waiting.get(clusterId);
      if (queue) {
        queue.push(job);
        return;
      }
      this.waiting.set(clusterId, [job]);
      void this.drain(clusterId);
    });
  }

  /** Runs the cluster's batches one after the other until nobody waits. */
  private async drain(clusterId: string): Promise<void> {
    for (;;) {
      const queue = this.waiting.get(clusterId) ?? [];
      if (queue.length === 0) {
        this.waiting.delete(clusterId);
        return;
      }
      const batch = queue.splice(0, MAX_BATCH);
      await this.commit(clusterId, batch);
    }
  }

  private async commit(clusterId: string, batch: Job[]): Promise<void> {
    const outcomes: Outcome[] = [];
    try {
      await this.db.transaction().execute(async (tx) => {
        // The head first, then the accounts: the same order as every other currency transaction,
        // so a batch that already holds accounts of earlier writes never waits on the head.
        await this.audit.lockHead(tx, clusterId);
        if (batch.length === 1 && batch[0]) {
          outcomes.push({ ok: true, value: await batch[0].work(tx) });
          return;
        }
        for (const job of batch) outcomes.push(await inSavepoint(tx, job.work));
      });
    } catch (error) {
      // The transaction did not commit (or a lone write failed): nobody's write is done.
      for (const job of batch) job.settle({ ok: false, error });
      return;
    }
    for (const [index, job] of batch.entries()) {
      job.settle(outcomes[index] ?? { ok: false, error: new Error('no outcome') });
    }
  }
}

async function inSavepoint(tx: Tx, work: (tx: Tx) => Promise<unknown>): Promise<Outcome> {
  await sql`SAVEPOINT kopa_write`.execute(tx);
  try {
    const value = await work(tx);
    await sql`RELEASE SAVEPOINT kopa_write`.execute(tx);
    return { ok: true, value };
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT kopa_write`.execute(tx);
    return { ok: false, error };
  }
}
