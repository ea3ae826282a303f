/**
 * The wallet history benchmark (`kopa bench wallet-history [--json] [--quick]`): one cluster of
 * 1,000 member accounts with 1,000,000 transfers (100,000 with `--quick`), then pages of a wallet's
 * history — GET /api/v1/clusters/{slug}/currency/accounts/{id}/transfers — asked for by its signed-in
 * representative at 8 concurrent connections (autocannon in a child process, bench/load-generator.ts),
 * and by one reader alone (the cost of a page without queueing).
 *
 * The measured wallet is the cluster's busiest: one side of a fifth of all transfers (200,000 with
 * the full million), so a deep page lies far down a long history. The rows measured: the first page;
 * deep pages (cursors spread over the whole history); incoming payments only, deep; a search of the
 * descriptions; a search for one counterparty by name; one month a year back; and the first page of
 * an ordinary wallet (about 1,600 transfers). Goal: p95 under 30 ms for every row. For each row the
 * statements of one request are recorded and the history queries explained (EXPLAIN ANALYZE with
 * their parameters): how long the database took and how many rows it read only to throw away.
 *
 * The transfers are generated in SQL (generate_series), with each account's running balance computed
 * by a window over its transfers in order — the balances after each transfer and the accounts'
 * final balances agree, as the invariant check after loading proves. Bulk loading bypasses the
 * application: no audit events are written for these transfers (the history does not read them),
 * and foreign keys are not re-checked row by row (the rows are consistent by construction).
 *
 * Prints a table, writes bench/results/wallet-history.json, and prints one JSON object as the last
 * line (with `--json`, the only line on standard output). Exit code 1 when a request failed or an
 * invariant broke, or (full run only) when the goal is missed.
 */

import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../src/server/platform/database.ts';
import { encodeCursor } from '../src/server/platform/http/pagination.ts';
import { ledgerViolations, totalOf } from '../test/currency/support/ledger-invariants.ts';
import { type BenchKopa, forkLoadProcess, runLoadJob, startProfiledBenchKopa } from './bench-kopa.ts';
import { benchmarkOptions, machineFacts } from './bench-options.ts';
import { type CpuSplit, startCpuAccounting } from './cpu-accounting.ts';
import type { LoadJob, LoadSummary } from './load-generator.ts';
import { type LedgerSeed, seedLedger } from './seed-ledger.ts';
import type { SentStatement } from './statement-profile.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(BENCH_DIR, 'results', 'wallet-history.json');

const ACCOUNT_COUNT = 1_000;
const FULL_TRANSFERS = 1_000_000;
const QUICK_TRANSFERS = 100_000;
/** Of all transfers, the share the busiest wallet pays and the share it receives. */
const HUB_SHARE_EACH_WAY = 0.1;
/**
 * Concurrent readers. On two cores a closed loop of C readers waits about C × (CPU per request) / 2
 * per page, so this is what holds the latency goal to the cost of a page, not to queueing alone.
 */
const CONNECTIONS = 8;
const PAGE_SIZE = 20;
const P95_TARGET_MS = 30;
/** The transfers are spread evenly over the last two years. */
const HISTORY_SPAN_S = 2 * 365 * 86_400;
const CREDIT_LIMIT_MINOR = 1_000_000_000;
const MAX_AMOUNT_MINOR = 10_000;
const DEEP_CURSOR_COUNT = 50;
const GENERATION_CHUNK = 250_000;
/** As `kopa serve` connects (connectDatabase's default). */
const APP_POOL_CONNECTIONS = 20;
const SETTLE_MS = 500;
const WORK = ['Catering', 'Printing', 'Workshop', 'Consulting', 'Transport', 'Rent', 'Translation', 'Design'];

interface Timing {
  readonly warmupS: number;
  readonly durationS: number;
}
const FULL_TIMING: Timing = { warmupS: 1, durationS: 5 };
const QUICK_TIMING: Timing = { warmupS: 0.5, durationS: 1.5 };

