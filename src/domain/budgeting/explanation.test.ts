import { describe, expect, it } from 'vitest';
import { explainOutcome, money, toJsonValue } from './explanation.ts';
import { rational } from './rational.ts';
import { runRule } from './rules.ts';
import { approvalElection, TWO_CAMPS_COSTS, twoCampsBallots } from './test-elections.ts';

// The two camps plus a seventh voter who supports nothing and a project d nobody supports, with
// 10 per voter: a, then b; c's supporters are left with 2.50 + 2.50 + 0 + 0 of its 30.
const election = approvalElection(70, { ...TWO_CAMPS_COSTS, d: 5 }, [...twoCampsBallots(), []]);

describe('explaining an outcome', () => {
  it('gives each funded project its round and the payment per supporter, exact and in minor units', () => {
    const { projects } = explainOutcome(election, runRule(election, 'mes'));
    expect(projects[0]).toMatchObject({
      projectId: 'a',
      supporterCount: 4,
      isSelected: true,
      isSelectedByGreedy: true,
      reason: { status: 'funded', by: 'equal-shares', round: 1, paidAllTheyHad: 0 },
    });
    expect(projects[0]?.reason).toMatchObject({
      paymentPerSupporter: { exact: rational(15, 2), minorUnits: '750.00' },
    });
    expect(projects[1]?.reason).toMatchObject({ round: 2, paymentPerSupporter: money(rational(10)) });
  });

  it("says how much a project's supporters held and lacked when equal shares could not fund it", () => {
    const { projects } = explainOutcome(election, runRule(election, 'mes'));
    expect(projects[2]?.reason).toEqual({
      status: 'not_funded',
      reason: 'supporters_cannot_afford',
      supportersMoney: money(rational(5)),
      shortfall: money(rational(25)),
    });
    expect(projects[3]?.reason).toEqual({ status: 'not_funded', reason: 'no_support' });
  });

  it('says a greedy project did not fit in what was left', () => {
    const { projects } = explainOutcome(election, runRule(election, 'greedy'));
    expect(projects.map((p) => p.isSelected)).toEqual([true, false, true, false]);
    expect(projects[1]?.reason).toEqual({
      status: 'not_funded',
      reason: 'did_not_fit',
      remainingBudget: money(rational(10)),
    });
  });

  it('sums up spending, voters with a funded project, and the difference from greedy', () => {
    const { summary } = explainOutcome(election, runRule(election, 'mes'));
    expect(summary.spent).toEqual(money(rational(50)));
    expect(summary.leftover).toEqual(money(rational(20)));
    expect(summary.votersWithFundedProject).toBe(6);
    expect(summary.shareOfVotersWithFundedProject).toEqual(rational(6, 7));
    expect(summary.perVoterShare).toEqual(money(rational(10)));
    expect(summary.onlyThisRule).toEqual(['b']);
    expect(summary.onlyGreedy).toEqual(['c']);
  });

  it('turns every exact amount into text for JSON', () => {
    const json = toJsonValue(explainOutcome(election, runRule(election, 'mes')).summary) as Record<
      string,
      unknown
    >;
    expect(json.shareOfVotersWithFundedProject).toBe('6/7');
    expect(json.spent).toEqual({ exact: '50', minorUnits: '5000.00' });
    expect(() => JSON.stringify(json)).not.toThrow();
  });
});
