/**
 * The per-cluster audit hash chain. Each event's hash covers its header and a digest of its
 * payload, so the chain can be checked by an outsider who sees the payloads of public events
 * only: a private event shows its header and payload digest, never its content.
 * Personal data never enters an event; people are referenced by id.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);
export const CHAIN_VERSION = 1;

export type AuditPayload = { readonly [key: string]: unknown };

/** What a service records; the chain position is assigned when the event is appended. */
export interface AuditEventDraft {
  readonly action: string;
  readonly isPublic: boolean;
  readonly payload: AuditPayload;
}

export interface AuditEventHeader {
  readonly clusterId: string;
  readonly seq: number;
  readonly occurredAt: string;
  readonly action: string;
  readonly isPublic: boolean;
  readonly payloadDigest: string;
  readonly prevHash: string;
}

export interface ChainedEvent extends AuditEventHeader {
  readonly hash: string;
}

/** RFC 8785 canonical JSON. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalised');
  return text;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function payloadDigest(payload: AuditPayload): string {
  return sha256Hex(canonicalJson(payload));
}

export function eventHash(header: AuditEventHeader): string {
  return sha256Hex(canonicalJson({ v: CHAIN_VERSION, ...header }));
}

/** Links a draft after the given head (or at the start of the chain when there is none). */
export function chainEvent(
  clusterId: string,
  head: { seq: number; hash: string } | null,
  draft: AuditEventDraft,
  occurredAt: Date,
): ChainedEvent & { payload: AuditPayload } {
  const header: AuditEventHeader = {
    clusterId,
    seq: head ? head.seq + 1 : 1,
    occurredAt: occurredAt.toISOString(),
    action: draft.action,
    isPublic: draft.isPublic,
    payloadDigest: payloadDigest(draft.payload),
    prevHash: head ? head.hash : GENESIS_HASH,
  };
  return { ...header, hash: eventHash(header), payload: draft.payload };
}

export type ChainBreak =
  | { kind: 'gap'; seq: number; expectedSeq: number }
  | { kind: 'broken_link'; seq: number }
  | { kind: 'payload_mismatch'; seq: number }
  | { kind: 'hash_mismatch'; seq: number }
  | { kind: 'head_mismatch'; seq: number };

export interface StoredEvent extends ChainedEvent {
  /** Absent when the verifier may not see the payload (a private event in the public feed). */
  readonly payload?: AuditPayload;
}

/**
 * Walks the events of one cluster in order and returns the first break, or null.
 * `expectedHead` is the signed checkpoint: the chain must end exactly there.
 */
export function findFirstBreak(
  events: Iterable<StoredEvent>,
  expectedHead?: { seq: number; hash: string },
): ChainBreak | null {
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  for (const event of events) {
    if (event.seq !== prev.seq + 1) return { kind: 'gap', seq: event.seq, expectedSeq: prev.seq + 1 };
    if (event.prevHash !== prev.hash) return { kind: 'broken_link', seq: event.seq };
    if (event.payload !== undefined && payloadDigest(event.payload) !== event.payloadDigest) {
      return { kind: 'payload_mismatch', seq: event.seq };
    }
    const { hash, payload: _payload, ...header } = event;
    if (eventHash(header) !== hash) return { kind: 'hash_mismatch', seq: event.seq };
    prev = { seq: event.seq, hash };
  }
  if (expectedHead && (expectedHead.seq !== prev.seq || expectedHead.hash !== prev.hash)) {
    return { kind: 'head_mismatch', seq: Math.min(expectedHead.seq, prev.seq + 1) };
  }
  return null;
}