const fixed = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);

/**
 * Appends `count` transfers in chunks, each account's balances carried from one chunk to the next:
 * the hub pays a share of them and receives another share, the rest go between random pairs;
 * amounts up to MAX_AMOUNT_MINOR, descriptions from a small vocabulary with a number.
 */
async function generateTransfers(db: Db, seed: LedgerSeed, count: number, log: (line: string) => void) {
  const accountIds = seed.accounts.map((a) => a.accountId);
  const spacingS = Math.floor(HISTORY_SPAN_S / count);
  const startedAtS = Math.floor(Date.now() / 1000) - count * spacingS;
  const hubShare = HUB_SHARE_EACH_WAY;
  for (let from = 1; from <= count; from += GENERATION_CHUNK) {
    const to = Math.min(count, from + GENERATION_CHUNK - 1);
    await db.transaction().execute(async (tx) => {
      // Foreign keys are not re-checked row by row: every account id comes from the cluster's own.
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      // Account 1 is the hub. A payee index is the payer's plus 1 to N - 1, modulo N: never the payer.
      await sql`
        CREATE TEMP TABLE generated ON COMMIT DROP AS
        SELECT n, (${accountIds}::uuid[])[payer_index] AS payer, (${accountIds}::uuid[])[payee_index] AS payee, amount
        FROM (
          SELECT n, payer_index, amount,
            CASE WHEN r >= ${hubShare} AND r < ${2 * hubShare} THEN 1
                 ELSE 1 + (payer_index + floor(random() * ${ACCOUNT_COUNT - 1})::int) % ${ACCOUNT_COUNT} END
              AS payee_index
          FROM (
            SELECT n, r,
              CASE WHEN r < ${hubShare} THEN 1
                   WHEN r < ${2 * hubShare} THEN 2 + floor(random() * ${ACCOUNT_COUNT - 1})::int
                   ELSE 1 + floor(random() * ${ACCOUNT_COUNT})::int END AS payer_index,
              1 + floor(random() * ${MAX_AMOUNT_MINOR})::bigint AS amount
            FROM (SELECT n, random() AS r FROM generate_series(${from}::bigint, ${to}::bigint) AS n) drawn
          ) indexed
        ) chosen`.execute(tx);
      // Each account's balance after each of its transfers: where it stood before this chunk, plus
      // the running sum of its moves in order.
      await sql`
        CREATE TEMP TABLE leg ON COMMIT DROP AS
        SELECT moves.n, moves.is_payer,
          a.balance_minor + sum(moves.delta) OVER (PARTITION BY moves.account ORDER BY moves.n) AS after
        FROM (
          SELECT n, payer AS account, -amount AS delta, true AS is_payer FROM generated
          UNION ALL
          SELECT n, payee, amount, false FROM generated
        ) moves
        JOIN currency_account a ON a.cluster_id = ${seed.clusterId} AND a.id = moves.account`.execute(tx);
      await sql`ANALYZE generated, leg`.execute(tx);
      await sql`
        INSERT INTO currency_transfer (cluster_id, id, seq, kind, payer_account_id, payee_account_id,
          amount_minor, description, related_transfer_id, payer_balance_after, payee_balance_after,
          origin, origin_id, created_by, created_at)
        OVERRIDING SYSTEM VALUE
        SELECT ${seed.clusterId}, gen_random_uuid(), g.n, 'payment', g.payer, g.payee, g.amount,
          (${WORK}::text[])[1 + g.n % ${WORK.length}] || ' ' || (g.n % 9973),
          NULL, paying.after, paid.after, NULL, NULL, NULL,
          to_timestamp(${startedAtS} + g.n * ${spacingS})
        FROM generated g
        JOIN leg paying ON paying.n = g.n AND paying.is_payer
        JOIN leg paid ON paid.n = g.n AND NOT paid.is_payer
        ORDER BY g.n`.execute(tx);
      await sql`
        UPDATE currency_account a SET
          balance_minor = a.balance_minor + moved.delta,
          received_total_minor = a.received_total_minor + moved.received,
          last_transfer_at = to_timestamp(${startedAtS} + moved.last_n * ${spacingS})
        FROM (
          SELECT account, sum(delta) AS delta, sum(greatest(delta, 0)) AS received, max(n) AS last_n
          FROM (
            SELECT n, payer AS account, -amount AS delta FROM generated
            UNION ALL
            SELECT n, payee, amount FROM generated
          ) moves
          GROUP BY account
        ) moved
        WHERE a.cluster_id = ${seed.clusterId} AND a.id = moved.account`.execute(tx);
    });
    log(`  ${to.toLocaleString('en')} transfers…`);
  }
  await sql`
    UPDATE currency_account SET negative_since = CASE WHEN balance_minor < 0 THEN last_transfer_at END
    WHERE cluster_id = ${seed.clusterId}`.execute(db);
  await sql`SELECT setval(pg_get_serial_sequence('currency_transfer', 'seq'), ${count})`.execute(db);
  await sql`VACUUM ANALYZE currency_transfer, currency_account`.execute(db);
}

