/** Benchmarks entry point: `kopa bench <name>`. */
export async function runBenchmark(name: string, _args: string[]): Promise<number> {
  process.stderr.write(`Unknown benchmark "${name}".\n`);
  return 2;
}
