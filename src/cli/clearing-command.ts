/**
 * `kopa clearing compute FILE.csv [--json]`: the cluster's clearing algorithm on a CSV of
 * obligations, without a database — for checking a clearing round or trying it on one's own data.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { clearObligations } from '../domain/currency/clearing.ts';
import { ObligationCsvError, parseObligationsCsv } from '../domain/currency/obligations-csv.ts';

export function runClearingCommand(
  args: readonly string[],
  out: (line: string) => void,
  fail: (line: string) => void,
): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [sub, file] = positionals;
  if (sub !== 'compute' || !file) {
    fail(
      'Usage: kopa clearing compute FILE.csv [--json]   (CSV header: debtor,creditor,amount in minor units)',
    );
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  try {
    const result = clearObligations(parseObligationsCsv(text));
    if (values.json) {
      out(JSON.stringify(result));
    } else {
      const share = result.total === 0 ? 0 : (100 * result.cleared) / result.total;
      out(`${result.cleared} of ${result.total} minor units of obligations cleared (${share.toFixed(1)}%).`);
      out(`${result.remaining.length} debtor→creditor obligations remain.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ObligationCsvError) {
      fail(`${file}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
