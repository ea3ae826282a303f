/**
 * A real Kopa server for one browser-test file: its own database (cloned from the run's migrated
 * template), the built web app, a real port. Mails stay in the outbox, where tests read the links.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../../src/server/app.ts';
import { AuditLog } from '../../../src/server/platform/audit/audit-log.ts';
import { loadOrCreateSigningKey } from '../../../src/server/platform/audit/signing-key.ts';
import type { Db } from '../../../src/server/platform/database.ts';
import { findFreePort } from '../../../src/server/platform/embedded-postgres.ts';
import { newId } from '../../../src/server/platform/ids.ts';
import { Mailer } from '../../../src/server/platform/mail.ts';
import { createTestDatabase } from '../../support/test-database.ts';
import { ensureWebBuild } from './web-build.ts';

export interface WebServer {
  readonly baseUrl: string;
  readonly db: Db;
  readonly app: FastifyInstance;
  /** An address of the web app on this server. */
  url(pathAndQuery: string): string;
  /** The path and query of the newest link containing `pathPart` mailed to the address. */
  mailedLink(email: string, pathPart: string): Promise<string>;
  makePlatformAdmin(email: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWebServer(): Promise<WebServer> {
  await ensureWebBuild();
  const database = await createTestDatabase();
  const dataDir = path.join(inject('testDataRoot'), `web-${newId()}`);
  mkdirSync(dataDir, { recursive: true });
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const clock = () => new Date();
  const audit = new AuditLog(loadOrCreateSigningKey(dataDir), clock);
  await audit.registerKey(database.db);
  const mailer = new Mailer(database.db, clock, { printToLog: false, log: () => {} });
  const app = await buildApp({
    db: database.db,
    audit,
    mailer,
    clock,
    publicUrl: baseUrl,
    rateLimitScale: 1000,
    serveWeb: true,
  });
  await app.listen({ port, host: '127.0.0.1' });

  return {
    baseUrl,
    db: database.db,
    app,
    url: (pathAndQuery) => new URL(pathAndQuery, baseUrl).href,
    async mailedLink(email, pathPart) {
      const mail = await database.db
        .selectFrom('mail_outbox')
        .select('body_text')
        .where('to_address', '=', email.toLowerCase())
        .where('body_text', 'like', `%${pathPart}%`)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const match = new RegExp(`https?://[^\\s]*(${pathPart.replace(/[?]/g, '\\?')}[A-Za-z0-9_-]+)`).exec(
        mail.body_text,
      );
      if (!match?.[1]) throw new Error(`no ${pathPart} link in the mail to ${email}`);
      return match[1];
    },
    async makePlatformAdmin(email) {
      await database.db
        .updateTable('person')
        .set({ is_platform_admin: true })
        .where('email', '=', email.toLowerCase())
        .execute();
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
