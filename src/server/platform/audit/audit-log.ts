/**
 * Appends events to a cluster's hash chain inside the caller's transaction, so the change and
 * its record commit together or not at all. Writers of one cluster are serialised by the lock
 * on the chain head (see docs/decisions/0001-audit-chain-serialised-writers.md).
 */
import { randomBytes } from 'node:crypto';
import { type OperationNodeSource, sql } from 'kysely';
import { type AuditEventDraft, chainEvent } from '../../../domain/transparency/audit-chain.ts';
import { signCheckpoint } from '../../../domain/transparency/checkpoint.ts';
import type { Clock } from '../clock.ts';
import type { Db, Tx } from '../database.ts';
import type { SigningKey } from './signing-key.ts';

/** The chain's head as read under its lock: what the next event chains on (null: an empty chain). */
export interface HeldHead {
  readonly clusterId: string;
  readonly last: { readonly seq: number; readonly hash: string } | null;
}

export class AuditLog {
  constructor(
    private readonly key: SigningKey,
    private readonly clock: Clock,
  ) {}

  /** The id of the key this instance signs checkpoints with. */
  get keyId(): string {
    return this.key.keyId;
  }

  /** Makes the public key known to verifiers; idempotent. */
  async registerKey(db: Db): Promise<void> {
    await db
      .insertInto('audit_signing_key')
      .values({ key_id: this.key.keyId, public_key_pem: this.key.publicKeyPem, created_at: this.clock() })
      .onConflict((oc) => oc.column('key_id').doNothing())
      .execute();
  }

  /**
   * Takes the cluster's chain head lock now rather than at the first record: transactions that
   * also lock other rows (the currency's accounts) take the head first, all in the same order.
   */
  async lockHead(tx: Tx, clusterId: string): Promise<HeldHead> {
    const last = await tx
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('cluster_id', '=', clusterId)
      .forUpdate()
      .executeTakeFirst();
    return { clusterId, last: last ?? null };
  }

  /**
   * Appends several events in one statement (a group commit's transfers): chained one after the
   * other in memory, the head signed once, at the last. A caller that holds the head, and has
   * appended nothing since it took it, passes it and saves reading it again.
   */
  async appendMany(
    tx: Tx,
    clusterId: string,
    drafts: readonly AuditEventDraft[],
    held?: HeldHead,
    /** Another insert to make in the same statement (one round trip fewer while the head is held). */
    alongside?: OperationNodeSource,
  ): Promise<{ seq: number; hash: string } | null> {
    if (drafts.length === 0) return null;
    let head = held?.clusterId === clusterId ? held.last : (await this.lockHead(tx, clusterId)).last;
    const now = this.clock();
    const events = drafts.map((draft) => {
      const salted = { ...draft, payload: { ...draft.payload, salt: randomBytes(16).toString('hex') } };
      const event = chainEvent(clusterId, head, salted, now);
      head = { seq: event.seq, hash: event.hash };
      return event;
    });
    const last = events[events.length - 1] as (typeof events)[number];
    const signature = signCheckpoint(
      { clusterId, seq: last.seq, hash: last.hash, signedAt: now.toISOString() },
      this.key.privateKey,
    );
    const rows = sql.join(
      events.map(
        (event) =>
          sql`(${clusterId}::uuid, ${event.seq}::bigint, ${now}::timestamptz, ${event.action}, ${event.isPublic},
            ${JSON.stringify(event.payload)}::jsonb, ${event.payloadDigest}, ${event.prevHash}, ${event.hash})`,
      ),
    );
    await sql`
      WITH event AS (
        INSERT INTO audit_event (cluster_id, seq, occurred_at, action, is_public, payload, payload_digest, prev_hash, hash)
        VALUES ${rows}
      )${alongside ? sql`, alongside AS (${alongside})` : sql``}
      INSERT INTO audit_head (cluster_id, seq, hash, signed_at, key_id, signature)
      VALUES (${clusterId}, ${last.seq}, ${last.hash}, ${now}, ${this.key.keyId}, ${signature})
      ON CONFLICT (cluster_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
        signed_at = excluded.signed_at, key_id = excluded.key_id, signature = excluded.signature`.execute(tx);
    return { seq: last.seq, hash: last.hash };
  }

  async record(tx: Tx, clusterId: string, draft: AuditEventDraft): Promise<{ seq: number; hash: string }> {
    return (await this.appendMany(tx, clusterId, [draft])) as { seq: number; hash: string };
  }
}
