/**
 * The API benchmark (`kopa bench api [--quick]`): a fresh Kopa on a temporary embedded PostgreSQL,
 * seeded with 50 clusters × 200 organisations × 500 people, then measured with autocannon at 50
 * concurrent connections on two public read endpoints and, as the yardstick, a bare Fastify route
 * served by the same process in the same run:
 *
 *   directory     GET /api/v1/clusters/{slug}/organisations?limit=20[&cursor=…], over every cluster and page
 *   cluster page  GET /api/v1/clusters/{slug}, over every cluster
 *   trivial       GET /trivial → {"ok":true}, a Fastify instance with no plugins
 *
 * The two Kopa rows are anonymous reads, answered by the public read cache when warm
 * (docs/decisions/0002-public-read-cache.md); two more rows measure the same paths on the same
 * application with the cache off — the cost of every miss, and what signed-in readers get — for
 * information, not held to the targets.
 *
 * Targets: p95 latency under 20 ms, and at least 30% of the trivial route's throughput. The load
 * generator runs in a child process (bench/load-generator.ts): in this process it would share the
 * server's event loop and its CPU time would be counted against the server. On a small machine
 * the two processes and PostgreSQL still share the cores, so each row also shows how the cores
 * were split (bench/cpu-accounting.ts): whether the server, PostgreSQL or the load generator was
 * the limit, and whether another program disturbed the run (such a run is measured again).
 *
 * Prints a table and writes bench/results/api.json. The exit code is 1 when a request failed, or
 * (full run only) when a target is missed; `--quick` is a smoke test of the whole path.
 */

import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import type { Db } from '../src/server/platform/database.ts';
import { encodeCursor } from '../src/server/platform/http/pagination.ts';
import { openRuntime, type Runtime } from '../src/server/runtime.ts';
import { machineFacts } from './bench-options.ts';
import { type CpuSplit, postmasterPid, startCpuAccounting } from './cpu-accounting.ts';
import type { LoadJob, LoadSummary } from './load-generator.ts';
import { FULL_SCALE, QUICK_SCALE, type SeededCluster, type SeedScale, seedAtScale } from './seed-at-scale.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(BENCH_DIR, 'results', 'api.json');

const CONNECTIONS = 50;
const PAGE_SIZE = 20;
const P95_TARGET_MS = 20;
const THROUGHPUT_SHARE_TARGET = 0.3;
/** Cores used by other programs during a run from which its figures count as disturbed. */
const DISTURBANCE_CORES = 0.15;
const MAX_ATTEMPTS = 3;

interface Timing {
  readonly warmupS: number;
  readonly durationS: number;
}
const FULL_TIMING: Timing = { warmupS: 3, durationS: 10 };
const QUICK_TIMING: Timing = { warmupS: 1, durationS: 2 };

// A returning browser: it already holds the CSRF cookie, so the server does not mint one per request.
const HEADERS = { accept: 'application/json', 'accept-language': 'en', cookie: 'kopa_csrf=benchmark' };

interface Target {
  readonly name: string;
  readonly route: string;
  readonly origin: string;
  readonly paths: readonly string[];
  readonly isYardstick: boolean;
  /** Held to the targets; the rows without the public read cache are shown for information. */
  readonly isGated: boolean;
  /** What a correct answer looks like, checked once before the load. */
  readonly isExpectedBody: (body: Record<string, unknown>) => boolean;
}

