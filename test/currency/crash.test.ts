/**
 * Payments survive a crash: a real `kopa serve` takes a payment load over HTTP and is killed with
 * SIGKILL in the middle of it, twice — once alone (its PostgreSQL lives on and the restarted server
 * reuses it), once together with PostgreSQL (which then recovers from its write-ahead log). After
 * the restarts every acknowledged payment is there, nothing that was not sent is, a request whose
 * answer was lost is answered the same on retry instead of paying twice, the balances add up to
 * zero and `kopa audit verify` passes.
 *
 * PostgreSQL is crashed with its immediate shutdown (SIGQUIT): every backend quits at once, nothing
 * more is written, no checkpoint is taken, and the next start replays the write-ahead log — what a
 * crash leaves. SIGKILL would leave the same files, but the orphaned postmaster's corpse lingers
 * where the machine's first process collects none (as in some containers), and its pid, still in
 * postmaster.pid, looks alive to the next start.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type LedgerSeed, seedLedger } from '../../bench/seed-ledger.ts';
import { AuditLog } from '../../src/server/platform/audit/audit-log.ts';
import { loadOrCreateSigningKey } from '../../src/server/platform/audit/signing-key.ts';
import { connectDatabase, type Db } from '../../src/server/platform/database.ts';
import { findFreePort, isProcessAlive } from '../../src/server/platform/embedded-postgres.ts';
import { ledgerViolations, NO_VIOLATIONS } from './support/ledger-invariants.ts';

const run = promisify(execFile);
const dataDir = path.join(inject('testDataRoot'), `crash-test-${randomUUID()}`);
const pgDir = path.join(dataDir, 'postgres');
const WORKERS = 8;
/** Acknowledged payments per phase before the kill. */
const ACKNOWLEDGED_BEFORE_KILL = 120;
/** Bounds of a phase, should acknowledgements stall: the kill comes at the latest then. */
const MAX_SENT_PER_PHASE = 3_000;
const MAX_PHASE_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;
const CSRF = 'crash-test-csrf';

interface Server {
  readonly process: ChildProcess;
  readonly origin: string;
  readonly exited: Promise<number | null>;
  output: string;
}

let server: Server | undefined;

const env = (port: number, extra: Record<string, string> = {}) => ({
  ...process.env,
  ...extra,
  PORT: String(port),
  HOST: '127.0.0.1',
  KOPA_DATA_DIR: dataDir,
  KOPA_DEMO: 'false',
  KOPA_RATE_LIMIT_SCALE: '10000',
  DATABASE_URL: '',
});

