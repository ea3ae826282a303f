/**
 * What cities add after equal shares: a utilitarian fill that spends leftover money on the
 * best-voted projects that still fit, and a comparison step that puts the proportional outcome
 * to the voters against the greedy one and keeps the equal-shares outcome unless more voters prefer
 * greedy.
 */
import type { Election, Tally } from './election.ts';
import { greedyOrder } from './greedy.ts';
import type { ProjectVerdict, RuleOutcome } from './outcome.ts';
import { add, compare, type Rational, sub } from './rational.ts';

export function utilitarianFill(election: Election, tally: Tally, outcome: RuleOutcome): RuleOutcome {
  const isSelected = new Set(outcome.selected);
  const selected = [...outcome.selected];
  const verdicts: ProjectVerdict[] = [...outcome.verdicts];
  let spent = outcome.spent;
  for (const index of greedyOrder(election, tally)) {
    if (isSelected.has(index)) continue;
    const cost = (election.projects[index] as { cost: Rational }).cost;
    const remainingBefore = sub(election.budget, spent);
    if (compare(cost, remainingBefore) > 0) continue;
    selected.push(index);
    spent = add(spent, cost);
    verdicts[index] = {
      status: 'funded',
      by: 'utilitarian-fill',
      score: tally.scores[index] as Rational,
      remainingBefore,
    };
  }
  return { ...outcome, selected, spent, verdicts };
}

/**
 * A voter prefers the outcome that funds more of what they voted for: the number of approved
 * projects funded, or the sum of their points for cumulative and ordinal ballots. Voters who value
 * both outcomes equally do not count; greedy is adopted only when strictly more voters prefer it.
 */
export function comparisonStep(
  election: Election,
  equalShares: RuleOutcome,
  greedy: RuleOutcome,
): RuleOutcome {
  const inEqualShares = new Set(equalShares.selected);
  const inGreedy = new Set(greedy.selected);
  let prefersEqualShares = 0;
  let prefersGreedy = 0;
  for (const ballot of election.ballots) {
    let difference: Rational = { num: 0n, den: 1n };
    for (const [i, project] of ballot.projects.entries()) {
      const weight = ballot.weights[i] as Rational;
      if (inEqualShares.has(project)) difference = add(difference, weight);
      if (inGreedy.has(project)) difference = sub(difference, weight);
    }
    if (difference.num > 0n) prefersEqualShares += ballot.voterCount;
    else if (difference.num < 0n) prefersGreedy += ballot.voterCount;
  }
  const adopted = prefersGreedy > prefersEqualShares ? 'greedy' : 'equal-shares';
  const kept = adopted === 'greedy' ? greedy : equalShares;
  return {
    ...kept,
    equalShares: equalShares.equalShares,
    comparison: { prefersEqualShares, prefersGreedy, adopted },
  };
}
