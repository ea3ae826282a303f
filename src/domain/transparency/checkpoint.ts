/**
 * Signed checkpoints: the head of a cluster's chain signed with the instance's Ed25519 key, so
 * anyone holding the public key can check that the log they were shown is the one Kopa vouched for.
 */
import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson, sha256Hex } from './audit-chain.ts';

export interface CheckpointStatement {
  readonly clusterId: string;
  readonly seq: number;
  readonly hash: string;
  readonly signedAt: string;
}

export function checkpointMessage(statement: CheckpointStatement): Buffer {
  return Buffer.from(canonicalJson({ kind: 'kopa.audit.checkpoint', v: 1, ...statement }), 'utf8');
}

export function signCheckpoint(statement: CheckpointStatement, privateKey: KeyObject): string {
  return sign(null, checkpointMessage(statement), privateKey).toString('base64');
}

export function verifyCheckpoint(
  statement: CheckpointStatement,
  signatureBase64: string,
  publicKeyPem: string,
): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    return verify(null, checkpointMessage(statement), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** A short, stable name for a public key: the first 16 hex digits of its SHA-256. */
export function keyIdOf(publicKeyPem: string): string {
  return sha256Hex(publicKeyPem.trim()).slice(0, 16);
}
