import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdOf, signCheckpoint, verifyCheckpoint } from './checkpoint.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const publicKeyPem = String(publicKey.export({ type: 'spki', format: 'pem' }));
const statement = { clusterId: 'c1', seq: 42, hash: 'a'.repeat(64), signedAt: '2024-04-23T10:00:00.000Z' };

describe('signed checkpoints', () => {
  it('verify with the public key', () => {
    expect(verifyCheckpoint(statement, signCheckpoint(statement, privateKey), publicKeyPem)).toBe(true);
  });

  it('fail for any other head, time or key', () => {
    const signature = signCheckpoint(statement, privateKey);
    expect(verifyCheckpoint({ ...statement, seq: 43 }, signature, publicKeyPem)).toBe(false);
    expect(verifyCheckpoint({ ...statement, hash: 'b'.repeat(64) }, signature, publicKeyPem)).toBe(false);
    expect(
      verifyCheckpoint({ ...statement, signedAt: '2024-04-23T10:00:01.000Z' }, signature, publicKeyPem),
    ).toBe(false);
    const other = String(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    expect(verifyCheckpoint(statement, signature, other)).toBe(false);
    expect(verifyCheckpoint(statement, 'not base64 at all', 'not a key')).toBe(false);
  });

  it('name a key by a short, stable digest', () => {
    expect(keyIdOf(publicKeyPem)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(`${publicKeyPem}\n`)).toBe(keyIdOf(publicKeyPem));
  });
});
