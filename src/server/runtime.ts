/**
 * Brings Kopa up: the database (given, or embedded and started here), migrations, the signing
 * key, and — for the server — the HTTP listener with a lock that keeps a second server off the
 * same data directory. Every CLI command goes through `openRuntime`, so each works whether or not
 * the server is running.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from './app.ts';
import { AuditLog } from './platform/audit/audit-log.ts';
import { loadOrCreateSigningKey } from './platform/audit/signing-key.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { KopaConfig } from './platform/config.ts';
import { connectDatabase, type Db } from './platform/database.ts';
import { isProcessAlive, type RunningDatabase, startEmbeddedPostgres } from './platform/embedded-postgres.ts';
import { Mailer } from './platform/mail.ts';
import { migrate } from './platform/migrations.ts';

export interface Runtime {
  readonly config: KopaConfig;
  readonly db: Db;
  readonly audit: AuditLog;
  readonly mailer: Mailer;
  readonly clock: Clock;
  close(): Promise<void>;
}

export type Log = (line: string) => void;

/** The database of the embedded server that holds Kopa's data (the server's `postgres` db is left alone). */
export const KOPA_DATABASE = 'kopa';

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = connectDatabase(adminUrl, 1);
  try {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(admin);
    if ((rows[0]?.n ?? 0) === 0) {
      try {
        await sql.raw(`CREATE DATABASE "${name}"`).execute(admin);
      } catch (error) {
        // Another Kopa process created it a moment ago.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await admin.destroy();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openRuntime(
  config: KopaConfig,
  log: Log,
  clock: Clock = systemClock,
): Promise<Runtime> {
  mkdirSync(config.dataDir, { recursive: true });
  let database: RunningDatabase | null = null;
  let url: string;
  if (config.databaseUrl) {
    url = config.databaseUrl;
  } else {
    database = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
    url = await ensureDatabase(database.url, KOPA_DATABASE);
  }
  const db = connectDatabase(url);
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}.`);
    const audit = new AuditLog(loadOrCreateSigningKey(config.dataDir), clock);
    await audit.registerKey(db);
    const mailer = new Mailer(db, clock, { smtp: config.smtp, printToLog: config.isDemo, log });
    return {
      config,
      db,
      audit,
      mailer,
      clock,
      close: async () => {
        await db.destroy();
        if (database?.isOwned) await database.stop();
      },
    };
  } catch (error) {
    await db.destroy();
    if (database?.isOwned) await database.stop();
    throw error;
  }
}

export class AlreadyRunningError extends Error {}

/** One server per data directory: a second one would fight the first over the same database. */
export function acquireServerLock(dataDir: string): () => void {
  const file = path.join(dataDir, 'kopa-server.pid');
  if (existsSync(file)) {
    const [pidText, address] = readFileSync(file, 'utf8').split('\n');
    const pid = Number(pidText);
    if (isProcessAlive(pid) && pid !== process.pid) {
      throw new AlreadyRunningError(
        `Kopa is already running on this data directory (${dataDir}), process ${pid}${address ? ` at ${address}` : ''}. ` +
          'Stop it first, or start this one with another KOPA_DATA_DIR.',
      );
    }
  }
  writeFileSync(file, `${process.pid}\n`);
  return () => rmSync(file, { force: true });
}

export async function startServer(runtime: Runtime, log: Log): Promise<FastifyInstance> {
  const app = await buildApp({
    db: runtime.db,
    audit: runtime.audit,
    mailer: runtime.mailer,
    clock: runtime.clock,
    publicUrl: runtime.config.publicUrl,
    rateLimitScale: runtime.config.rateLimitScale,
    logger: process.env.KOPA_LOG_REQUESTS === '1',
  });
  await app.listen({ port: runtime.config.port, host: runtime.config.host });
  writeFileSync(
    path.join(runtime.config.dataDir, 'kopa-server.pid'),
    `${process.pid}\n${runtime.config.publicUrl}\n`,
  );
  log(`Kopa is serving at ${runtime.config.publicUrl}`);
  return app;
}
