/** What the long benchmarks share: their command line and the facts of the machine they ran on. */
import os from 'node:os';
import { parseArgs } from 'node:util';

export interface BenchmarkOptions {
  /** `--quick`: a short run at a small scale, to try the benchmark, not to judge a goal. */
  readonly isQuick: boolean;
  /** Progress and tables; with `--json` they go to standard error, so standard output carries the JSON line alone. */
  readonly log: (line: string) => void;
}

export function benchmarkOptions(args: readonly string[]): BenchmarkOptions {
  const { values } = parseArgs({
    args: [...args],
    options: { quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const out = values.json ? process.stderr : process.stdout;
  return { isQuick: values.quick === true, log: (line) => out.write(`${line}\n`) };
}

/** The machine a result was measured on, for the report. */
export function machineFacts() {
  return {
    cpuCount: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
  };
}
