/**
 * Appends events to a cluster's hash chain inside the caller's transaction, so the change and
 * its record commit together or not at all. Writers of one cluster are serialised by the lock
 * on the chain head (see docs/decisions/0001-audit-chain-serialised-writers.md).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type AuditEventDraft, chainEvent } from '../../../domain/transparency/audit-chain.ts';
import { signCheckpoint } from '../../../domain/transparency/checkpoint.ts';
import type { Clock } from '../clock.ts';
import type { Db, Tx } from '../database.ts';
import type { SigningKey } from './signing-key.ts';

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

  async record(tx: Tx, clusterId: string, draft: AuditEventDraft): Promise<{ seq: number; hash: string }> {
    const head = await tx
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('cluster_id', '=', clusterId)
      .forUpdate()
      .executeTakeFirst();
    const now = this.clock();
    // A random salt inside every payload: a private event's published digest then cannot be
    // matched by hashing guesses at its content (a role granted to a known person, say).
    const salted = { ...draft, payload: { ...draft.payload, salt: randomBytes(16).toString('hex') } };
    const event = chainEvent(clusterId, head ?? null, salted, now);
    await tx
      .insertInto('audit_event')
      .values({
        cluster_id: clusterId,
        seq: event.seq,
        occurred_at: now,
        action: event.action,
        is_public: event.isPublic,
        payload: sql`${JSON.stringify(event.payload)}::jsonb`,
        payload_digest: event.payloadDigest,
        prev_hash: event.prevHash,
        hash: event.hash,
      })
      .execute();
    const signedAt = now.toISOString();
    const signature = signCheckpoint(
      { clusterId, seq: event.seq, hash: event.hash, signedAt },
      this.key.privateKey,
    );
    const headRow = { seq: event.seq, hash: event.hash, signed_at: now, key_id: this.key.keyId, signature };
    if (head) {
      await tx.updateTable('audit_head').set(headRow).where('cluster_id', '=', clusterId).execute();
    } else {
      await tx
        .insertInto('audit_head')
        .values({ cluster_id: clusterId, ...headRow })
        .execute();
    }
    return { seq: event.seq, hash: event.hash };
  }
}
