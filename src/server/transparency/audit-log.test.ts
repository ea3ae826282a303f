import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';
import {
  eventHash,
  findFirstBreak,
  payloadDigest,
  type StoredEvent,
} from '../../domain/transparency/audit-chain.ts';
import { keyIdOf, signCheckpoint, verifyCheckpoint } from '../../domain/transparency/checkpoint.ts';
import { verifyAll } from './verify.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/** A cluster with a few events of each kind: public and private. */
async function busyCluster() {
  const cluster = await ctx.cluster();
  const { client } = cluster.coordinator;
  const org = await client.post(`/api/v1/clusters/${cluster.slug}/organisations`, {
    name: 'Fondazione MeSSInA',
    legalForm: 'foundation',
    sector: 'civil_society',
    country: 'IT',
  });
  await client.post(`/api/v1/clusters/${cluster.slug}/organisations/${org.body.id}/membership`, {
    toStatus: 'active',
  });
  await client.post(`/api/v1/clusters/${cluster.slug}/invitations`, {
    email: 'someone@example.org',
    role: 'observer',
  });
  await client.patch(`/api/v1/clusters/${cluster.slug}`, { description: 'Edited.' });
  return cluster;
}

const verifyOne = async (slug: string) => (await verifyAll(ctx.db, slug))[0];

describe('the audit chain', () => {
  it('records every change in order and verifies, with a signed checkpoint at its head', async () => {
    const { slug } = await busyCluster();
    const result = await verifyOne(slug);
    expect(result).toMatchObject({ isValid: true, eventCount: 6, headSeq: 6 });
  });

  it('fails at the event whose content was changed', async () => {
    const { slug, id } = await busyCluster();
    await sql`update audit_event set payload = jsonb_set(payload, '{to}', '"suspended"') where cluster_id = ${id} and action = 'membership.changed'`.execute(
      ctx.db,
    );
    const tampered = await ctx.db
      .selectFrom('audit_event')
      .select('seq')
      .where('cluster_id', '=', id)
      .where('action', '=', 'membership.changed')
      .executeTakeFirstOrThrow();
    expect(await verifyOne(slug)).toMatchObject({
      isValid: false,
      problem: { kind: 'payload_mismatch', seq: tampered.seq },
    });
  });

  it('fails at the event whose header was changed, even with its hash recomputed by a careless forger', async () => {
    const { slug, id } = await busyCluster();
    await sql`update audit_event set action = 'cluster.created' where cluster_id = ${id} and seq = 4`.execute(
      ctx.db,
    );
    expect(await verifyOne(slug)).toMatchObject({
      isValid: false,
      problem: { kind: 'hash_mismatch', seq: 4 },
    });
  });

  it('fails where an event was deleted', async () => {
    const { slug, id } = await busyCluster();
    await sql`delete from audit_event where cluster_id = ${id} and seq = 3`.execute(ctx.db);
    expect(await verifyOne(slug)).toMatchObject({ isValid: false, problem: { kind: 'gap', seq: 4 } });
  });

  it('fails where two events swapped places', async () => {
    const { slug, id } = await busyCluster();
    await sql`update audit_event set seq = 100 where cluster_id = ${id} and seq = 2`.execute(ctx.db);
    await sql`update audit_event set seq = 2 where cluster_id = ${id} and seq = 3`.execute(ctx.db);
    await sql`update audit_event set seq = 3 where cluster_id = ${id} and seq = 100`.execute(ctx.db);
    expect(await verifyOne(slug)).toMatchObject({ isValid: false, problem: { kind: 'broken_link', seq: 2 } });
  });

  it('fails when the newest events were cut off, against the signed checkpoint', async () => {
    const { slug, id } = await busyCluster();
    await sql`delete from audit_event where cluster_id = ${id} and seq = 6`.execute(ctx.db);
    expect(await verifyOne(slug)).toMatchObject({ isValid: false, problem: { kind: 'head_mismatch' } });
  });

  it('fails when the checkpoint signature does not match', async () => {
    const { slug, id } = await busyCluster();
    await sql`update audit_head set signed_at = signed_at + interval '1 second' where cluster_id = ${id}`.execute(
      ctx.db,
    );
    expect(await verifyOne(slug)).toMatchObject({ isValid: false, problem: { kind: 'bad_signature' } });
  });

  it('keeps each cluster’s chain to itself', async () => {
    const first = await busyCluster();
    const second = await busyCluster();
    await sql`delete from audit_event where cluster_id = ${first.id} and seq = 2`.execute(ctx.db);
    expect((await verifyOne(first.slug))?.isValid).toBe(false);
    expect((await verifyOne(second.slug))?.isValid).toBe(true);
  });

  it('links concurrent writers of one cluster into a single unbroken chain', async () => {
    const { slug, coordinator } = await ctx.cluster();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        coordinator.client.post(`/api/v1/clusters/${slug}/organisations`, {
          name: `Concurrent ${i}`,
          legalForm: 'association',
          sector: 'civil_society',
          country: 'LV',
        }),
      ),
    );
    expect(await verifyOne(slug)).toMatchObject({ isValid: true, eventCount: 14 });
  });
});

