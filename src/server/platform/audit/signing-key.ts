/**
 * The instance's Ed25519 checkpoint key: created on first start in the data directory (readable
 * by the owner only), and its public half registered in the database for verifiers.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keyIdOf } from '../../../domain/transparency/checkpoint.ts';

export interface SigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
}

export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, 'audit-checkpoint-ed25519.pem');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  const publicKeyPem = String(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' })).trim();
  return { keyId: keyIdOf(publicKeyPem), privateKey, publicKeyPem };
}
