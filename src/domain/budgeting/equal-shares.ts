/**
 * The Method of Equal Shares (Peters & Skowron): every voter holds an equal share of the budget and
 * may spend it only on projects they support. Round after round, among the projects whose
 * supporters still hold enough money, fund the one that can be paid at the lowest price ρ per unit
 * of utility — each supporter pays ρ × their utility, or everything they have left if that is less —
 * and stop when no project is affordable. Ties: see `tie-break.ts`.
 *
 * The add1 completion, as cities ran it, reruns the method with the share raised one currency unit
 * at a time and keeps the last outcome that stays within the budget. The run itself lives in
 * `equal-shares-engine.ts`.
 */
import type { Election, Tally } from './election.ts';
import {
  type EngineInput,
  type FundedRound,
  type RunDetails,
  runEqualShares,
} from './equal-shares-engine.ts';
import type { ProjectVerdict, RuleOutcome } from './outcome.ts';
import { compare, floor, ONE, type Rational, rational, ZERO } from './rational.ts';
import { tieBreak } from './tie-break.ts';

export type { FundedRound } from './equal-shares-engine.ts';

export interface EqualSharesOptions {
  /**
   * What an approval is worth to its voter: `cost`, the project's cost — the rule then funds first
   * the project that buys the most utility per unit of money, as the cities that ran equal shares
   * did (it reproduces Świecie 2023) — or `unit`, 1 per approved project, which funds first the
   * project needing the smallest payment per supporter. Cardinal ballots use their points. Default
   * `cost`.
   */
  readonly approvalUtility?: 'cost' | 'unit';
  /** Keep every group's payment for every funded project and what it has left (tests, audits). */
  readonly keepAccounts?: boolean;
}

export interface EqualSharesRun extends RunDetails {
  readonly perVoterShare: Rational;
}

/** What every run on the same election shares; build once, run many times. */
export interface PreparedElection {
  readonly election: Election;
  readonly tally: Tally;
  readonly input: EngineInput;
}

export function prepareEqualShares(
  election: Election,
  tally: Tally,
  options: EqualSharesOptions = {},
): PreparedElection {
  const costs = election.projects.map((project) => project.cost);
  const utilities: Rational[][] = costs.map(() => []);
  const utilityIndex = costs.map(() => new Map<string, number>());
  const supporterGroups: number[][] = costs.map(() => []);
  const supporterUtility: number[][] = costs.map(() => []);
  const utilityOf = (project: number, weight: Rational): Rational => {
    if (election.ballotKind === 'cardinal') return weight;
    return options.approvalUtility === 'unit' ? ONE : (costs[project] as Rational);
  };
  for (const [group, ballot] of election.ballots.entries()) {
    for (const [i, project] of ballot.projects.entries()) {
      const utility = utilityOf(project, ballot.weights[i] as Rational);
      const key = `${utility.num}/${utility.den}`;
      const indices = utilityIndex[project] as Map<string, number>;
      let index = indices.get(key);
      if (index === undefined) {
        index = (utilities[project] as Rational[]).push(utility) - 1;
        indices.set(key, index);
      }
      supporterGroups[project]?.push(group);
      supporterUtility[project]?.push(index);
    }
  }
  return {
    election,
    tally,
    input: {
      costs,
      utilities,
      supporterGroups: supporterGroups.map((groups) => Int32Array.from(groups)),
      supporterUtility: supporterUtility.map((indices) => Int32Array.from(indices)),
      supporterCounts: tally.supporterCounts,
      groupSizes: Int32Array.from(election.ballots, (ballot) => ballot.voterCount),
      breakTie: tieBreak(election, tally),
    },
  };
}

/** One run of equal shares with the given per-voter share, with exact prices and payments. */
export function equalSharesRun(
  prepared: PreparedElection,
  perVoterShare: Rational,
  options: EqualSharesOptions = {},
): EqualSharesRun {
  const details = runEqualShares(prepared.input, perVoterShare, options.keepAccounts === true).details();
  return { perVoterShare, ...details };
}

/** Cap on add1 steps: real instances need tens to hundreds; the cap bounds pathological ones. */
export const MAX_ADD1_STEPS = 100_000;

export interface Add1Result {
  readonly run: EqualSharesRun;
  readonly steps: number;
  readonly isCutShort: boolean;
}

/**
 * add1 as cities ran it: start each voter's share at ⌊budget / voters⌋ whole units, raise it by one
 * unit at a time and keep the last outcome whose cost is within the budget. It does not stop at
 * the first outcome that happens to be exhaustive — a later one may spend more — only when the
 * next outcome would overspend, or funds every supported project (more money changes nothing).
 */
export function equalSharesAdd1(prepared: PreparedElection, options: EqualSharesOptions = {}): Add1Result {
  const { election } = prepared;
  const supportedCount = prepared.tally.supporterCounts.filter((count) => count > 0).length;
  let share = floor(evenShare(election));
  let selectedCount = runEqualShares(prepared.input, rational(share), false).selected.length;
  let steps = 0;
  let isCutShort = false;
  while (selectedCount < supportedCount) {
    if (steps === MAX_ADD1_STEPS) {
      isCutShort = true;
      break;
    }
    const next = runEqualShares(prepared.input, rational(share + 1n), false);
    if (compare(next.spent, election.budget) > 0) break;
    share += 1n;
    steps += 1;
    selectedCount = next.selected.length;
  }
  return { run: equalSharesRun(prepared, rational(share), options), steps, isCutShort };
}

/** Per-project verdicts of a run: funded with its round and payments, or what its supporters had left. */
export function equalSharesVerdicts(prepared: PreparedElection, run: EqualSharesRun): ProjectVerdict[] {
  return run.funded.map((round: FundedRound | null, project): ProjectVerdict => {
    const supporterCount = prepared.tally.supporterCounts[project] as number;
    if (round) return { status: 'funded', by: 'equal-shares', supporterCount, ...round };
    if (supporterCount === 0) return { status: 'not_funded', reason: 'no_support' };
    const supportersMoney = run.supportersMoney[project] as Rational;
    return { status: 'not_funded', reason: 'supporters_cannot_afford', supportersMoney };
  });
}

export function outcomeOfRun(
  prepared: PreparedElection,
  run: EqualSharesRun,
  add1?: Add1Result,
): RuleOutcome {
  return {
    selected: run.selected,
    spent: run.spent,
    verdicts: equalSharesVerdicts(prepared, run),
    equalShares: {
      perVoterShare: run.perVoterShare,
      add1Steps: add1?.steps ?? 0,
      isAdd1CutShort: add1?.isCutShort ?? false,
    },
    comparison: null,
  };
}

/** Budget / voters: every voter's share under plain equal shares. */
export function evenShare(election: Election): Rational {
  if (election.voterCount === 0) return ZERO;
  return rational(election.budget.num, election.budget.den * BigInt(election.voterCount));
}

/** Plain equal shares: each voter's share is exactly budget / voters. */
export function equalShares(election: Election, tally: Tally, options: EqualSharesOptions = {}): RuleOutcome {
  const prepared = prepareEqualShares(election, tally, options);
  return outcomeOfRun(prepared, equalSharesRun(prepared, evenShare(election), options));
}