async function startServer(extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = await findFreePort();
  const child = spawn('node', ['bin/kopa.mjs', 'serve'], { env: env(port, extraEnv) });
  const started: Server = {
    process: child,
    origin: `http://127.0.0.1:${port}`,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    output: '',
  };
  child.stdout?.on('data', (chunk) => {
    started.output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    started.output += chunk;
  });
  server = started;
  const startedAt = Date.now();
  while (!started.output.includes('Kopa is serving')) {
    if (child.exitCode !== null || Date.now() - startedAt > 60_000)
      throw new Error(`Kopa did not start; its output:\n${started.output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return started;
}

/** The postmaster of the data directory, if one is running. */
function postmasterPid(): number | null {
  const file = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return isProcessAlive(pid) ? pid : null;
}

/** PostgreSQL's immediate shutdown: a crash, as far as its data is concerned. */
async function crashPostgres(): Promise<void> {
  const postmaster = postmasterPid();
  if (postmaster === null) return;
  process.kill(postmaster, 'SIGQUIT');
  const startedAt = Date.now();
  while (existsSync(path.join(pgDir, 'postmaster.pid'))) {
    if (Date.now() - startedAt > 30_000) throw new Error(`PostgreSQL (${postmaster}) did not quit`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The server's own database, reached the way `kopa` commands reach it. */
function openDatabase(): Db {
  const port = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
  const password = readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  return connectDatabase(`postgres://kopa:${encodeURIComponent(password)}@127.0.0.1:${port}/kopa`, 4);
}

interface SentPayment {
  readonly key: string;
  readonly payer: number;
  readonly payee: number;
  readonly amountMinor: number;
  /** What came back: the transfer, a refusal, or nothing (the server died first). */
  outcome: { kind: 'accepted'; transferId: string } | { kind: 'refused' } | { kind: 'lost' };
}

function pay(origin: string, seed: LedgerSeed, payment: Omit<SentPayment, 'outcome'>) {
  const payer = seed.accounts[payment.payer];
  const payee = seed.accounts[payment.payee];
  if (!payer || !payee) throw new Error('no such account');
  return fetch(`${origin}/api/v1/clusters/${seed.slug}/currency/accounts/${payer.accountId}/payments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `kopa_session=${payer.sessionToken}; kopa_csrf=${CSRF}`,
      'x-kopa-csrf': CSRF,
      'idempotency-key': payment.key,
    },
    // The key is also the description, so each stored transfer names the request it came from.
    body: JSON.stringify({
      toAccountId: payee.accountId,
      amountMinor: payment.amountMinor,
      description: payment.key,
    }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

/**
 * Closed-loop payers between random pairs; when the phase's acknowledgements are in, the server
 * (and, if asked, its PostgreSQL) is killed while the other payers' requests are in flight.
 */
async function loadUntilKilled(
  running: Server,
  seed: LedgerSeed,
  sent: SentPayment[],
  unexpected: string[],
  options: { crashPostgres: boolean },
): Promise<void> {
  let acknowledged = 0;
  let sentInPhase = 0;
  const phaseStartedAt = Date.now();
  let isKilled = false;
  const kill = () => {
    if (isKilled) return;
    isKilled = true;
    running.process.kill('SIGKILL');
    if (options.crashPostgres) void crashPostgres();
  };
  const payer = async () => {
    while (!isKilled) {
      if (++sentInPhase > MAX_SENT_PER_PHASE || Date.now() - phaseStartedAt > MAX_PHASE_MS) {
        kill();
        break;
      }
      const payerIndex = Math.floor(Math.random() * seed.accounts.length);
      const payeeIndex =
        (payerIndex + 1 + Math.floor(Math.random() * (seed.accounts.length - 1))) % seed.accounts.length;
      const payment: SentPayment = {
        key: randomUUID(),
        payer: payerIndex,
        payee: payeeIndex,
        amountMinor: 100 + Math.floor(Math.random() * 2_000),
        outcome: { kind: 'lost' },
      };
      sent.push(payment);
      try {
        const response = await pay(running.origin, seed, payment);
        const body = (await response.json()) as { transfer?: { id: string }; error?: { code: string } };
        if (response.status === 201 && body.transfer) {
          payment.outcome = { kind: 'accepted', transferId: body.transfer.id };
          if (++acknowledged === ACKNOWLEDGED_BEFORE_KILL) kill();
        } else if (response.status === 409 && body.error?.code === 'currency.limit_exceeded') {
          payment.outcome = { kind: 'refused' };
        } else {
          unexpected.push(`${response.status} ${JSON.stringify(body)}`);
        }
      } catch {
        // No answer: the connection died with the server.
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, payer));
  await running.exited;
  if (options.crashPostgres) await crashPostgres();
}

afterAll(async () => {
  if (server && server.process.exitCode === null && server.process.signalCode === null) {
    server.process.kill('SIGTERM');
    await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    server.process.kill('SIGKILL');
  }
  await crashPostgres();
}, 30_000);

describe('a crash during a payment load', () => {
  it('loses no acknowledged payment, invents none and pays no retried request twice', async () => {
    let running = await startServer();
    const setup = openDatabase();
    const clock = () => new Date();
    const seed = await seedLedger(setup, new AuditLog(loadOrCreateSigningKey(dataDir), clock), clock, {
      slug: 'crash-test',
      memberCount: 12,
      creditLimitMinor: 3_000,
      maxBalanceMinor: null,
      feeBasisPoints: 100,
    });
    await setup.destroy();
    const sent: SentPayment[] = [];
    const unexpected: string[] = [];

    // The Kopa process dies alone; PostgreSQL outlives its parent and the new server reuses it.
    await loadUntilKilled(running, seed, sent, unexpected, { crashPostgres: false });
    running = await startServer();
    expect(running.output).toContain('Using the PostgreSQL already running');

    // Both die at once; PostgreSQL starts again from its write-ahead log.
    await loadUntilKilled(running, seed, sent, unexpected, { crashPostgres: true });
    // PostgreSQL's own log, to see the recovery.
    running = await startServer({ KOPA_DEBUG_POSTGRES: '1' });
    expect(running.output).toContain('PostgreSQL started');
    expect(running.output).toContain('automatic recovery in progress');

    expect(unexpected).toEqual([]);
    const lost = sent.filter((payment) => payment.outcome.kind === 'lost');
    expect(lost.length).toBeGreaterThan(0);

    const db = openDatabase();
    try {
      /** The stored payments by description, which is the idempotency key of their request. */
      const stored = async () => {
        const rows = await db
          .selectFrom('currency_transfer')
          .select(['id', 'description', 'payer_account_id', 'payee_account_id', 'amount_minor'])
          .where('cluster_id', '=', seed.clusterId)
          .where('kind', '=', 'payment')
          .execute();
        const byKey = new Map(rows.map((row) => [row.description, row]));
        expect(byKey.size, 'two transfers for one request').toBe(rows.length);
        return byKey;
      };
      const before = await stored();
      const sentByKey = new Map(sent.map((payment) => [payment.key, payment]));

      // Every stored payment was sent, as it was sent.
      for (const [key, row] of before) {
        const payment = sentByKey.get(key);
        expect(payment, `transfer ${row.id} answers no request that was sent`).toBeDefined();
        expect(row).toMatchObject({
          payer_account_id: seed.accounts[payment?.payer ?? -1]?.accountId,
          payee_account_id: seed.accounts[payment?.payee ?? -1]?.accountId,
          amount_minor: payment?.amountMinor,
        });
      }
      // Every acknowledged payment is there under the id it was acknowledged with; no refusal is.
      for (const payment of sent) {
        if (payment.outcome.kind === 'accepted')
          expect(before.get(payment.key)?.id).toBe(payment.outcome.transferId);
        if (payment.outcome.kind === 'refused') expect(before.has(payment.key)).toBe(false);
      }

      // A request whose answer was lost, sent again: the original answer if it was written, else
      // a first answer now.
      const retried = new Map<string, string | null>();
      for (const payment of lost) {
        const response = await pay(running.origin, seed, payment);
        const body = (await response.json()) as { transfer?: { id: string } };
        const written = before.get(payment.key);
        if (written) {
          expect(response.status).toBe(201);
          expect(response.headers.get('idempotent-replayed')).toBe('true');
          expect(body.transfer?.id).toBe(written.id);
        } else {
          expect([201, 409]).toContain(response.status);
          retried.set(payment.key, body.transfer?.id ?? null);
        }
      }
      const after = await stored();
      const paidNow = [...retried.values()].filter((id) => id !== null);
      expect(after.size).toBe(before.size + paidNow.length);
      for (const [key, transferId] of retried) expect(after.get(key)?.id ?? null).toBe(transferId);

      expect(await ledgerViolations(db, seed.clusterId)).toEqual(NO_VIOLATIONS);
      const { rows } = await sql<{ count: number }>`
        SELECT count(*)::int AS count FROM audit_event
        WHERE cluster_id = ${seed.clusterId} AND action = 'currency.payment'`.execute(db);
      expect(rows[0]?.count).toBe(after.size);
    } finally {
      await db.destroy();
    }

    const verify = await run('node', ['bin/kopa.mjs', 'audit', 'verify'], { env: env(0) }).then(
      (result) => ({ code: 0, output: result.stdout + result.stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );
    expect(verify.output).toMatch(/ok\s+crash-test/);
    expect(verify.code).toBe(0);

    running.process.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  }, 120_000);
});
