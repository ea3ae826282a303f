import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditEventDraft,
  chainEvent,
  findFirstBreak,
  GENESIS_HASH,
  type StoredEvent,
} from './audit-chain.ts';

const CLUSTER = '0190a0a0-0000-7000-8000-000000000001';

function buildChain(drafts: AuditEventDraft[], start = Date.UTC(2024, 0, 1)): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (const [index, draft] of drafts.entries()) {
    const head = events[events.length - 1] ?? null;
    events.push(chainEvent(CLUSTER, head, draft, new Date(start + index * 1000)));
  }
  return events;
}

const draftArb = fc.record({
  action: fc.constantFrom('cluster.created', 'role.granted', 'membership.changed', 'organisation.registered'),
  isPublic: fc.boolean(),
  payload: fc.dictionary(
    fc.string({ maxLength: 8 }),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    { maxKeys: 4 },
  ),
});

describe('the audit hash chain', () => {
  it('starts from the genesis hash and links each event to the one before', () => {
    const events = buildChain([
      { action: 'cluster.created', isPublic: true, payload: { name: 'Lūznava' } },
      { action: 'role.granted', isPublic: false, payload: { role: 'coordinator' } },
    ]);
    expect(events[0]).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(findFirstBreak(events, { seq: 2, hash: events[1]?.hash as string })).toBeNull();
  });

  it('hashes the same content the same way whatever the key order (RFC 8785)', () => {
    const a = chainEvent(
      CLUSTER,
      null,
      { action: 'x', isPublic: true, payload: { b: 1, a: 'é' } },
      new Date(0),
    );
    const b = chainEvent(
      CLUSTER,
      null,
      { action: 'x', isPublic: true, payload: { a: 'é', b: 1 } },
      new Date(0),
    );
    expect(a.hash).toBe(b.hash);
  });

  it('verifies any chain it built', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { minLength: 1, maxLength: 30 }), (drafts) => {
        const events = buildChain(drafts);
        const last = events[events.length - 1] as StoredEvent;
        expect(findFirstBreak(events, { seq: last.seq, hash: last.hash })).toBeNull();
      }),
    );
  });

  it('names the first changed event, whatever was changed and wherever', () => {
    fc.assert(
      fc.property(
        fc.array(draftArb, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.constantFrom('payload', 'action', 'isPublic', 'occurredAt', 'hash'),
        (drafts, at, field) => {
          const events = buildChain(drafts);
          const index = at % events.length;
          const original = events[index] as StoredEvent;
          const tampered: StoredEvent = {
            ...original,
            ...(field === 'payload' ? { payload: { ...original.payload, forged: true } } : {}),
            ...(field === 'action' ? { action: `${original.action}.forged` } : {}),
            ...(field === 'isPublic' ? { isPublic: !original.isPublic } : {}),
            ...(field === 'occurredAt' ? { occurredAt: new Date(0).toISOString() } : {}),
            ...(field === 'hash' ? { hash: 'f'.repeat(64) } : {}),
          };
          events[index] = tampered;
          const last = buildChain(drafts).at(-1) as StoredEvent;
          const found = findFirstBreak(events, { seq: last.seq, hash: last.hash });
          expect(found?.seq).toBe(index + 1);
        },
      ),
    );
  });

  it('notices a deleted event, a reordering and a truncated tail', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { minLength: 3, maxLength: 20 }), fc.nat(), (drafts, at) => {
        const events = buildChain(drafts);
        const head = events.at(-1) as StoredEvent;
        const index = at % events.length;

        const deleted = events.filter((_, i) => i !== index);
        expect(findFirstBreak(deleted, head)).not.toBeNull();

        const swapAt = Math.min(index, events.length - 2);
        const swapped = [...events];
        [swapped[swapAt], swapped[swapAt + 1]] = [
          swapped[swapAt + 1] as StoredEvent,
          swapped[swapAt] as StoredEvent,
        ];
        expect(findFirstBreak(swapped, head)?.seq).toBe(swapped[swapAt]?.seq);

        expect(findFirstBreak(events.slice(0, -1), head)).toMatchObject({ kind: 'head_mismatch' });
      }),
    );
  });

  it('checks a withheld payload through its digest only', () => {
    const events = buildChain([
      { action: 'cluster.created', isPublic: true, payload: { name: 'PLOUCS' } },
      { action: 'role.granted', isPublic: false, payload: { personId: 'p1' } },
    ]);
    const publicView = events.map((event) => (event.isPublic ? event : { ...event, payload: undefined }));
    expect(findFirstBreak(publicView, events[1])).toBeNull();
  });
});
