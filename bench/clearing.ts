/**
 * The clearing benchmark (`kopa bench clearing`): the optimal multilateral clearing of generated
 * networks of firms and euro invoices — 1,000 firms / 20,000 invoices and 5,000 firms / 100,000
 * invoices. Target: the larger one in under 2 seconds. The networks come from a seeded generator
 * (same seed, same network), with a trading structure like a real circuit: most invoices between
 * firms of the same sector and town, amounts spread over three orders of magnitude.
 *
 * Prints a table and writes bench/results/clearing.json; exits 1 when the target is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { clearObligations, type Obligation } from '../src/domain/currency/clearing.ts';

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'clearing.json');
const TARGET_MS = 2_000;
const SIZES = [
  { firms: 1_000, invoices: 20_000 },
  { firms: 5_000, invoices: 100_000 },
] as const;

/** Mulberry32: a small seeded generator, so every run clears the same networks. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateNetwork(firms: number, invoices: number, seed: number): Obligation[] {
  const next = random(seed);
  const communitySize = 50;
  const obligations: Obligation[] = [];
  while (obligations.length < invoices) {
    const debtor = Math.floor(next() * firms);
    // Four in five invoices stay within the debtor's community of 50 firms.
    const isLocal = next() < 0.8;
    const community = Math.floor(debtor / communitySize) * communitySize;
    const creditor = isLocal
      ? Math.min(firms - 1, community + Math.floor(next() * communitySize))
      : Math.floor(next() * firms);
    if (creditor === debtor) continue;
    // 10 € to 10,000 €, log-uniform, in cents.
    const amount = Math.round(10 ** (3 + next() * 3));
    obligations.push({ debtor: `firm-${debtor}`, creditor: `firm-${creditor}`, amount });
  }
  return obligations;
}

export async function runClearingBenchmark(_args: readonly string[]): Promise<number> {
  const rows = [];
  for (const size of SIZES) {
    const network = generateNetwork(size.firms, size.invoices, 2024);
    clearObligations(network.slice(0, 1000)); // warm the JIT on a small one
    const started = performance.now();
    const result = clearObligations(network);
    const elapsedMs = performance.now() - started;
    rows.push({
      firms: size.firms,
      invoices: size.invoices,
      totalMinor: result.total,
      clearedMinor: result.cleared,
      clearedShare: result.cleared / result.total,
      remainingPairs: result.remaining.length,
      elapsedMs: Math.round(elapsedMs),
    });
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log('firms   invoices  total €        cleared €      cleared  pairs left  time ms');
  for (const row of rows) {
    log(
      `${String(row.firms).padEnd(7)} ${String(row.invoices).padEnd(9)} ${(row.totalMinor / 100).toFixed(2).padStart(13)}  ${(row.clearedMinor / 100).toFixed(2).padStart(13)}  ${(row.clearedShare * 100).toFixed(1).padStart(6)}%  ${String(row.remainingPairs).padStart(10)}  ${String(row.elapsedMs).padStart(7)}`,
    );
  }
  const largest = rows[rows.length - 1];
  const isMet = largest !== undefined && largest.elapsedMs < TARGET_MS;
  log(`Target: the largest network in under ${TARGET_MS} ms — ${isMet ? 'met' : 'MISSED'}.`);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ benchmark: 'clearing', ranAt: new Date().toISOString(), cpu: os.cpus()[0]?.model ?? '', node: process.version, targetMs: TARGET_MS, rows }, null, 2)}\n`,
  );
  log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}.`);
  return isMet ? 0 : 1;
}