interface Shape {
  readonly name: string;
  readonly paths: readonly string[];
  /** The wallet's representative, who asks. */
  readonly sessionToken: string;
}

/** The rows to measure: paths of the hub's history (and one ordinary wallet's). */
async function shapes(db: Db, seed: LedgerSeed): Promise<Shape[]> {
  const hubAccount = seed.accounts[0] as LedgerSeed['accounts'][number];
  const ordinaryAccount = seed.accounts[ACCOUNT_COUNT / 2] as LedgerSeed['accounts'][number];
  const hub = hubAccount.accountId;
  const ordinary = ordinaryAccount.accountId;
  const base = (accountId: string) =>
    `/api/v1/clusters/${seed.slug}/currency/accounts/${accountId}/transfers?limit=${PAGE_SIZE}`;
  // Cursors spread evenly over the whole history, newest to oldest.
  const cursorsOf = async (direction: 'in' | 'out' | null) => {
    const { rows } = await sql<{ seq: number }>`
      SELECT seq FROM (
        SELECT seq, row_number() OVER (ORDER BY seq DESC) AS position, count(*) OVER () AS total
        FROM currency_transfer
        WHERE cluster_id = ${seed.clusterId}
          AND ((${direction}::text IS DISTINCT FROM 'in' AND payer_account_id = ${hub})
            OR (${direction}::text IS DISTINCT FROM 'out' AND payee_account_id = ${hub}))
      ) ranked
      -- A cursor at the oldest transfer would ask for the empty page after it.
      WHERE position % greatest(1, total / ${DEEP_CURSOR_COUNT}) = 0 AND position < total
      ORDER BY seq DESC
      LIMIT ${DEEP_CURSOR_COUNT}`.execute(db);
    return rows.map((row) => encodeCursor([Number(row.seq)]));
  };
  const yearAgo = new Date(Date.now() - 365 * 86_400_000);
  const monthStart = new Date(Date.UTC(yearAgo.getUTCFullYear(), yearAgo.getUTCMonth(), 1));
  const monthEnd = new Date(Date.UTC(yearAgo.getUTCFullYear(), yearAgo.getUTCMonth() + 1, 0));
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const hubShapes: Omit<Shape, 'sessionToken'>[] = [
    { name: 'first page', paths: [base(hub)] },
    { name: 'deep pages', paths: (await cursorsOf(null)).map((cursor) => `${base(hub)}&cursor=${cursor}`) },
    {
      name: 'incoming only, deep',
      paths: (await cursorsOf('in')).map((cursor) => `${base(hub)}&direction=in&cursor=${cursor}`),
    },
    { name: 'search: description', paths: WORK.map((word) => `${base(hub)}&q=${encodeURIComponent(word)}`) },
    {
      name: 'search: one counterparty',
      paths: Array.from(
        { length: 20 },
        (_, index) =>
          `${base(hub)}&q=${encodeURIComponent(`Organisation ${String(100 + index * 37).padStart(5, '0')}`)}`,
      ),
    },
    { name: 'one month a year back', paths: [`${base(hub)}&from=${day(monthStart)}&until=${day(monthEnd)}`] },
  ];
  return [
    ...hubShapes.map((shape) => ({ ...shape, sessionToken: hubAccount.sessionToken })),
    {
      name: 'ordinary wallet, first page',
      paths: [base(ordinary)],
      sessionToken: ordinaryAccount.sessionToken,
    },
  ];
}