interface Measured extends Target {
  readonly summary: LoadSummary;
  /** Share of the time the server's event loop was busy during the measured run (0…1). */
  readonly serverEventLoopUtilisation: number;
  /** Cores used by the server, PostgreSQL, the load generator and other programs (Linux only). */
  readonly cpu: CpuSplit | null;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Every page of the public directory of each cluster: the first page, then one per cursor. */
async function directoryPaths(db: Db, clusters: readonly SeededCluster[]): Promise<string[]> {
  const { rows } = await sql<{ cluster_id: string; name: string; id: string }>`
    SELECT cluster_id, name, id FROM (
      SELECT cluster_id, name, id, row_number() OVER (PARTITION BY cluster_id ORDER BY name, id) AS n
      FROM organisation WHERE membership_status = 'active'
    ) ranked
    WHERE n % ${PAGE_SIZE} = 0
    ORDER BY cluster_id, n
  `.execute(db);
  const cursorsByCluster = new Map<string, string[]>();
  for (const row of rows) {
    const cursors = cursorsByCluster.get(row.cluster_id) ?? [];
    cursors.push(encodeCursor([row.name, row.id]));
    cursorsByCluster.set(row.cluster_id, cursors);
  }
  const pagesByCluster = clusters.map((cluster) => {
    const base = `/api/v1/clusters/${cluster.slug}/organisations?limit=${PAGE_SIZE}`;
    return [base, ...(cursorsByCluster.get(cluster.id) ?? []).map((cursor) => `${base}&cursor=${cursor}`)];
  });
  // Interleaved: page 1 of every cluster, then page 2 of every cluster, …
  const paths: string[] = [];
  const pageCount = Math.max(...pagesByCluster.map((pages) => pages.length));
  for (let page = 0; page < pageCount; page++) {
    for (const pages of pagesByCluster) if (pages[page] !== undefined) paths.push(pages[page] as string);
  }
  return paths;
}

/** Fails early, before any timing, if an endpoint does not answer what it should. */
async function checkTargets(targets: readonly Target[]): Promise<void> {
  for (const target of targets) {
    for (const requestPath of [target.paths[0], target.paths[target.paths.length - 1]]) {
      const response = await fetch(`${target.origin}${requestPath}`, { headers: HEADERS });
      const body = (await response.json()) as Record<string, unknown>;
      const isExpected = response.status === 200 && target.isExpectedBody(body);
      if (!isExpected) {
        throw new Error(
          `${target.name}: GET ${requestPath} answered ${response.status} ${JSON.stringify(body)}`,
        );
      }
    }
  }
}

function startLoadGenerator(): ChildProcess {
  // The child needs the same TypeScript loader as this process.
  return fork(path.join(BENCH_DIR, 'load-generator.ts'), [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function runInChild(child: ChildProcess, job: LoadJob): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the load generator exited (code ${code})`));
    child.once('exit', onExit);
    child.once('message', (message: { ok: true; summary: LoadSummary } | { ok: false; message: string }) => {
      child.off('exit', onExit);
      if (message.ok) resolve(message.summary);
      else reject(new Error(`the load generator failed: ${message.message}`));
    });
    child.send(job);
  });
}

async function measure(
  child: ChildProcess,
  target: Target,
  timing: Timing,
  postmaster: number | null,
): Promise<Measured> {
  const job = { origin: target.origin, paths: target.paths, connections: CONNECTIONS, headers: HEADERS };
  await runInChild(child, { ...job, durationS: timing.warmupS });
  const loopBefore = performance.eventLoopUtilization();
  const stopCpuAccounting = startCpuAccounting({ postmaster, loadGenerator: child.pid });
  const summary = await runInChild(child, { ...job, durationS: timing.durationS });
  const cpu = stopCpuAccounting();
  const loop = performance.eventLoopUtilization(loopBefore);
  return { ...target, summary, serverEventLoopUtilisation: loop.utilization, cpu };
}

const otherCoresOf = (result: Measured) => result.cpu?.otherCores ?? 0;
const namesOf = (result: Measured) =>
  (result.cpu?.topOthers ?? []).map((other) => `${other.name} ${other.cores.toFixed(2)}`).join(', ');

/** On a shared machine another program may take CPU mid-run; such a run is repeated, and the calmest kept. */
async function measureLeastDisturbed(
  child: ChildProcess,
  target: Target,
  timing: Timing,
  postmaster: number | null,
): Promise<Measured> {
  let best = await measure(child, target, timing, postmaster);
  for (let attempt = 2; attempt <= MAX_ATTEMPTS && otherCoresOf(best) >= DISTURBANCE_CORES; attempt++) {
    log(
      `    other programs used ${otherCoresOf(best).toFixed(2)} cores meanwhile (${namesOf(best)}); measuring again (${attempt}/${MAX_ATTEMPTS})`,
    );
    const again = await measure(child, target, timing, postmaster);
    if (otherCoresOf(again) < otherCoresOf(best)) best = again;
  }
  return best;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function printTable(results: readonly ReturnType<typeof judge>[]): void {
  const header = [
    'endpoint',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'of trivial',
    'p95 < 20 ms',
    'rate ≥ 30%',
    'cores: server/pg/load/other/kernel',
  ];
  const rows = results.map((r) => [
    r.name,
    fixed(r.requestsPerS, 0),
    fixed(r.latencyMs.p50, 2),
    fixed(r.latencyMs.p95, 2),
    fixed(r.latencyMs.p99, 2),
    r.throughputShare === null ? '—' : `${fixed(r.throughputShare * 100, 1)}%`,
    r.passes === null ? '—' : r.passes.p95 ? 'pass' : 'FAIL',
    r.passes === null ? '—' : r.passes.throughput ? 'pass' : 'FAIL',
    r.cpuCores === null
      ? '—'
      : [
          r.cpuCores.serverCores,
          r.cpuCores.postgresCores,
          r.cpuCores.loadGeneratorCores,
          r.cpuCores.otherCores,
          r.cpuCores.kernelCores,
        ]
          .map((cores) => cores.toFixed(2))
          .join(' / '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join('  ');
  log('');
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) log(line(row));
  log('');
}

function judge(result: Measured, yardstick: Measured) {
  const { summary } = result;
  const share = result.isYardstick ? null : summary.requestsPerS / yardstick.summary.requestsPerS;
  return {
    name: result.name,
    route: result.route,
    distinctPaths: result.paths.length,
    requestsPerS: summary.requestsPerS,
    latencyMs: summary.latencyMs,
    okCount: summary.okCount,
    non2xxCount: summary.non2xxCount,
    errorCount: summary.errorCount,
    timeoutCount: summary.timeoutCount,
    durationS: summary.durationS,
    serverEventLoopUtilisation: Number(result.serverEventLoopUtilisation.toFixed(3)),
    cpuCores: result.cpu,
    throughputShare: share,
    passes:
      share === null || !result.isGated
        ? null
        : { p95: summary.latencyMs.p95 < P95_TARGET_MS, throughput: share >= THROUGHPUT_SHARE_TARGET },
  };
}

export async function runApiBenchmark(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { quick: { type: 'boolean', default: false } } });
  const isQuick = values.quick === true;
  const scale: SeedScale = isQuick ? QUICK_SCALE : FULL_SCALE;
  const timing = isQuick ? QUICK_TIMING : FULL_TIMING;

  if (process.env.DATABASE_URL)
    log('DATABASE_URL is ignored: the benchmark always runs on its own embedded PostgreSQL.');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kopa-bench-'));
  let runtime: Runtime | null = null;
  let kopa: FastifyInstance | null = null;
  let kopaUncached: FastifyInstance | null = null;
  let trivial: FastifyInstance | null = null;
  let child: ChildProcess | null = null;
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
    log(
      `Seeding ${scale.clusterCount} clusters × ${scale.organisationsPerCluster} organisations × ${scale.peoplePerCluster} people…`,
    );
    const seeded = await seedAtScale(runtime.db, scale);
    log(
      `  ${seeded.organisationCount} organisations, ${seeded.personCount} people, ${seeded.roleCount} roles in ${fixed(seeded.elapsedMs / 1000, 1)} s.`,
    );

    kopa = await buildApp({
      db: runtime.db,
      audit: runtime.audit,
      mailer: runtime.mailer,
      clock: runtime.clock,
      publicUrl: runtime.config.publicUrl,
      rateLimitScale: runtime.config.rateLimitScale,
      logger: false,
      serveWeb: false,
    });
    const kopaOrigin = await listen(kopa);
    // The same application with the public read cache off: what every read costs on a miss, and
    // what signed-in readers (who never use the cache) get.
    kopaUncached = await buildApp({
      db: runtime.db,
      audit: runtime.audit,
      mailer: runtime.mailer,
      clock: runtime.clock,
      publicUrl: runtime.config.publicUrl,
      rateLimitScale: runtime.config.rateLimitScale,
      logger: false,
      serveWeb: false,
      publicCacheTtlMs: 0,
    });
    const uncachedOrigin = await listen(kopaUncached);
    trivial = Fastify({ logger: false });
    trivial.get('/trivial', async () => ({ ok: true }));
    const trivialOrigin = await listen(trivial);

    const directory = await directoryPaths(runtime.db, seeded.clusters);
    const clusterPages = seeded.clusters.map((cluster) => `/api/v1/clusters/${cluster.slug}`);
    const targets: Target[] = [
      {
        name: 'trivial Fastify route',
        route: 'GET /trivial',
        origin: trivialOrigin,
        paths: ['/trivial'],
        isYardstick: true,
        isGated: false,
        isExpectedBody: (body) => body.ok === true,
      },
      {
        name: 'member directory',
        route: 'GET /api/v1/clusters/{slug}/organisations',
        origin: kopaOrigin,
        paths: directory,
        isYardstick: false,
        isGated: true,
        isExpectedBody: (body) => Array.isArray(body.items) && body.items.length > 0,
      },
      {
        name: 'cluster page',
        route: 'GET /api/v1/clusters/{slug}',
        origin: kopaOrigin,
        paths: clusterPages,
        isYardstick: false,
        isGated: true,
        isExpectedBody: (body) => typeof body.slug === 'string',
      },
      {
        name: 'member directory, no cache',
        route: 'GET /api/v1/clusters/{slug}/organisations',
        origin: uncachedOrigin,
        paths: directory,
        isYardstick: false,
        isGated: false,
        isExpectedBody: (body) => Array.isArray(body.items) && body.items.length > 0,
      },
      {
        name: 'cluster page, no cache',
        route: 'GET /api/v1/clusters/{slug}',
        origin: uncachedOrigin,
        paths: clusterPages,
        isYardstick: false,
        isGated: false,
        isExpectedBody: (body) => typeof body.slug === 'string',
      },
    ];
    await checkTargets(targets);

    child = startLoadGenerator();
    const postmaster = postmasterPid(path.join(dataDir, 'postgres'));
    const { rows: versionRows } = await sql<{ version: string }>`SELECT version() AS version`.execute(
      runtime.db,
    );
    log(
      `Load: ${CONNECTIONS} connections, ${timing.warmupS} s warm-up then ${timing.durationS} s per endpoint, ` +
        `autocannon in a child process (pid ${child.pid}).`,
    );
    const measured: Measured[] = [];
    for (const target of targets) {
      log(`  ${target.name} (${target.paths.length} distinct paths)…`);
      measured.push(await measureLeastDisturbed(child, target, timing, postmaster));
    }
    const yardstick = measured[0] as Measured;
    const results = measured.map((result) => judge(result, yardstick));
    printTable(results);

    const failedRequests = results.filter((r) => r.non2xxCount + r.errorCount + r.timeoutCount > 0);
    const missedTargets = results.filter((r) => r.passes !== null && !(r.passes.p95 && r.passes.throughput));
    const report = {
      benchmark: 'api',
      mode: isQuick ? 'quick' : 'full',
      ranAt: new Date().toISOString(),
      machine: {
        ...machineFacts(),
        postgres: versionRows[0]?.version ?? 'unknown',
      },
      scale,
      seedMs: Math.round(seeded.elapsedMs),
      load: {
        connections: CONNECTIONS,
        warmupS: timing.warmupS,
        durationS: timing.durationS,
        generator: 'autocannon in a child process (bench/load-generator.ts)',
        headers: HEADERS,
      },
      targets: { p95Ms: P95_TARGET_MS, throughputShareOfTrivial: THROUGHPUT_SHARE_TARGET },
      results,
      isDisturbed: measured.some((r) => otherCoresOf(r) >= DISTURBANCE_CORES),
      isPassing: failedRequests.length === 0 && missedTargets.length === 0,
    };
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}.`);

    for (const r of failedRequests) {
      log(
        `${r.name}: ${r.non2xxCount} non-2xx responses, ${r.errorCount} errors, ${r.timeoutCount} timeouts.`,
      );
    }
    for (const r of missedTargets) log(`${r.name}: missed a target.`);
    const disturbed = measured.filter((r) => otherCoresOf(r) >= DISTURBANCE_CORES);
    if (disturbed.length > 0) {
      log(
        `Other programs used CPU during ${disturbed.map((r) => r.name).join(', ')} ` +
          `(up to ${Math.max(...disturbed.map(otherCoresOf)).toFixed(2)} cores: ${disturbed.map(namesOf).join('; ')}) ` +
          `even after ${MAX_ATTEMPTS} attempts: those figures are disturbed.`,
      );
    }
    if (failedRequests.length > 0) return 1;
    if (missedTargets.length > 0 && !isQuick) return 1;
    return 0;
  } finally {
    child?.disconnect();
    await kopa?.close();
    await kopaUncached?.close();
    await trivial?.close();
    await runtime?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
