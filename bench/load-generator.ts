/**
 * The load generator, run in its own process (forked by bench/api.ts) so that autocannon's work —
 * building requests, parsing responses, timing them — never runs on the event loop of the server
 * it measures. It receives one load job at a time over IPC and answers with a summary.
 *
 * Latency percentiles are computed here from every 2xx response time, because autocannon's own
 * summary has p50/p97.5/p99 but no p95.
 */
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';

export interface LoadJob {
  readonly origin: string;
  /** Paths tried in turn, spread across connections, so many clusters and pages are hit. */
  readonly paths: readonly string[];
  readonly connections: number;
  readonly durationS: number;
  readonly headers: Readonly<Record<string, string>>;
}

export interface LoadSummary {
  readonly durationS: number;
  readonly okCount: number;
  readonly non2xxCount: number;
  readonly errorCount: number;
  readonly timeoutCount: number;
  readonly requestsPerS: number;
  readonly latencyMs: {
    readonly mean: number;
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
    readonly max: number;
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] as number;
}

export async function runLoad(job: LoadJob): Promise<LoadSummary> {
  let nextPath = 0;
  const latencies: number[] = [];
  let non2xxCount = 0;
  const options: autocannon.Options = {
    url: job.origin,
    connections: job.connections,
    duration: job.durationS,
    headers: { ...job.headers },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          request.path = job.paths[nextPath++ % job.paths.length] as string;
          return request;
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, finished) =>
      error ? reject(error) : resolve(finished),
    );
    // autocannon emits (client, statusCode, bytes, responseTimeMs); its type declaration omits the client.
    (instance as EventEmitter).on(
      'response',
      (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
        else non2xxCount++;
      },
    );
  });
  const sorted = Float64Array.from(latencies).sort();
  const total = sorted.reduce((sum, value) => sum + value, 0);
  const durationS = result.duration;
  return {
    durationS,
    okCount: sorted.length,
    non2xxCount,
    errorCount: result.errors,
    timeoutCount: result.timeouts,
    requestsPerS: sorted.length / durationS,
    latencyMs: {
      mean: sorted.length > 0 ? total / sorted.length : Number.NaN,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : Number.NaN,
    },
  };
}

// Run as a forked child: answer each job, one at a time, until the parent disconnects.
if (process.send) {
  process.on('message', (job: LoadJob) => {
    runLoad(job).then(
      (summary) => process.send?.({ ok: true, summary }),
      (error: unknown) => process.send?.({ ok: false, message: (error as Error).message }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
