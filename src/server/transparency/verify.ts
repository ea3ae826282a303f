/**
 * Recomputes every event hash of a cluster's chain from the stored rows, checks the links and the
 * signed head. This is what `kopa audit verify` runs; it reads in bounded batches so a long chain
 * never sits in memory whole.
 */
import { type ChainBreak, findFirstBreak, type StoredEvent } from '../../domain/transparency/audit-chain.ts';
import { keyIdOf, verifyCheckpoint } from '../../domain/transparency/checkpoint.ts';
import type { AuditEventTable, Db } from '../platform/database.ts';
import { auditRepo } from './repo.ts';

const BATCH = 5000;

export type ClusterVerification =
  | { slug: string; isValid: true; eventCount: number; headSeq: number }
  | {
      slug: string;
      isValid: false;
      eventCount: number;
      problem:
        | ChainBreak
        | { kind: 'bad_signature' | 'unknown_key' | 'untrusted_key' | 'missing_head'; seq: number };
    };

export function toStoredEvent(row: AuditEventTable): StoredEvent {
  return {
    clusterId: row.cluster_id,
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    action: row.action,
    isPublic: row.is_public,
    payloadDigest: row.payload_digest,
    prevHash: row.prev_hash,
    hash: row.hash,
    payload: row.payload as StoredEvent['payload'],
  };
}

async function* eventsOf(db: Db, clusterId: string): AsyncGenerator<StoredEvent> {
  let after = 0;
  for (;;) {
    const rows = await auditRepo.page(db, clusterId, after, BATCH - 1);
    for (const row of rows) yield toStoredEvent(row);
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]?.seq ?? after;
  }
}

/**
 * `trustedKeyIds`: the checkpoint keys the verifier trusts from outside the database (the instance's
 * own key file). Without it any key registered in the database is accepted — which proves the chain
 * is intact and signed, but not against someone who can rewrite the database and its key table.
 */
export async function verifyCluster(
  db: Db,
  cluster: { id: string; slug: string },
  trustedKeyIds?: ReadonlySet<string>,
): Promise<ClusterVerification> {
  // The head first, then the events up to it: writes committed meanwhile lie beyond it and are
  // checked next time, instead of looking like a chain that runs past its checkpoint.
  const head = await auditRepo.head(db, cluster.id);
  const events: StoredEvent[] = [];
  for await (const event of eventsOf(db, cluster.id)) {
    if (head && event.seq > head.seq) break;
    events.push(event);
  }
  const eventCount = events.length;
  if (!head) {
    if (eventCount === 0) return { slug: cluster.slug, isValid: true, eventCount, headSeq: 0 };
    return { slug: cluster.slug, isValid: false, eventCount, problem: { kind: 'missing_head', seq: 1 } };
  }
  const chainBreak = findFirstBreak(events, { seq: head.seq, hash: head.hash });
  if (chainBreak) return { slug: cluster.slug, isValid: false, eventCount, problem: chainBreak };
  const key = await auditRepo.key(db, head.key_id);
  if (trustedKeyIds && !trustedKeyIds.has(head.key_id)) {
    return {
      slug: cluster.slug,
      isValid: false,
      eventCount,
      problem: { kind: 'untrusted_key', seq: head.seq },
    };
  }
  // The key must be the one its id names, not another key filed under a trusted id.
  if (!key || keyIdOf(key.public_key_pem) !== head.key_id)
    return {
      slug: cluster.slug,
      isValid: false,
      eventCount,
      problem: { kind: 'unknown_key', seq: head.seq },
    };
  const isSigned = verifyCheckpoint(
    { clusterId: cluster.id, seq: head.seq, hash: head.hash, signedAt: head.signed_at.toISOString() },
    head.signature,
    key.public_key_pem,
  );
  if (!isSigned)
    return {
      slug: cluster.slug,
      isValid: false,
      eventCount,
      problem: { kind: 'bad_signature', seq: head.seq },
    };
  return { slug: cluster.slug, isValid: true, eventCount, headSeq: head.seq };
}

export async function verifyAll(
  db: Db,
  slug?: string,
  trustedKeyIds?: ReadonlySet<string>,
): Promise<ClusterVerification[]> {
  const clusters = await auditRepo.clusters(db, slug);
  const results: ClusterVerification[] = [];
  for (const cluster of clusters) results.push(await verifyCluster(db, cluster, trustedKeyIds));
  return results;
}
