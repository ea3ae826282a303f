import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonStep } from './completion.ts';
import { type Election, tally } from './election.ts';
import { greedy } from './greedy.ts';
import { compare, rational, sub } from './rational.ts';
import { RULE_NAMES, RuleError, ruleDeclaredBy, runRule } from './rules.ts';
import { approvalElection, smallElection } from './test-elections.ts';

const idsOf = (election: Election, selected: readonly number[]) =>
  selected.map((index) => election.projects[index]?.id);

describe('the named rules', () => {
  it('never spend more than the budget', () => {
    fc.assert(
      fc.property(smallElection('approval'), fc.constantFrom(...RULE_NAMES), (election, rule) => {
        const outcome = runRule(election, rule, { threshold: rational(2) });
        expect(compare(outcome.spent, election.budget)).toBeLessThanOrEqual(0);
        expect(new Set(outcome.selected).size).toBe(outcome.selected.length);
      }),
      { numRuns: 60 },
    );
  });

  it('greedy-threshold needs a threshold, given or declared by the instance', () => {
    const election = approvalElection(10, { a: 1 }, [['a']]);
    expect(() => runRule(election, 'greedy-threshold')).toThrow(RuleError);
    expect(
      runRule({ ...election, declaredScoreThreshold: rational(2) }, 'greedy-threshold').selected,
    ).toEqual([]);
    expect(runRule(election, 'greedy-threshold', { threshold: rational(1) }).selected).toEqual([0]);
  });

  it('mes-add1-utilitarian spends what equal shares leaves on the best-voted projects that still fit', () => {
    // Shares 6 and 7 fund nothing (big needs 22 from three voters, small 9 from one); share 8
    // funds big and overspends. add1 keeps the empty outcome; the fill takes small, which fits.
    const election = approvalElection(18, { big: 22, small: 9 }, [['big'], ['big', 'small'], ['big']]);
    expect(runRule(election, 'mes-add1').selected).toEqual([]);
    const filled = runRule(election, 'mes-add1-utilitarian');
    expect(idsOf(election, filled.selected)).toEqual(['small']);
    expect(filled.verdicts[1]).toEqual({
      status: 'funded',
      by: 'utilitarian-fill',
      score: rational(1),
      remainingBefore: rational(18),
    });
  });

  it('the utilitarian fill keeps what equal shares chose and stops only when nothing more fits', () => {
    fc.assert(
      fc.property(smallElection('approval'), (election) => {
        const mes = runRule(election, 'mes-add1');
        const filled = runRule(election, 'mes-add1-utilitarian');
        expect(filled.selected.slice(0, mes.selected.length)).toEqual(mes.selected);
        const left = sub(election.budget, filled.spent);
        const counts = tally(election);
        election.projects.forEach((project, index) => {
          if (filled.selected.includes(index) || counts.supporterCounts[index] === 0) return;
          expect(compare(project.cost, left)).toBe(1);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the comparison step keeps equal shares unless strictly more voters prefer greedy', () => {
    // Greedy funds the 3-vote project x alone; equal shares (pretend) funds y and z.
    const election = approvalElection(10, { x: 10, y: 5, z: 5 }, [['x'], ['x'], ['x'], ['y'], ['z']]);
    const counts = tally(election);
    const greedyOutcome = greedy(election, {}, counts);
    const proportional = { ...greedyOutcome, selected: [1, 2] };
    const compared = comparisonStep(election, proportional, greedyOutcome);
    expect(compared.comparison).toEqual({ prefersEqualShares: 2, prefersGreedy: 3, adopted: 'greedy' });
    expect(compared.selected).toEqual([0]);
    const even = approvalElection(10, { x: 10, y: 5, z: 5 }, [['x'], ['x'], ['y'], ['z']]);
    const kept = comparisonStep(even, { ...greedy(even), selected: [1, 2] }, greedy(even));
    expect(kept.comparison?.adopted).toBe('equal-shares');
    expect(kept.selected).toEqual([1, 2]);
  });

  it('maps the rule names Pabulib files declare', () => {
    expect(ruleDeclaredBy('equalshares/add1')).toBe('mes-add1');
    expect(ruleDeclaredBy('greedy')).toBe('greedy');
    expect(ruleDeclaredBy('greedy-threshold')).toBe('greedy-threshold');
    expect(ruleDeclaredBy('unknown')).toBeNull();
    expect(ruleDeclaredBy(undefined)).toBeNull();
  });
});
