/**
 * The real Kopa application on a fresh test database, as API tests and browser tests both need it:
 * its own database cloned from the template, its own data directory and checkpoint key, mail kept in
 * the outbox where tests read the links.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { AuditLog } from '../../src/server/platform/audit/audit-log.ts';
import { loadOrCreateSigningKey } from '../../src/server/platform/audit/signing-key.ts';
import type { Db } from '../../src/server/platform/database.ts';
import { newId } from '../../src/server/platform/ids.ts';
import { Mailer } from '../../src/server/platform/mail.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestKopa {
  readonly app: FastifyInstance;
  readonly db: Db;
  readonly databaseUrl: string;
  readonly audit: AuditLog;
  readonly dataDir: string;
  /** Closes the application and drops its database. */
  close(): Promise<void>;
}

export async function createTestKopa(options: {
  publicUrl: string;
  serveWeb: boolean;
  rateLimitScale?: number;
  publicCacheTtlMs?: number;
  onStatement?: (text: string) => void;
}): Promise<TestKopa> {
  const database = await createTestDatabase(options.onStatement);
  const dataDir = path.join(inject('testDataRoot'), `kopa-${newId()}`);
  mkdirSync(dataDir, { recursive: true });
  const clock = () => new Date();
  const audit = new AuditLog(loadOrCreateSigningKey(dataDir), clock);
  await audit.registerKey(database.db);
  const mailer = new Mailer(database.db, clock, { printToLog: false, log: () => {} });
  const app = await buildApp({
    db: database.db,
    audit,
    mailer,
    clock,
    publicUrl: options.publicUrl,
    rateLimitScale: options.rateLimitScale ?? 1000,
    serveWeb: options.serveWeb,
    publicCacheTtlMs: options.publicCacheTtlMs,
  });
  return {
    app,
    db: database.db,
    databaseUrl: database.url,
    audit,
    dataDir,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The body of the newest mail to the address whose text contains `pathPart`. */
export async function newestMailWith(db: Db, email: string, pathPart: string): Promise<string> {
  const mail = await db
    .selectFrom('mail_outbox')
    .select('body_text')
    .where('to_address', '=', email.toLowerCase())
    .where('body_text', 'like', `%${pathPart}%`)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return mail.body_text;
}
