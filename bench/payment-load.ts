/**
 * The payment load of the ledger benchmark, run in its own process (forked by bench/ledger.ts) so
 * that building requests and timing answers never runs on the server's event loop. A job is a
 * number of clients, each paying in a closed loop — send, wait for the answer, send the next — as
 * a signed-in representative would through the browser: session cookie, CSRF header, a fresh
 * idempotency key, a random payee. Answers that refuse (limits) are counted apart; anything else
 * that is not a 201 is a failure.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';

export interface PaymentLoadJob {
  readonly origin: string;
  readonly slug: string;
  readonly accounts: readonly { readonly accountId: string; readonly sessionToken: string }[];
  readonly clients: number;
  readonly durationS: number;
  /** Amounts are drawn from 1 to this, in minor units. */
  readonly maxAmountMinor: number;
}

export interface LatencySummary {
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface PaymentLoadSummary {
  readonly clients: number;
  readonly durationS: number;
  readonly acceptedCount: number;
  readonly refusedCount: number;
  readonly failedCount: number;
  /** The first few failures, for the report. */
  readonly failures: readonly string[];
  readonly transfersPerS: number;
  /** Of accepted payments, in milliseconds. */
  readonly latencyMs: LatencySummary;
}

const CSRF = 'ledger-benchmark';
const MAX_REPORTED_FAILURES = 5;
const REQUEST_TIMEOUT_MS = 30_000;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summariseLatencies(latenciesMs: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    mean: sorted.length > 0 ? total / sorted.length : Number.NaN,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : Number.NaN,
  };
}

function post(agent: http.Agent, url: URL, headers: http.OutgoingHttpHeaders, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error('timed out')));
    request.on('error', reject);
    request.end(body);
  });
}

export async function runPaymentLoad(job: PaymentLoadJob): Promise<PaymentLoadSummary> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
  const latencies: number[] = [];
  const failures: string[] = [];
  let refusedCount = 0;
  let failedCount = 0;
  const startedAt = performance.now();
  const endsAt = startedAt + job.durationS * 1000;
  const count = job.accounts.length;

  const client = async () => {
    while (performance.now() < endsAt) {
      const payerIndex = Math.floor(Math.random() * count);
      const payeeIndex = (payerIndex + 1 + Math.floor(Math.random() * (count - 1))) % count;
      const payer = job.accounts[payerIndex] as PaymentLoadJob['accounts'][number];
      const payee = job.accounts[payeeIndex] as PaymentLoadJob['accounts'][number];
      const url = new URL(
        `/api/v1/clusters/${job.slug}/currency/accounts/${payer.accountId}/payments`,
        job.origin,
      );
      const body = JSON.stringify({
        toAccountId: payee.accountId,
        amountMinor: 1 + Math.floor(Math.random() * job.maxAmountMinor),
        description: 'Benchmark payment',
      });
      const sentAt = performance.now();
      try {
        const answer = await post(
          agent,
          url,
          {
            'content-type': 'application/json',
            accept: 'application/json',
            'accept-language': 'en',
            cookie: `kopa_session=${payer.sessionToken}; kopa_csrf=${CSRF}`,
            'x-kopa-csrf': CSRF,
            'idempotency-key': randomUUID(),
          },
          body,
        );
        if (answer.status === 201) latencies.push(performance.now() - sentAt);
        else if (answer.status === 409 && answer.body.includes('"currency.limit_exceeded"')) refusedCount++;
        else {
          failedCount++;
          if (failures.length < MAX_REPORTED_FAILURES) failures.push(`${answer.status} ${answer.body}`);
        }
      } catch (error) {
        failedCount++;
        if (failures.length < MAX_REPORTED_FAILURES) failures.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: job.clients }, client));
  const durationS = (performance.now() - startedAt) / 1000;
  agent.destroy();
  return {
    clients: job.clients,
    durationS,
    acceptedCount: latencies.length,
    refusedCount,
    failedCount,
    failures,
    transfersPerS: latencies.length / durationS,
    latencyMs: summariseLatencies(latencies),
  };
}

// Run as a forked child: answer each job, one at a time, until the parent disconnects.
if (process.send) {
  process.on('message', (job: PaymentLoadJob) => {
    runPaymentLoad(job).then(
      (summary) => process.send?.({ ok: true, summary }),
      (error: unknown) => process.send?.({ ok: false, message: (error as Error).message }),
    );
  });
  // The benchmark that forked this load process is gone (finished or killed): nothing is left to
  // answer, and an open IPC channel would otherwise keep this process alive on its own.
  process.on('disconnect', () => process.exit(0));
}
