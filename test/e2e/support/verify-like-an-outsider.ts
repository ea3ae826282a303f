/**
 * The transparency page's recipe, followed to the letter by an outsider with nothing but the
 * public API, a SHA-256, RFC 8785 canonical JSON and Ed25519 — none of Kopa's own code.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import canonicalize from 'canonicalize';

interface ChainEvent {
  clusterId: string;
  seq: number;
  occurredAt: string;
  action: string;
  isPublic: boolean;
  payloadDigest: string;
  prevHash: string;
  hash: string;
  payload?: unknown;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const canonical = (value: unknown) => canonicalize(value) as string;

/** Returns the problems found (none means the log checks out). */
export async function verifyLikeAnOutsider(baseUrl: string, slug: string): Promise<string[]> {
  const problems: string[] = [];
  const events: ChainEvent[] = [];
  let clusterId = '';
  for (let afterSeq = 0; ; ) {
    const page = (await (
      await fetch(`${baseUrl}/api/v1/clusters/${slug}/audit/chain?afterSeq=${afterSeq}`)
    ).json()) as {
      clusterId: string;
      items: ChainEvent[];
      nextAfterSeq: number | null;
    };
    clusterId = page.clusterId;
    events.push(...page.items);
    if (page.nextAfterSeq === null) break;
    afterSeq = page.nextAfterSeq;
  }
  let previous = { seq: 0, hash: '0'.repeat(64) };
  for (const event of events) {
    const { clusterId: eventCluster, seq, occurredAt, action, isPublic, payloadDigest, prevHash } = event;
    const header = {
      v: 1,
      clusterId: eventCluster,
      seq,
      occurredAt,
      action,
      isPublic,
      payloadDigest,
      prevHash,
    };
    if (sha256(canonical(header)) !== event.hash) problems.push(`entry ${seq}: hash`);
    if (event.payload !== undefined && sha256(canonical(event.payload)) !== payloadDigest) {
      problems.push(`entry ${seq}: payload digest`);
    }
    if (seq !== previous.seq + 1 || prevHash !== previous.hash) problems.push(`entry ${seq}: link`);
    previous = { seq, hash: event.hash };
  }
  const { checkpoint } = (await (
    await fetch(`${baseUrl}/api/v1/clusters/${slug}/audit/checkpoint`)
  ).json()) as {
    checkpoint: { seq: number; hash: string; signedAt: string; signature: string; publicKeyPem: string };
  };
  if (checkpoint.seq !== previous.seq || checkpoint.hash !== previous.hash) problems.push('checkpoint: head');
  const statement = canonical({
    kind: 'kopa.audit.checkpoint',
    v: 1,
    clusterId,
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    signedAt: checkpoint.signedAt,
  });
  const isSigned = verify(
    null,
    Buffer.from(statement, 'utf8'),
    createPublicKey(checkpoint.publicKeyPem),
    Buffer.from(checkpoint.signature, 'base64'),
  );
  if (!isSigned) problems.push('checkpoint: signature');
  if (events.length === 0) problems.push('no events');
  return problems;
}
