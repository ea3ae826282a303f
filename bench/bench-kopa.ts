/**
 * A fresh Kopa for a currency benchmark: a temporary data directory with its own embedded
 * PostgreSQL (default settings: fsync on), migrated, and the application listening on loopback —
 * on a database handle the benchmark may supply (one that times its statements, say). `close`
 * stops everything and removes the directory.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import type { Db } from '../src/server/platform/database.ts';
import { openRuntime, type Runtime } from '../src/server/runtime.ts';
import { postmasterPid } from './cpu-accounting.ts';
import { type ProfiledDatabase, profiledDatabase } from './statement-profile.ts';

export interface BenchKopa {
  readonly runtime: Runtime;
  /** Where the application listens, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** The embedded PostgreSQL's port and password, for pgbench and extra pools. */
  readonly postgres: { readonly port: number; readonly password: string; readonly databaseUrl: string };
  /** The postmaster's process id, for the CPU split. */
  readonly postmaster: number | null;
  close(): Promise<void>;
}

export async function startBenchKopa(options: {
  readonly name: string;
  readonly log: (line: string) => void;
  /**
   * Called once the database is ready: a database handle for the application instead of the
   * runtime's, closed after the application and before PostgreSQL stops.
   */
  readonly prepare?: (databaseUrl: string) => { readonly db: Db; destroy(): Promise<void> };
}): Promise<BenchKopa> {
  const { log } = options;
  if (process.env.DATABASE_URL)
    log('DATABASE_URL is ignored: the benchmark always runs on its own embedded PostgreSQL.');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `kopa-bench-${options.name}-`));
  let runtime: Runtime | null = null;
  let app: FastifyInstance | null = null;
  let appDatabase: { readonly db: Db; destroy(): Promise<void> } | undefined;
  const close = async () => {
    await app?.close();
    await appDatabase?.destroy();
    await runtime?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    runtime = await openRuntime(
      loadConfig({
        ...process.env,
        DATABASE_URL: undefined,
        KOPA_DATA_DIR: dataDir,
        KOPA_DEMO: 'false',
        KOPA_RATE_LIMIT_SCALE: '10000',
      }),
      (line) => log(`  ${line}`),
    );
    const { rows } = await sql<{ port: number }>`SELECT inet_server_port() AS port`.execute(runtime.db);
    const port = Number(rows[0]?.port);
    const password = readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
    const databaseUrl = `postgres://kopa:${encodeURIComponent(password)}@127.0.0.1:${port}/kopa`;
    appDatabase = options.prepare?.(databaseUrl);
    app = await buildApp({
      db: appDatabase?.db ?? runtime.db,
      audit: runtime.audit,
      mailer: runtime.mailer,
      clock: runtime.clock,
      publicUrl: runtime.config.publicUrl,
      rateLimitScale: runtime.config.rateLimitScale,
      logger: false,
      serveWeb: false,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    return {
      runtime,
      origin: `http://127.0.0.1:${address.port}`,
      postgres: { port, password, databaseUrl },
      postmaster: postmasterPid(path.join(dataDir, 'postgres')),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A load generator in a process of its own (bench/load-generator.ts, bench/payment-load.ts): its
 * work never runs on the event loop of the server it measures.
 */
export function forkLoadProcess(file: string): ChildProcess {
  // The child needs the same TypeScript loader as this process.
  return fork(file, [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Sends one job to a load process and waits for its summary. */
export function runLoadJob<Job, Summary>(child: ChildProcess, job: Job): Promise<Summary> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the load process exited (code ${code})`));
    child.once('exit', onExit);
    child.once('message', (message: { ok: true; summary: Summary } | { ok: false; message: string }) => {
      child.off('exit', onExit);
      if (message.ok) resolve(message.summary);
      else reject(new Error(`the load process failed: ${message.message}`));
    });
    child.send(job as object);
  });
}

/**
 * Kopa whose application sends its statements through a pool of `connections` that times them and
 * can record them (bench/statement-profile.ts) — to say how many round trips a request makes and
 * to explain their plans.
 */
export async function startProfiledBenchKopa(
  name: string,
  log: (line: string) => void,
  connections: number,
): Promise<{ kopa: BenchKopa; profiled: ProfiledDatabase }> {
  let profiled: ProfiledDatabase | undefined;
  const kopa = await startBenchKopa({
    name,
    log,
    prepare: (databaseUrl) => {
      profiled = profiledDatabase(databaseUrl, connections);
      return profiled;
    },
  });
  if (!profiled) {
    await kopa.close();
    throw new Error('the application started without its profiled pool');
  }
  return { kopa, profiled };
}
