/**
 * Why each project was or was not funded, and what the outcome means for the voters — as data,
 * not sentences: the interface words it in the reader's language. Money appears both exact and in
 * decimal minor units (cents, grosze), the form a page shows.
 */
import { type Election, type Tally, tally as tallyOf } from './election.ts';
import { greedy } from './greedy.ts';
import type { ComparisonSummary, ProjectVerdict, RuleOutcome } from './outcome.ts';
import { format, isNegative, type Rational, rational, sub, toDecimal } from './rational.ts';

/** Pabulib amounts are in whole currency units; Kopa shows minor units (1/100). */
const MINOR_PER_UNIT = 100n;

export interface Money {
  readonly exact: Rational;
  /** The amount in minor units, to two decimals: 17894.74 for 178.947368… units. */
  readonly minorUnits: string;
}

export const money = (amount: Rational): Money => ({
  exact: amount,
  minorUnits: toDecimal(rational(amount.num * MINOR_PER_UNIT, amount.den), 2),
});

export type ProjectReason =
  | {
      readonly status: 'funded';
      readonly by: 'greedy';
      readonly position: number;
      readonly remainingBefore: Money;
    }
  | {
      readonly status: 'funded';
      readonly by: 'equal-shares';
      readonly round: number;
      /** What every supporter who could afford it paid (approval ballots), or the largest payment. */
      readonly paymentPerSupporter: Money;
      readonly pricePerUtility: Rational;
      readonly paidAllTheyHad: number;
    }
  | { readonly status: 'funded'; readonly by: 'utilitarian-fill'; readonly remainingBefore: Money }
  | { readonly status: 'not_funded'; readonly reason: 'no_support' }
  | { readonly status: 'not_funded'; readonly reason: 'below_threshold'; readonly threshold: Rational }
  | { readonly status: 'not_funded'; readonly reason: 'did_not_fit'; readonly remainingBudget: Money }
  | { readonly status: 'not_funded'; readonly reason: 'greedy_stopped'; readonly stoppedAtProjectId: string }
  | {
      readonly status: 'not_funded';
      readonly reason: 'supporters_cannot_afford';
      readonly supportersMoney: Money;
      /** How much the supporters lacked: cost − their money. */
      readonly shortfall: Money;
    };

export interface ProjectExplanation {
  readonly projectId: string;
  readonly cost: Money;
  readonly supporterCount: number;
  /** Votes for approval ballots, points for cumulative and ordinal ones. */
  readonly score: Rational;
  readonly isSelected: boolean;
  /** Whether plain greedy would have funded it: the comparison members usually ask for. */
  readonly isSelectedByGreedy: boolean;
  readonly reason: ProjectReason;
}

export interface OutcomeSummary {
  readonly budget: Money;
  readonly spent: Money;
  readonly leftover: Money;
  readonly voterCount: number;
  /** Voters with at least one funded project among those they supported. */
  readonly votersWithFundedProject: number;
  readonly shareOfVotersWithFundedProject: Rational;
  /** Under equal shares: the per-voter share of the outcome kept, and the add1 steps taken. */
  readonly perVoterShare: Money | null;
  readonly add1Steps: number | null;
  /** Projects this outcome funds and plain greedy does not, and the reverse. */
  readonly onlyThisRule: readonly string[];
  readonly onlyGreedy: readonly string[];
  readonly comparisonStep: ComparisonSummary | null;
}

export interface Explanation {
  readonly summary: OutcomeSummary;
  /** In the order of the instance's projects. */
  readonly projects: readonly ProjectExplanation[];
}

function reasonOf(election: Election, verdict: ProjectVerdict, cost: Rational): ProjectReason {
  if (verdict.status === 'funded') {
    switch (verdict.by) {
      case 'greedy':
        return {
          status: 'funded',
          by: 'greedy',
          position: verdict.position,
          remainingBefore: money(verdict.remainingBefore),
        };
      case 'equal-shares':
        return {
          status: 'funded',
          by: 'equal-shares',
          round: verdict.round,
          paymentPerSupporter: money(verdict.maxPayment),
          pricePerUtility: verdict.pricePerUtility,
          paidAllTheyHad: verdict.paidAllTheyHad,
        };
      case 'utilitarian-fill':
        return { status: 'funded', by: 'utilitarian-fill', remainingBefore: money(verdict.remainingBefore) };
    }
  }
  switch (verdict.reason) {
    case 'no_support':
      return { status: 'not_funded', reason: 'no_support' };
    case 'below_threshold':
      return { status: 'not_funded', reason: 'below_threshold', threshold: verdict.threshold };
    case 'did_not_fit':
      return { status: 'not_funded', reason: 'did_not_fit', remainingBudget: money(verdict.remainingBudget) };
    case 'greedy_stopped':
      return {
        status: 'not_funded',
        reason: 'greedy_stopped',
        stoppedAtProjectId: (election.projects[verdict.stoppedAt] as { id: string }).id,
      };
    case 'supporters_cannot_afford': {
      const shortfall = sub(cost, verdict.supportersMoney);
      return {
        status: 'not_funded',
        reason: 'supporters_cannot_afford',
        supportersMoney: money(verdict.supportersMoney),
        shortfall: money(isNegative(shortfall) ? rational(0) : shortfall),
      };
    }
  }
}

export function explainOutcome(
  election: Election,
  outcome: RuleOutcome,
  tally: Tally = tallyOf(election),
): Explanation {
  const isSelected = new Set(outcome.selected);
  const isSelectedByGreedy = new Set(greedy(election, {}, tally).selected);
  const projects = election.projects.map(
    (project, index): ProjectExplanation => ({
      projectId: project.id,
      cost: money(project.cost),
      supporterCount: tally.supporterCounts[index] as number,
      score: tally.scores[index] as Rational,
      isSelected: isSelected.has(index),
      isSelectedByGreedy: isSelectedByGreedy.has(index),
      reason: reasonOf(election, outcome.verdicts[index] as ProjectVerdict, project.cost),
    }),
  );
  let votersWithFundedProject = 0;
  for (const ballot of election.ballots) {
    if (ballot.projects.some((project) => isSelected.has(project)))
      votersWithFundedProject += ballot.voterCount;
  }
  return {
    summary: {
      budget: money(election.budget),
      spent: money(outcome.spent),
      leftover: money(sub(election.budget, outcome.spent)),
      voterCount: election.voterCount,
      votersWithFundedProject,
      shareOfVotersWithFundedProject:
        election.voterCount === 0 ? rational(0) : rational(votersWithFundedProject, election.voterCount),
      perVoterShare: outcome.equalShares ? money(outcome.equalShares.perVoterShare) : null,
      add1Steps: outcome.equalShares ? outcome.equalShares.add1Steps : null,
      onlyThisRule: projects.filter((p) => p.isSelected && !p.isSelectedByGreedy).map((p) => p.projectId),
      onlyGreedy: projects.filter((p) => !p.isSelected && p.isSelectedByGreedy).map((p) => p.projectId),
      comparisonStep: outcome.comparison,
    },
    projects,
  };
}

const isRational = (value: unknown): value is Rational =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Rational).num === 'bigint' &&
  typeof (value as Rational).den === 'bigint';

/** The same data with every exact amount written "n" or "n/d", ready for JSON. */
export function toJsonValue(value: unknown): unknown {
  if (isRational(value)) return format(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toJsonValue(entry)]));
  }
  return value;
}
