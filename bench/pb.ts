/**
 * The participatory-budgeting benchmark (`kopa bench pb [--data DIR]`): real Pabulib instances,
 * timed from the file's text to the outcome (parsing included). Target: equal shares with add1 on
 * Łódź 2022 (90,494 voters, 160 projects) in under 3 seconds. The others show how the time grows
 * with longer ballots (Warszawa Mokotów allows 15 approvals per voter, Łódź 5).
 *
 * Instances come from ../shared/data/pabulib (relative to the repository) unless --data says
 * otherwise. Prints a table and writes bench/results/pb.json; exits 1 when the target is missed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { electionFromPb } from '../src/domain/budgeting/election.ts';
import { parsePb } from '../src/domain/budgeting/pabulib.ts';
import { format } from '../src/domain/budgeting/rational.ts';
import { type RuleName, runRule } from '../src/domain/budgeting/rules.ts';

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'pb.json');
const TARGET_MS = 3_000;
const TARGET_CASE = { file: 'Poland_Lodz_2022.pb', rule: 'mes-add1' } as const;
const CASES: readonly { file: string; rule: RuleName }[] = [
  TARGET_CASE,
  { file: 'Poland_Lodz_2022.pb', rule: 'greedy-threshold' },
  { file: 'Poland_Swiecie_2023.pb', rule: 'mes-add1' },
  { file: 'Poland_Warszawa_2025_Mokotow.pb', rule: 'greedy' },
  { file: 'Poland_Warszawa_2025_Mokotow.pb', rule: 'mes-add1' },
];

export async function runPbBenchmark(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { data: { type: 'string' } } });
  const dataDir = path.resolve(values.data ?? path.resolve(process.cwd(), '../shared/data/pabulib'));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const texts = new Map<string, string>();
  try {
    for (const { file } of CASES)
      if (!texts.has(file)) texts.set(file, readFileSync(path.join(dataDir, file), 'utf8'));
  } catch (error) {
    process.stderr.write(`Cannot read the instances in ${dataDir}: ${(error as Error).message}\n`);
    return 2;
  }

  // Warm the JIT on a small instance, as a server would be warm.
  runRule(electionFromPb(parsePb(texts.get('Poland_Swiecie_2023.pb') as string)), 'mes-add1');

  const rows = [];
  for (const { file, rule } of CASES) {
    const started = performance.now();
    const election = electionFromPb(parsePb(texts.get(file) as string));
    const parsedAt = performance.now();
    const outcome = runRule(election, rule);
    const finishedAt = performance.now();
    rows.push({
      file,
      rule,
      voters: election.voterCount,
      distinctBallots: election.ballots.length,
      projects: election.projects.length,
      selected: outcome.selected.length,
      spent: format(outcome.spent),
      add1Steps: outcome.equalShares?.add1Steps ?? null,
      parseMs: Math.round(parsedAt - started),
      computeMs: Math.round(finishedAt - parsedAt),
      totalMs: Math.round(finishedAt - started),
    });
  }

  log(
    'instance                            rule              voters  ballots  projects  add1  parse ms  compute ms  total ms',
  );
  for (const row of rows) {
    log(
      `${row.file.replace(/\.pb$/, '').padEnd(35)} ${row.rule.padEnd(17)} ${String(row.voters).padStart(6)}  ${String(row.distinctBallots).padStart(7)}  ${String(row.projects).padStart(8)}  ${String(row.add1Steps ?? '').padStart(4)}  ${String(row.parseMs).padStart(8)}  ${String(row.computeMs).padStart(10)}  ${String(row.totalMs).padStart(8)}`,
    );
  }
  const target = rows.find((row) => row.file === TARGET_CASE.file && row.rule === TARGET_CASE.rule);
  const isMet = target !== undefined && target.totalMs < TARGET_MS;
  log(
    `Target: ${TARGET_CASE.rule} on ${TARGET_CASE.file} in under ${TARGET_MS} ms, parsing included — ${isMet ? 'met' : 'MISSED'}.`,
  );
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ benchmark: 'pb', ranAt: new Date().toISOString(), cpu: os.cpus()[0]?.model ?? '', cpuCount: os.cpus().length, node: process.version, targetMs: TARGET_MS, rows }, null, 2)}\n`,
  );
  log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}.`);
  return isMet ? 0 : 1;
}
