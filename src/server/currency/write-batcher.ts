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

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Writes that can be done together rather than one by one (payments: one lock of all accounts,
 * one insert of all transfers). It takes the cluster's audit head before anything else. Returns
 * one outcome per item, in order.
 */
export type BulkWriter = (tx: Tx, items: readonly unknown[]) => Promise<Outcome[]>;

interface Job {
  readonly work?: (tx: Tx) => Promise<unknown>;
  readonly item?: unknown;
  readonly settle: (outcome: Outcome) => void;
}

/** Bounds how long one transaction holds the head and how much one failure at commit affects. */
export const MAX_BATCH = 64;

export class WriteBatcher {
  private readonly waiting = new Map<string, Job[]>();

  private bulkWriter: BulkWriter | null = null;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  /** Sets how items submitted with `submitItem` are written together. */
  setBulkWriter(writer: BulkWriter): void {
    this.bulkWriter = writer;
  }

  submit<T>(clusterId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.enqueue<T>(clusterId, { work });
  }

  /** An item for the bulk writer, written with the others of the same group commit. */
  submitItem<T>(clusterId: string, item: unknown): Promise<T> {
    return this.enqueue<T>(clusterId, { item });
  }

  private enqueue<T>(clusterId: string, job: Omit<Job, 'settle'>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queued: Job = {
        ...job,
        settle: (outcome) => (outcome.ok ? resolve(outcome.value as T) : reject(outcome.error)),
      };
      const queue = this.waiting.get(clusterId);
      if (queue) {
        queue.push(queued);
        return;
      }
      this.waiting.set(clusterId, [queued]);
      void this.drain(clusterId);
    });
  }

  /**
   * Runs the cluster's batches one after the other until nobody waits, on one connection held
   * meanwhile: the next batch never queues for a connection behind the requests it will answer.
   * (A second batch begun while the first holds the head, to wait for it in the database, was
   * measured: batches got smaller and payments per second fewer.)
   */
  private async drain(clusterId: string): Promise<void> {
    try {
      await this.db.connection().execute(async (connection) => {
        for (;;) {
          const queue = this.waiting.get(clusterId) ?? [];
          if (queue.length === 0) {
            this.waiting.delete(clusterId);
            return;
          }
          const batch = queue.splice(0, MAX_BATCH);
          await this.commit(connection, clusterId, batch);
        }
      });
    } catch (error) {
      // No connection: whoever waits is told, and the next write starts a new drain.
      const queue = this.waiting.get(clusterId) ?? [];
      this.waiting.delete(clusterId);
      for (const job of queue) job.settle({ ok: false, error });
    }
  }

  private async commit(connection: Db, clusterId: string, batch: Job[]): Promise<void> {
    const outcomes = new Map<Job, Outcome>();
    const items = batch.filter((job) => job.work === undefined);
    const works = batch.filter((job) => job.work !== undefined);
    try {
      await connection.transaction().execute(async (tx) => {
        // The head first, then the accounts: the same order as every other currency transaction,
        // so a batch that already holds accounts of earlier writes never waits on the head. The
        // bulk write takes it in its first statement; before other writes the batch takes it here.
        if (works.length > 0) await this.audit.lockHead(tx, clusterId);
        if (items.length > 0) {
          // Alone in the batch, the bulk write needs no savepoint: if it fails, all of it fails.
          const writeItems = async (tx: Tx) => {
            if (!this.bulkWriter) throw new Error('no bulk writer');
            return await this.bulkWriter(
              tx,
              items.map((job) => job.item),
            );
          };
          const written =
            works.length === 0
              ? ({ ok: true, value: await writeItems(tx) } as const)
              : await inSavepoint(tx, writeItems);
          items.forEach((job, index) => {
            outcomes.set(job, written.ok ? ((written.value as Outcome[])[index] as Outcome) : written);
          });
        }
        if (batch.length === 1 && works[0]?.work) {
          outcomes.set(works[0], { ok: true, value: await works[0].work(tx) });
          return;
        }
        for (const job of works)
          outcomes.set(job, await inSavepoint(tx, job.work as (tx: Tx) => Promise<unknown>));
      });
    } catch (error) {
      // The transaction did not commit (or a lone write failed): nobody's write is done.
      for (const job of batch) job.settle({ ok: false, error });
      return;
    }
    for (const job of batch) job.settle(outcomes.get(job) ?? { ok: false, error: new Error('no outcome') });
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
