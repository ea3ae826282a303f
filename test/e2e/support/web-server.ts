/**
 * A real Kopa server for one browser-test file: its own database (cloned from the run's migrated
 * template), the built web app, a real port. Mails stay in the outbox, where tests read the links.
 */
import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../../../src/server/platform/audit/audit-log.ts';
import type { Db } from '../../../src/server/platform/database.ts';
import { findFreePort } from '../../../src/server/platform/embedded-postgres.ts';
import { createTestKopa, newestMailWith } from '../../support/test-kopa.ts';
import { ensureWebBuild } from './web-build.ts';

export interface WebServer {
  readonly baseUrl: string;
  readonly db: Db;
  /** The server's audit log, for services a test runs beside it (a scheduler's run). */
  readonly audit: AuditLog;
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
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const kopa = await createTestKopa({ publicUrl: baseUrl, serveWeb: true });
  const { app, db, audit } = kopa;
  await app.listen({ port, host: '127.0.0.1' });

  return {
    baseUrl,
    db,
    audit,
    app,
    url: (pathAndQuery) => new URL(pathAndQuery, baseUrl).href,
    async mailedLink(email, pathPart) {
      const body = await newestMailWith(db, email, pathPart);
      const match = new RegExp(`https?://[^\\s]*(${pathPart.replace(/[?]/g, '\\?')}[A-Za-z0-9_-]+)`).exec(
        body,
      );
      if (!match?.[1]) throw new Error(`no ${pathPart} link in the mail to ${email}`);
      return match[1];
    },
    async makePlatformAdmin(email) {
      await db
        .updateTable('person')
        .set({ is_platform_admin: true })
        .where('email', '=', email.toLowerCase())
        .execute();
    },
    close: kopa.close,
  };
}