describe('a forger who can rewrite the whole database', () => {
  it('is caught when the verifier trusts only the instance’s own key, not the key table', async () => {
    const { slug, id } = await busyCluster();
    // Rewrite event 5 and every hash after it, then sign the new head with a key of their own.
    const rows = await ctx.db
      .selectFrom('audit_event')
      .selectAll()
      .where('cluster_id', '=', id)
      .orderBy('seq')
      .execute();
    let prevHash = '';
    for (const row of rows) {
      const payload = row.seq === 5 ? { forged: true } : (row.payload as Record<string, unknown>);
      const header = {
        clusterId: id,
        seq: row.seq,
        occurredAt: row.occurred_at.toISOString(),
        action: row.action,
        isPublic: row.is_public,
        payloadDigest: payloadDigest(payload),
        prevHash: row.seq === 1 ? row.prev_hash : prevHash,
      };
      const hash = eventHash(header);
      await ctx.db
        .updateTable('audit_event')
        .set({
          payload: JSON.stringify(payload),
          payload_digest: header.payloadDigest,
          prev_hash: header.prevHash,
          hash,
        })
        .where('cluster_id', '=', id)
        .where('seq', '=', row.seq)
        .execute();
      prevHash = hash;
    }
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = String(publicKey.export({ type: 'spki', format: 'pem' })).trim();
    const forgedKeyId = keyIdOf(pem);
    await ctx.db
      .insertInto('audit_signing_key')
      .values({ key_id: forgedKeyId, public_key_pem: pem, created_at: new Date() })
      .execute();
    const head = await ctx.db
      .selectFrom('audit_head')
      .selectAll()
      .where('cluster_id', '=', id)
      .executeTakeFirstOrThrow();
    const signedAt = head.signed_at.toISOString();
    const signature = signCheckpoint({ clusterId: id, seq: head.seq, hash: prevHash, signedAt }, privateKey);
    await ctx.db
      .updateTable('audit_head')
      .set({ hash: prevHash, key_id: forgedKeyId, signature })
      .where('cluster_id', '=', id)
      .execute();

    // Trusting whatever key the database lists, the forgery looks sound…
    expect((await verifyAll(ctx.db, slug))[0]?.isValid).toBe(true);
    // …trusting the instance's key file, it does not.
    expect((await verifyAll(ctx.db, slug, new Set([ctx.audit.keyId])))[0]).toMatchObject({
      isValid: false,
      problem: { kind: 'untrusted_key' },
    });
  });
});

describe('private events', () => {
  it('cannot be confirmed by hashing a guess at their content', async () => {
    const { id, coordinator } = await busyCluster();
    const grant = await ctx.db
      .selectFrom('audit_event')
      .selectAll()
      .where('cluster_id', '=', id)
      .where('action', '=', 'role.granted')
      .executeTakeFirstOrThrow();
    const guess = { personId: coordinator.id, role: 'coordinator', by: coordinator.id };
    expect(grant.payload).toMatchObject(guess);
    expect(payloadDigest(guess)).not.toBe(grant.payload_digest);
    expect(payloadDigest(grant.payload as Record<string, unknown>)).toBe(grant.payload_digest);
  });
});

describe('verification by an outsider', () => {
  it('needs only the public API: the chain with private payloads withheld, and the signed checkpoint', async () => {
    const { slug } = await busyCluster();
    const reader = ctx.client();
    const chain = await reader.get(`/api/v1/clusters/${slug}/audit/chain`);
    const events = chain.body.items as StoredEvent[];
    expect(events.some((event) => event.isPublic === false && event.payload === undefined)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('someone@example.org');
    const { checkpoint } = (await reader.get(`/api/v1/clusters/${slug}/audit/checkpoint`)).body;
    expect(findFirstBreak(events, { seq: checkpoint.seq, hash: checkpoint.hash })).toBeNull();
    expect(
      verifyCheckpoint(
        {
          clusterId: chain.body.clusterId,
          seq: checkpoint.seq,
          hash: checkpoint.hash,
          signedAt: checkpoint.signedAt,
        },
        checkpoint.signature,
        checkpoint.publicKeyPem,
      ),
    ).toBe(true);
  });

  it('lists public events newest first for the transparency page, without private ones', async () => {
    const { slug } = await busyCluster();
    const events = await ctx.client().get(`/api/v1/clusters/${slug}/audit/events?limit=2`);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
      'cluster.profile_edited',
      'membership.changed',
    ]);
    const rest = await ctx
      .client()
      .get(`/api/v1/clusters/${slug}/audit/events?beforeSeq=${events.body.nextBeforeSeq}`);
    // The application itself is private; the public learns of the organisation when it is admitted.
    expect(rest.body.items.map((e: { action: string }) => e.action)).toEqual(['cluster.created']);
    expect(events.body.items[1].payload).toMatchObject({
      organisation: 'Fondazione MeSSInA',
      from: 'applicant',
      to: 'active',
    });
  });
});

describe('kopa audit verify', () => {
  const run = promisify(execFile);
  const cli = (databaseUrl: string, ...args: string[]) =>
    run('node', ['bin/kopa.mjs', 'audit', 'verify', ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, KOPA_DATA_DIR: ctx.dataDir, KOPA_DEMO: 'false' },
    }).then(
      (result) => ({ code: 0, stdout: result.stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout + error.stderr,
      }),
    );

  it('exits 0 on intact chains and non-zero naming the first broken event', async () => {
    const { slug, id } = await busyCluster();
    const databaseUrl = ctx.databaseUrl;
    const intact = await cli(databaseUrl, '--cluster', slug);
    expect(intact).toEqual({ code: 0, stdout: expect.any(String) });
    expect(intact.stdout).toMatch(new RegExp(`ok\\s+${slug}: 6 events`));
    await sql`update audit_event set payload = '{"forged": true}' where cluster_id = ${id} and seq = 5`.execute(
      ctx.db,
    );
    const broken = await cli(databaseUrl, '--cluster', slug);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN  ${slug}: first broken event is seq 5`);
    expect((await cli(databaseUrl, '--cluster', 'no-such-cluster')).code).toBe(2);
  }, 60_000);
});
