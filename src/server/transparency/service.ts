/**
 * The public side of the audit log: the chain as anyone may read it (payloads of public events,
 * headers and digests of the rest) and the signed checkpoint with the key that signed it.
 */
import { Access } from '../platform/access.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Db } from '../platform/database.ts';
import { toPage } from '../platform/http/pagination.ts';
import { auditRepo } from './repo.ts';
import { toStoredEvent } from './verify.ts';

export class TransparencyService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
  ) {}

  /** The whole chain in order; private payloads are withheld, their digests keep the chain checkable. */
  async chain(actor: Actor, slug: string, query: { afterSeq?: number; limit: number }) {
    const access = await this.access.read(actor, slug);
    const mayReadPrivate = Access.can(access, 'audit.read_private');
    const rows = await auditRepo.page(this.db, access.cluster.id, query.afterSeq ?? 0, query.limit);
    const page = toPage(rows, query.limit, (row) => [row.seq]);
    return {
      clusterId: access.cluster.id,
      nextAfterSeq: page.nextCursor === null ? null : (page.items[page.items.length - 1]?.seq ?? null),
      items: page.items.map((row) => {
        const event = toStoredEvent(row);
        return row.is_public || mayReadPrivate ? event : { ...event, payload: undefined };
      }),
    };
  }

  /** Public events, newest first, for people reading the transparency page. */
  async recent(actor: Actor, slug: string, query: { beforeSeq?: number; limit: number }) {
    const access = await this.access.read(actor, slug);
    const rows = await auditRepo.recentPublic(
      this.db,
      access.cluster.id,
      query.beforeSeq ?? null,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [row.seq]);
    return {
      nextBeforeSeq: page.nextCursor === null ? null : (page.items[page.items.length - 1]?.seq ?? null),
      items: page.items.map((row) => ({
        seq: row.seq,
        occurredAt: row.occurred_at.toISOString(),
        action: row.action,
        payload: row.payload as Record<string, unknown>,
        hash: row.hash,
      })),
    };
  }

  async checkpoint(actor: Actor, slug: string) {
    const access = await this.access.read(actor, slug);
    const head = await auditRepo.head(this.db, access.cluster.id);
    if (!head) return { clusterId: access.cluster.id, checkpoint: null };
    const key = await auditRepo.key(this.db, head.key_id);
    return {
      clusterId: access.cluster.id,
      checkpoint: {
        seq: head.seq,
        hash: head.hash,
        signedAt: head.signed_at.toISOString(),
        keyId: head.key_id,
        signature: head.signature,
        algorithm: 'Ed25519',
        publicKeyPem: key?.public_key_pem ?? '',
      },
    };
  }
}
