import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedy } from './greedy.ts';
import { compare, rational } from './rational.ts';
import { approvalElection, pointsElection, smallElection } from './test-elections.ts';

const ids = (election: { projects: readonly { id: string }[] }, selected: readonly number[]) =>
  selected.map((index) => election.projects[index]?.id);

describe('greedy', () => {
  // a: 3 votes; b and c: 2 each, c first as the cheaper; d: 1. After a and c, b does not fit.
  const election = approvalElection(10, { a: 6, b: 5, c: 3, d: 1 }, [
    ['a', 'b'],
    ['a', 'c'],
    ['a', 'b', 'c', 'd'],
  ]);

  it('funds by votes and skips a project that no longer fits', () => {
    const outcome = greedy(election);
    expect(ids(election, outcome.selected)).toEqual(['a', 'c', 'd']);
    expect(outcome.spent).toEqual(rational(10));
    expect(outcome.verdicts[1]).toEqual({
      status: 'not_funded',
      reason: 'did_not_fit',
      score: rational(2),
      remainingBudget: rational(1),
    });
  });

  it('without skipping, stops at the first project that does not fit', () => {
    const outcome = greedy(election, { variant: 'stop' });
    expect(ids(election, outcome.selected)).toEqual(['a', 'c']);
    expect(outcome.verdicts[3]).toMatchObject({
      status: 'not_funded',
      reason: 'greedy_stopped',
      stoppedAt: 1,
    });
  });

  it('with a threshold, leaves out projects below it', () => {
    const outcome = greedy(election, { threshold: rational(2) });
    expect(ids(election, outcome.selected)).toEqual(['a', 'c']);
    expect(outcome.verdicts[3]).toEqual({
      status: 'not_funded',
      reason: 'below_threshold',
      score: rational(1),
      threshold: rational(2),
    });
  });

  it('breaks ties by lower cost, then more supporters, then project id', () => {
    // x and y both score 4 points; y is cheaper. u and v tie on score and cost; v has more
    // supporters. 2 and 10 tie on everything; whole-number ids compare as numbers.
    const tied = pointsElection(100, { x: 10, y: 8, u: 5, v: 5, 10: 1, 2: 1 }, [
      { x: 4, y: 2, u: 2, v: 1, 10: 1, 2: 1 },
      { y: 2, v: 1 },
    ]);
    expect(ids(tied, greedy(tied).selected)).toEqual(['y', 'x', 'v', 'u', '2', '10']);
  });

  it('funds points-weighted scores for cumulative ballots', () => {
    const cumulative = pointsElection(10, { a: 10, b: 10 }, [{ a: 1 }, { a: 1 }, { b: 5 }]);
    expect(ids(cumulative, greedy(cumulative).selected)).toEqual(['b']);
  });

  it('never funds a project nobody supports', () => {
    const outcome = greedy(approvalElection(10, { a: 1, b: 1 }, [['a']]));
    expect(outcome.selected).toEqual([0]);
    expect(outcome.verdicts[1]).toEqual({ status: 'not_funded', reason: 'no_support' });
  });

  it('never spends more than the budget', () => {
    fc.assert(
      fc.property(
        smallElection('approval'),
        fc.constantFrom('skip' as const, 'stop' as const),
        (random, variant) => {
          const outcome = greedy(random, { variant });
          expect(compare(outcome.spent, random.budget)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});
