/**
 * Greedy participatory budgeting, what most cities (and Decidim and CONSUL) run: fund projects in
 * order of score — votes for approval ballots, points for cumulative ones — while money lasts.
 * Variants: skip a project that no longer fits and go on (`skip`), or stop at the first one
 * (`stop`); and optionally consider only projects that reach a minimum score.
 */
import { type Election, type Tally, tally as tallyOf } from './election.ts';
import type { ProjectVerdict, RuleOutcome } from './outcome.ts';
import { add, compare, type Rational, sub, ZERO } from './rational.ts';
import { tieBreak } from './tie-break.ts';

export interface GreedyOptions {
  readonly variant?: 'skip' | 'stop';
  /** Projects scoring below this are not funded (the vote count for approval ballots). */
  readonly threshold?: Rational | null;
}

/** Supported projects, highest score first, ties broken as in `tieBreak`. */
export function greedyOrder(election: Election, tally: Tally): number[] {
  const breakTie = tieBreak(election, tally);
  return election.projects
    .map((_, index) => index)
    .filter((index) => (tally.supporterCounts[index] as number) > 0)
    .sort((a, b) => compare(tally.scores[b] as Rational, tally.scores[a] as Rational) || breakTie(a, b));
}

export function greedy(
  election: Election,
  options: GreedyOptions = {},
  tally = tallyOf(election),
): RuleOutcome {
  const verdicts: ProjectVerdict[] = election.projects.map(() => ({
    status: 'not_funded',
    reason: 'no_support',
  }));
  const selected: number[] = [];
  let remaining = election.budget;
  let stoppedAt: number | null = null;
  for (const index of greedyOrder(election, tally)) {
    const score = tally.scores[index] as Rational;
    const cost = (election.projects[index] as Election['projects'][number]).cost;
    if (options.threshold && compare(score, options.threshold) < 0) {
      verdicts[index] = {
        status: 'not_funded',
        reason: 'below_threshold',
        score,
        threshold: options.threshold,
      };
    } else if (stoppedAt !== null) {
      verdicts[index] = { status: 'not_funded', reason: 'greedy_stopped', score, stoppedAt };
    } else if (compare(cost, remaining) > 0) {
      verdicts[index] = { status: 'not_funded', reason: 'did_not_fit', score, remainingBudget: remaining };
      if (options.variant === 'stop') stoppedAt = index;
    } else {
      selected.push(index);
      verdicts[index] = {
        status: 'funded',
        by: 'greedy',
        position: selected.length,
        score,
        remainingBefore: remaining,
      };
      remaining = sub(remaining, cost);
    }
  }
  const spent = selected.reduce(
    (total, index) => add(total, (election.projects[index] as { cost: Rational }).cost),
    ZERO,
  );
  return { selected, spent, verdicts, equalShares: null, comparison: null };
}