interface ExplainedStatement {
  readonly executionMs: number;
  /** The plan's scans and joins, innermost last, with the rows each read and discarded. */
  readonly plan: string;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Plans?: PlanNode[];
}

function describePlan(node: PlanNode): string {
  const removed = (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Join Filter'] ?? 0);
  const on = node['Index Name'] ?? node['Relation Name'];
  const own =
    `${node['Node Type']}${on ? ` ${on}` : ''} rows=${node['Actual Rows'] * node['Actual Loops']}` +
    (removed > 0 ? ` discarded=${removed * node['Actual Loops']}` : '');
  const children = (node.Plans ?? []).map(describePlan);
  return children.length > 0 ? `${own} (${children.join(', ')})` : own;
}

/** EXPLAIN ANALYZE of the history statements one request sent, with their parameters. */
async function explain(db: Db, statements: readonly SentStatement[]): Promise<ExplainedStatement[]> {
  const explained: ExplainedStatement[] = [];
  for (const statement of statements) {
    if (!/from "currency_transfer"/.test(statement.sql)) continue;
    const { rows } = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, [...statement.parameters]),
    );
    const output = rows[0]?.['QUERY PLAN'][0];
    if (output)
      explained.push({
        executionMs: Number(output['Execution Time'].toFixed(2)),
        plan: describePlan(output.Plan),
      });
  }
  return explained;
}

