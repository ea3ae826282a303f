/** Benchmarks entry point: `kopa bench <name>`. */
import { runApiBenchmark } from './api.ts';
import { runClearingBenchmark } from './clearing.ts';
import { runLedgerBenchmark } from './ledger.ts';
import { runPbBenchmark } from './pb.ts';
import { runProposalsBenchmark } from './proposals.ts';
import { runWalletHistoryBenchmark } from './wallet-history.ts';

const BENCHMARKS: Readonly<Record<string, (args: string[]) => Promise<number>>> = {
  api: runApiBenchmark,
  clearing: runClearingBenchmark,
  ledger: runLedgerBenchmark,
  pb: runPbBenchmark,
  proposals: runProposalsBenchmark,
  'wallet-history': runWalletHistoryBenchmark,
};

export async function runBenchmark(name: string, args: string[]): Promise<number> {
  const run = BENCHMARKS[name];
  if (!run) {
    process.stderr.write(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(', ')}.\n`);
    return 2;
  }
  return await run(args);
}
