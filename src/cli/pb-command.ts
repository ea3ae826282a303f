/**
 * `kopa pb compute FILE.pb [--rule RULE] [--threshold N] [--utility cost|unit] [--json] [--explain]`:
 * a participatory-budgeting rule on a Pabulib file, without a database — for checking a city's
 * published outcome or trying a rule on real votes.
 *
 * Exit codes: 0 computed; 2 the command cannot run — bad arguments, an unknown rule, an unreadable
 * or malformed file (the message names the line), or a rule that needs a threshold the file lacks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { electionFromPb } from '../domain/budgeting/election.ts';
import { explainOutcome, toJsonValue } from '../domain/budgeting/explanation.ts';
import { PbFormatError, parsePb } from '../domain/budgeting/pabulib.ts';
import {
  div,
  isNegative,
  isZero,
  parseDecimal,
  type Rational,
  rational,
  scale,
  toDecimal,
} from '../domain/budgeting/rational.ts';
import {
  isRuleName,
  RULE_NAMES,
  RuleError,
  type RuleName,
  ruleDeclaredBy,
  runRule,
} from '../domain/budgeting/rules.ts';

const USAGE = `Usage: kopa pb compute FILE.pb [--rule RULE] [--threshold N] [--utility cost|unit] [--json] [--explain]
  RULE: ${RULE_NAMES.join(', ')} (default: the rule the file declares, when Kopa has it)
  --threshold N   minimum score for greedy-threshold (default: the file's min_project_score_threshold)
  --utility       what an approval is worth under equal shares: the project's cost (default) or 1
  --json          one JSON object: rule, budget, spent, selected, summary, milliseconds (amounts as "n" or "n/d")
  --explain       with --json, add the per-project explanations`;

export function runPbCommand(
  args: readonly string[],
  out: (line: string) => void,
  fail: (line: string) => void,
): number {
  let parsed: ReturnType<typeof parseCommandArgs>;
  try {
    parsed = parseCommandArgs(args);
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [sub, file] = positionals;
  if (sub !== 'compute' || !file || positionals.length > 2) {
    fail(USAGE);
    return 2;
  }
  if (values.rule !== undefined && !isRuleName(values.rule)) {
    fail(`Unknown rule "${values.rule}". Known: ${RULE_NAMES.join(', ')}.`);
    return 2;
  }
  if (values.utility !== 'cost' && values.utility !== 'unit') {
    fail(`--utility must be cost or unit, not "${values.utility}".`);
    return 2;
  }
  const threshold = values.threshold === undefined ? null : parseDecimal(values.threshold);
  if (values.threshold !== undefined && (!threshold || isNegative(threshold))) {
    fail(`--threshold must be a non-negative number, not "${values.threshold}".`);
    return 2;
  }
  const parseStarted = performance.now();
  let pbFile: ReturnType<typeof parsePb>;
  try {
    pbFile = parsePb(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof PbFormatError) fail(`${file}: ${error.message} [${error.code}]`);
    else if ((error as NodeJS.ErrnoException).code !== undefined)
      fail(`Cannot read ${file}: ${(error as Error).message}`);
    else throw error;
    return 2;
  }
  const election = electionFromPb(pbFile);
  const parseMs = performance.now() - parseStarted;

  const declared = pbFile.meta.get('rule')?.trim() ?? '';
  const rule: RuleName | null = (values.rule as RuleName | undefined) ?? ruleDeclaredBy(declared);
  if (!rule) {
    fail(
      `${file} declares the rule "${declared}", which Kopa does not run; choose one with --rule (${RULE_NAMES.join(', ')}).`,
    );
    return 2;
  }

  const computeStarted = performance.now();
  let outcome: ReturnType<typeof runRule>;
  try {
    outcome = runRule(election, rule, { threshold, approvalUtility: values.utility });
  } catch (error) {
    if (error instanceof RuleError) {
      fail(`${file}: ${error.message}; give one with --threshold.`);
      return 2;
    }
    throw error;
  }
  const computeMs = performance.now() - computeStarted;
  const explanation = explainOutcome(election, outcome);
  const ids = outcome.selected.map((index) => election.projects[index]?.id as string);

  if (values.json) {
    const result = {
      file: path.basename(file),
      rule,
      declaredRule: declared,
      budget: election.budget,
      spent: outcome.spent,
      selected: ids,
      voterCount: election.voterCount,
      projectCount: election.projects.length,
      summary: explanation.summary,
      ...(values.explain ? { projects: explanation.projects } : {}),
      milliseconds: { parse: Math.round(parseMs), compute: Math.round(computeMs) },
    };
    out(JSON.stringify(toJsonValue(result)));
    return 0;
  }

  const { summary } = explanation;
  out(`${path.basename(file)}: rule ${rule}${declared ? ` (the file declares ${declared})` : ''}`);
  out(
    `Budget ${amount(election.budget)}, spent ${amount(outcome.spent)} (${percent(outcome.spent, election.budget)}), ${ids.length} of ${election.projects.length} projects funded.`,
  );
  if (summary.perVoterShare) {
    out(`Per-voter share ${amount(summary.perVoterShare.exact)} after ${summary.add1Steps} add1 step(s).`);
  }
  if (summary.comparisonStep) {
    const { prefersEqualShares, prefersGreedy, adopted } = summary.comparisonStep;
    out(
      `Comparison step: ${prefersEqualShares} voters prefer equal shares, ${prefersGreedy} greedy; adopted ${adopted}.`,
    );
  }
  out(
    `Voters with at least one funded project: ${summary.votersWithFundedProject} of ${summary.voterCount} (${percent(rational(summary.votersWithFundedProject), rational(summary.voterCount))}).`,
  );
  if (summary.onlyThisRule.length > 0 || summary.onlyGreedy.length > 0) {
    out(
      `Only this rule funds: ${summary.onlyThisRule.join(', ') || '—'}; only greedy funds: ${summary.onlyGreedy.join(', ') || '—'}.`,
    );
  }
  out(`Funded, in order: ${ids.join(', ') || '—'}`);
  out(`Parsed in ${Math.round(parseMs)} ms, computed in ${Math.round(computeMs)} ms.`);
  return 0;
}

/** Whole amounts as they are, others to the cent. */
const amount = (value: Rational) => (value.den === 1n ? value.num.toString() : toDecimal(value, 2));

const percent = (part: Rational, whole: Rational) =>
  isZero(whole) ? '—' : `${toDecimal(div(scale(part, 100), whole), 1)}%`;

function parseCommandArgs(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      rule: { type: 'string' },
      threshold: { type: 'string' },
      utility: { type: 'string', default: 'cost' },
      json: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
    },
  });
}