export async function runWalletHistoryBenchmark(args: readonly string[]): Promise<number> {
  const { isQuick, log } = benchmarkOptions(args);
  const timing = isQuick ? QUICK_TIMING : FULL_TIMING;
  const transferCount = isQuick ? QUICK_TRANSFERS : FULL_TRANSFERS;

  let kopa: BenchKopa | null = null;
  let child: ChildProcess | null = null;
  try {
    // The application's statements are recorded for one request per row, to explain its plan.
    const started = await startProfiledBenchKopa('wallet-history', log, APP_POOL_CONNECTIONS);
    kopa = started.kopa;
    const recorded = started.profiled;
    const { runtime, origin, postmaster } = kopa;
    const db = runtime.db;
    const seed = await seedLedger(db, runtime.audit, runtime.clock, {
      slug: 'wallet-history',
      memberCount: ACCOUNT_COUNT,
      creditLimitMinor: CREDIT_LIMIT_MINOR,
      maxBalanceMinor: null,
      feeBasisPoints: 0,
    });
    log(`Generating ${transferCount.toLocaleString('en')} transfers between ${ACCOUNT_COUNT} accounts…`);
    const generationStartedAt = performance.now();
    await generateTransfers(db, seed, transferCount, log);
    const generationS = (performance.now() - generationStartedAt) / 1000;
    log(`  done in ${fixed(generationS, 1)} s; checking the ledger's invariants…`);
    const violations = await ledgerViolations(db, seed.clusterId);
    const invariantViolations = totalOf(violations);
    const { rows: hubRows } = await sql<{ transfers: string }>`
      SELECT count(*) AS transfers FROM currency_transfer
      WHERE cluster_id = ${seed.clusterId}
        AND (payer_account_id = ${seed.accounts[0]?.accountId} OR payee_account_id = ${seed.accounts[0]?.accountId})`.execute(
      db,
    );
    const hubTransfers = Number(hubRows[0]?.transfers ?? 0);
    log(
      `  ${invariantViolations === 0 ? 'all hold' : `${invariantViolations} VIOLATIONS ${JSON.stringify(violations)}`}; ` +
        `the busiest wallet has ${hubTransfers.toLocaleString('en')} transfers.`,
    );

    const measuredShapes = await shapes(db, seed);
    // Reads need no CSRF header, only the representative's session.
    const headersOf = (shape: Shape) => ({
      accept: 'application/json',
      'accept-language': 'en',
      cookie: `kopa_session=${shape.sessionToken}; kopa_csrf=benchmark`,
    });
    for (const shape of measuredShapes) {
      const headers = headersOf(shape);
      for (const pathToCheck of [shape.paths[0], shape.paths[shape.paths.length - 1]]) {
        const response = await fetch(`${origin}${pathToCheck}`, { headers });
        const body = (await response.json()) as { items?: unknown[] };
        if (response.status !== 200 || !Array.isArray(body.items) || body.items.length === 0)
          throw new Error(
            `${shape.name}: GET ${pathToCheck} answered ${response.status} ${JSON.stringify(body)}`,
          );
      }
    }

    child = forkLoadProcess(path.join(BENCH_DIR, 'load-generator.ts'));
    log(
      `Load: ${CONNECTIONS} connections, ${timing.warmupS} s warm-up then ${timing.durationS} s per row, ` +
        `autocannon in a child process (pid ${child.pid}).`,
    );
    const results: {
      name: string;
      distinctPaths: number;
      summary: LoadSummary;
      alone: LoadSummary;
      plans: readonly ExplainedStatement[];
      /** All the statements one request sent, and their time from sending to answer. */
      statements: { count: number; totalMs: number };
      cpu: CpuSplit | null;
      isPassing: boolean;
    }[] = [];
    for (const shape of measuredShapes) {
      log(`  ${shape.name} (${shape.paths.length} distinct paths)…`);
      const job = { origin, paths: shape.paths, connections: CONNECTIONS, headers: headersOf(shape) };
      await runLoadJob<LoadJob, LoadSummary>(child, { ...job, durationS: timing.warmupS });
      // One reader alone: the cost of a page without queueing.
      const alone = await runLoadJob<LoadJob, LoadSummary>(child, {
        ...job,
        connections: 1,
        durationS: timing.durationS / 2,
      });
      // Requests the load generator abandoned at its deadline may still be running; let them end.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const stopRecording = recorded.startRecording();
      const middle = shape.paths[Math.floor(shape.paths.length / 2)] as string;
      await fetch(`${origin}${middle}`, { headers: headersOf(shape) });
      const sent = stopRecording();
      const plans = await explain(db, sent);
      const statements = {
        count: sent.length,
        totalMs: Number(sent.reduce((sum, statement) => sum + statement.durationMs, 0).toFixed(2)),
      };
      const stopCpu = startCpuAccounting({ postmaster, loadGenerator: child.pid });
      const summary = await runLoadJob<LoadJob, LoadSummary>(child, { ...job, durationS: timing.durationS });
      const cpu = stopCpu();
      results.push({
        name: shape.name,
        distinctPaths: shape.paths.length,
        summary,
        alone,
        plans,
        statements,
        cpu,
        isPassing: summary.latencyMs.p95 < P95_TARGET_MS,
      });
    }

    const header = [
      'row',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'p95 < 30 ms',
      'alone p50/p95',
      'statements (ms)',
      'history SQL ms',
      'cores: server/pg/load/other',
    ];
    const rows = results.map((r) => [
      r.name,
      fixed(r.summary.requestsPerS, 0),
      fixed(r.summary.latencyMs.p50, 2),
      fixed(r.summary.latencyMs.p95, 2),
      fixed(r.summary.latencyMs.p99, 2),
      r.isPassing ? 'pass' : 'FAIL',
      `${fixed(r.alone.latencyMs.p50, 1)} / ${fixed(r.alone.latencyMs.p95, 1)}`,
      `${r.statements.count} (${fixed(r.statements.totalMs, 1)})`,
      r.plans.map((plan) => fixed(plan.executionMs, 1)).join(' + '),
      r.cpu
        ? [r.cpu.serverCores, r.cpu.postgresCores, r.cpu.loadGeneratorCores, r.cpu.otherCores]
            .map((c) => c.toFixed(2))
            .join(' / ')
        : '—',
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
    log('Plans of the history statements (one request per row; rows read and thrown away by filters):');
    for (const r of results) for (const plan of r.plans) log(`  ${r.name}: ${plan.plan}`);
    log('');

    const failedRequests = results.reduce(
      (sum, r) => sum + r.summary.non2xxCount + r.summary.errorCount + r.summary.timeoutCount,
      0,
    );
    const otherCores = Math.max(...results.map((r) => r.cpu?.otherCores ?? 0));
    const worst = results.reduce((a, b) => (b.summary.latencyMs.p95 > a.summary.latencyMs.p95 ? b : a));
    const report = {
      benchmark: 'wallet-history',
      mode: isQuick ? 'quick' : 'full',
      ranAt: new Date().toISOString(),
      machine: {
        ...machineFacts(),
      },
      transfers: transferCount,
      accounts: ACCOUNT_COUNT,
      busiestWalletTransfers: hubTransfers,
      generationS: Number(generationS.toFixed(1)),
      connections: CONNECTIONS,
      pageSize: PAGE_SIZE,
      timing,
      targetP95Ms: P95_TARGET_MS,
      invariantViolations,
      violations,
      failedRequests,
      worstP95Ms: Number(worst.summary.latencyMs.p95.toFixed(2)),
      worstRow: worst.name,
      isPassing: results.every((r) => r.isPassing) && failedRequests === 0 && invariantViolations === 0,
      isDisturbed: otherCores >= 0.15,
      results: results.map((r) => ({
        name: r.name,
        distinctPaths: r.distinctPaths,
        requestsPerS: Number(r.summary.requestsPerS.toFixed(1)),
        requestCount: r.summary.okCount,
        latencyMs: Object.fromEntries(
          Object.entries(r.summary.latencyMs).map(([name, value]) => [name, Number(value.toFixed(2))]),
        ),
        non2xxCount: r.summary.non2xxCount,
        errorCount: r.summary.errorCount,
        aloneLatencyMs: Object.fromEntries(
          Object.entries(r.alone.latencyMs).map(([name, value]) => [name, Number(value.toFixed(2))]),
        ),
        statementsPerRequest: r.statements,
        historyStatements: r.plans,
        isPassing: r.isPassing,
        cpuCores: r.cpu,
      })),
    };
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}.`);
    if (report.isDisturbed)
      log(
        `Other programs used up to ${otherCores.toFixed(2)} cores during the runs: the figures are disturbed.`,
      );
    const { machine: _machine, results: rowResults, violations: _violations, ...headline } = report;
    process.stdout.write(
      `${JSON.stringify({
        ...headline,
        rows: rowResults.map((r) => ({
          name: r.name,
          p50Ms: r.latencyMs.p50,
          p95Ms: r.latencyMs.p95,
          p99Ms: r.latencyMs.p99,
          requestCount: r.requestCount,
          isPassing: r.isPassing,
        })),
      })}\n`,
    );
    if (failedRequests > 0 || invariantViolations > 0) return 1;
    if (!report.isPassing && !isQuick) return 1;
    return 0;
  } finally {
    child?.disconnect();
    await kopa?.close();
  }
}
