/**
 * What a rule decided, project by project, with the numbers that justify each decision. The
 * explanation module turns this into what members see; the rules only fill it in.
 */
import type { Rational } from './rational.ts';

export type FundedVerdict =
  | {
      readonly status: 'funded';
      readonly by: 'greedy';
      /** 1 for the first project funded. */
      readonly position: number;
      readonly score: Rational;
      /** The budget left just before this project was funded. */
      readonly remainingBefore: Rational;
    }
  | {
      readonly status: 'funded';
      readonly by: 'equal-shares';
      /** 1 for the first project chosen. */
      readonly round: number;
      readonly supporterCount: number;
      /** The price per unit of utility the supporters paid (ρ). */
      readonly pricePerUtility: Rational;
      /** What each supporter who could afford it paid; for approval ballots, the equal payment. */
      readonly maxPayment: Rational;
      /** Supporters who had less than that and paid all they had left (including those with nothing). */
      readonly paidAllTheyHad: number;
    }
  | {
      readonly status: 'funded';
      readonly by: 'utilitarian-fill';
      readonly score: Rational;
      readonly remainingBefore: Rational;
    };

export type NotFundedVerdict =
  | { readonly status: 'not_funded'; readonly reason: 'no_support' }
  | {
      readonly status: 'not_funded';
      readonly reason: 'below_threshold';
      readonly score: Rational;
      readonly threshold: Rational;
    }
  | {
      readonly status: 'not_funded';
      readonly reason: 'did_not_fit';
      readonly score: Rational;
      /** The budget left when the project's turn came. */
      readonly remainingBudget: Rational;
    }
  | {
      readonly status: 'not_funded';
      readonly reason: 'greedy_stopped';
      readonly score: Rational;
      /** The first project that did not fit, where greedy without skipping stopped. */
      readonly stoppedAt: number;
    }
  | {
      readonly status: 'not_funded';
      readonly reason: 'supporters_cannot_afford';
      /** What the project's supporters had left together when equal shares stopped. */
      readonly supportersMoney: Rational;
    };

export type ProjectVerdict = FundedVerdict | NotFundedVerdict;

export interface EqualSharesSummary {
  /** The per-voter share of the run whose outcome was kept. */
  readonly perVoterShare: Rational;
  /** How many times the add1 completion raised the share (0 without completion). */
  readonly add1Steps: number;
  /** True when add1 gave up after its step limit rather than on its own terms. */
  readonly isAdd1CutShort: boolean;
}

export interface ComparisonSummary {
  readonly prefersEqualShares: number;
  readonly prefersGreedy: number;
  readonly adopted: 'equal-shares' | 'greedy';
}

export interface RuleOutcome {
  /** Project indices in the order the rule funded them. */
  readonly selected: readonly number[];
  readonly spent: Rational;
  /** Per project index. */
  readonly verdicts: readonly ProjectVerdict[];
  readonly equalShares: EqualSharesSummary | null;
  readonly comparison: ComparisonSummary | null;
}
