import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildElection, type Election, tally } from './election.ts';
import {
  type EqualSharesOptions,
  equalShares,
  equalSharesAdd1,
  equalSharesRun,
  evenShare,
  prepareEqualShares,
} from './equal-shares.ts';
import {
  add,
  compare,
  div,
  floor,
  min,
  mul,
  ONE,
  type Rational,
  rational,
  sub,
  sum,
  ZERO,
} from './rational.ts';
import {
  approvalElection,
  electionOf,
  pointsElection,
  type RawInstance,
  smallInstance,
  TWO_CAMPS_COSTS,
  twoCampsBallots,
} from './test-elections.ts';

/**
 * Equal shares by the book, one voter at a time: every round, for every project, sort its
 * supporters by budget per utility and split the cost as equally as possible; fund the lowest
 * price (ties: lower cost, more supporters, smaller id); charge everyone. Slow, exact and sharing
 * nothing with the implementation under test.
 */
function referenceEqualShares(raw: RawInstance, share: Rational, approvalUtility: 'cost' | 'unit') {
  const ids = Object.keys(raw.costs);
  const cost = (id: string) => rational(raw.costs[id] as number);
  const utility = (voter: number, id: string): Rational => {
    const points = raw.ballots[voter]?.[id] ?? 0;
    if (points <= 0) return ZERO;
    if (raw.kind === 'cardinal') return rational(points);
    return approvalUtility === 'cost' ? cost(id) : ONE;
  };
  const budgets = raw.ballots.map(() => share);
  const payments = new Map<string, Rational[]>();
  const remaining = new Set(ids);
  const selected: string[] = [];
  for (;;) {
    let best: { id: string; price: Rational; supporters: number } | null = null;
    for (const id of remaining) {
      const supporters = raw.ballots.map((_, v) => v).filter((v) => utility(v, id).num > 0n);
      if (supporters.length === 0) continue;
      if (compare(sum(supporters.map((v) => budgets[v] as Rational)), cost(id)) < 0) continue;
      supporters.sort((a, b) =>
        compare(div(budgets[a] as Rational, utility(a, id)), div(budgets[b] as Rational, utility(b, id))),
      );
      let paid = ZERO;
      let utilityLeft = sum(supporters.map((v) => utility(v, id)));
      for (const v of supporters) {
        const perUtility = div(sub(cost(id), paid), utilityLeft);
        if (compare(div(budgets[v] as Rational, utility(v, id)), perUtility) >= 0) break;
        paid = add(paid, budgets[v] as Rational);
        utilityLeft = sub(utilityLeft, utility(v, id));
      }
      const price = div(sub(cost(id), paid), utilityLeft);
      const isBetter =
        !best ||
        compare(price, best.price) < 0 ||
        (compare(price, best.price) === 0 &&
          (compare(cost(id), cost(best.id)) < 0 ||
            (compare(cost(id), cost(best.id)) === 0 &&
              (supporters.length > best.supporters ||
                (supporters.length === best.supporters && id < best.id)))));
      if (isBetter) best = { id, price, supporters: supporters.length };
    }
    if (!best) break;
    const { id, price } = best;
    const paidNow = budgets.map((budget, v) => min(budget, mul(price, utility(v, id))));
    paidNow.forEach((payment, v) => {
      budgets[v] = sub(budgets[v] as Rational, payment);
    });
    payments.set(id, paidNow);
    selected.push(id);
    remaining.delete(id);
  }
  return { selected, payments, budgets };
}

/** Per-voter amounts of a run, expanded from ballot groups, sorted: comparable with the reference. */
const perVoter = (election: Election, perGroup: readonly Rational[]) =>
  election.ballots
    .flatMap((ballot, group) => new Array<Rational>(ballot.voterCount).fill(perGroup[group] as Rational))
    .sort(compare);

const run = (election: Election, share: Rational, options: EqualSharesOptions = {}) =>
  equalSharesRun(prepareEqualShares(election, tally(election), options), share, {
    ...options,
    keepAccounts: true,
  });

const idsOf = (election: Election, selected: readonly number[]) =>
  selected.map((index) => election.projects[index]?.id);

describe('the Method of Equal Shares', () => {
  it('funds the project the most voters can share, then what the others can still afford', () => {
    const election = approvalElection(60, TWO_CAMPS_COSTS, twoCampsBallots());
    const outcome = equalShares(election, tally(election));
    expect(idsOf(election, outcome.selected)).toEqual(['a', 'b']);
    expect(outcome.verdicts[0]).toMatchObject({
      status: 'funded',
      by: 'equal-shares',
      round: 1,
      supporterCount: 4,
      maxPayment: rational(15, 2),
      paidAllTheyHad: 0,
    });
    // Voters 3–6 hold 2.5 + 2.5 + 0 + 0 after paying a and b: c (30) is out of reach.
    expect(outcome.verdicts[2]).toEqual({
      status: 'not_funded',
      reason: 'supporters_cannot_afford',
      supportersMoney: rational(5),
    });
  });

  it('lets a supporter with less than the equal part pay all they have', () => {
    // Unit utilities, share 10. a (5, voter 1) is cheapest; then b (20, all three) would cost 6⅔
    // each, but voter 1 has 5 left: they pay 5, voters 2 and 3 pay 7.50 each.
    const election = approvalElection(30, { a: 5, b: 20 }, [['a', 'b'], ['b'], ['b']]);
    const result = run(election, rational(10), { approvalUtility: 'unit' });
    expect(idsOf(election, result.selected)).toEqual(['a', 'b']);
    expect(result.funded[1]).toMatchObject({ round: 2, maxPayment: rational(15, 2), paidAllTheyHad: 1 });
  });

  it('with cost utilities prefers the project more voters share; with unit utilities the cheaper per head', () => {
    // a: 2 supporters pay 4 each; b: 5 supporters pay 8 each.
    const election = approvalElection(50, { a: 8, b: 40 }, [['a', 'b'], ['a', 'b'], ['b'], ['b'], ['b']]);
    expect(idsOf(election, run(election, rational(9)).selected)[0]).toBe('b');
    expect(idsOf(election, run(election, rational(9), { approvalUtility: 'unit' }).selected)[0]).toBe('a');
  });

  it('breaks an exact tie by lower cost, then more supporters, then project id', () => {
    // Unit utilities: every project costs its supporters 2 each.
    const election = approvalElection(100, { big: 8, small: 4, twin1: 4, twin2: 4 }, [
      ['big', 'small', 'twin2'],
      ['big', 'small', 'twin2'],
      ['big', 'twin1'],
      ['big', 'twin1'],
    ]);
    const result = run(election, rational(25), { approvalUtility: 'unit' });
    expect(idsOf(election, result.selected)).toEqual(['small', 'twin1', 'twin2', 'big']);
    // Points: x and y both cost 6 at a price of 2 per point; x has two supporters, y one.
    const points = pointsElection(100, { y: 6, x: 6 }, [{ x: 1 }, { x: 2 }, { y: 3 }]);
    expect(idsOf(points, run(points, rational(30)).selected)).toEqual(['x', 'y']);
  });

  it('decides differences far below float precision exactly', () => {
    // a costs 10¹⁶ + 1 for 1 supporter; b costs 3·10¹⁶ + 1 for 3: a price difference of 2/3 in
    // 10¹⁶, the same float. b is cheaper per supporter and must come first.
    const budget = 10n ** 18n;
    const election = buildElection({
      budget: rational(budget),
      projects: [
        { id: 'a', cost: rational(10n ** 16n + 1n) },
        { id: 'b', cost: rational(3n * 10n ** 16n + 1n) },
      ],
      ballots: [new Map([['a', ONE]]), new Map([['b', ONE]]), new Map([['b', ONE]]), new Map([['b', ONE]])],
    });
    const result = run(election, rational(10n ** 17n), { approvalUtility: 'unit' });
    expect(idsOf(election, result.selected)).toEqual(['b', 'a']);
    expect(result.funded[1]?.maxPayment).toEqual(rational(3n * 10n ** 16n + 1n, 3n));
  });

  it('funds a project that costs exactly what its supporters hold, and not one a hair more', () => {
    const ballots = Array.from(
      { length: 10 },
      (_, i) =>
        new Map([
          ['shared', ONE],
          [`own${i}`, ONE],
        ]),
    );
    const projects = (sharedCost: Rational) => [
      { id: 'shared', cost: sharedCost },
      ...ballots.map((_, i) => ({ id: `own${i}`, cost: rational(5) })),
    ];
    const exact = buildElection({ budget: ONE, projects: projects(ONE), ballots });
    expect(equalShares(exact, tally(exact)).selected).toEqual([0]);
    const more = buildElection({
      budget: ONE,
      projects: projects(rational(10n ** 18n + 1n, 10n ** 18n)),
      ballots,
    });
    expect(equalShares(more, tally(more)).selected).toEqual([]);
    // After paying 0.01 and 0.17 the two voters hold exactly 1.82, which floats add up to less.
    const after = buildElection({
      budget: rational(2),
      projects: [
        { id: 'one', cost: rational(1, 100) },
        { id: 'two', cost: rational(17, 100) },
        { id: 'both', cost: rational(182, 100) },
      ],
      ballots: [
        new Map([
          ['one', ONE],
          ['both', ONE],
        ]),
        new Map([
          ['two', ONE],
          ['both', ONE],
        ]),
      ],
    });
    expect(idsOf(after, run(after, ONE, { approvalUtility: 'unit' }).selected)).toEqual([
      'one',
      'two',
      'both',
    ]);
  });

  it.each([
    ['approval ballots with cost utilities', 'approval', 'cost'],
    ['approval ballots with unit utilities', 'approval', 'unit'],
    ['cumulative ballots', 'cardinal', 'cost'],
  ] as const)(
    'agrees with the reference on %s: same projects, same order, same payments',
    (_, kind, utility) => {
      fc.assert(
        fc.property(smallInstance(kind), fc.integer({ min: 0, max: 40 }), (raw, wholeShare) => {
          const election = electionOf(raw);
          for (const share of [evenShare(election), rational(wholeShare)]) {
            const expected = referenceEqualShares(raw, share, utility);
            const actual = run(election, share, { approvalUtility: utility });
            expect(idsOf(election, actual.selected)).toEqual(expected.selected);
            for (const [index, paid] of actual.payments ?? []) {
              const id = election.projects[index]?.id as string;
              expect(perVoter(election, paid)).toEqual([...(expected.payments.get(id) ?? [])].sort(compare));
            }
            expect(perVoter(election, actual.remainingPerVoter ?? [])).toEqual(
              [...expected.budgets].sort(compare),
            );
          }
        }),
        { numRuns: 150 },
      );
    },
  );

  it('charges no voter more than their share, and collects exactly the cost of each funded project', () => {
    fc.assert(
      fc.property(smallInstance('cardinal'), fc.integer({ min: 0, max: 40 }), (raw, wholeShare) => {
        const election = electionOf(raw);
        const share = rational(wholeShare);
        const result = run(election, share);
        const paidByGroup = election.ballots.map(() => ZERO);
        for (const [index, paid] of result.payments ?? []) {
          const collected = sum(
            paid.map((payment, group) => mul(payment, rational(election.ballots[group]?.voterCount ?? 0))),
          );
          expect(collected).toEqual(election.projects[index]?.cost);
          paid.forEach((payment, group) => {
            expect(payment.num >= 0n).toBe(true);
            paidByGroup[group] = add(paidByGroup[group] as Rational, payment);
          });
        }
        paidByGroup.forEach((paid, group) => {
          expect(compare(paid, share)).toBeLessThanOrEqual(0);
          expect(add(paid, result.remainingPerVoter?.[group] as Rational)).toEqual(share);
        });
        // Stopping means no project left is affordable by its supporters.
        result.supportersMoney.forEach((money, index) => {
          if (!result.funded[index] && (tally(election).supporterCounts[index] ?? 0) > 0) {
            expect(compare(money, election.projects[index]?.cost as Rational)).toBeLessThan(0);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('the add1 completion', () => {
  it('starts at ⌊budget / voters⌋ and keeps the last share before the outcome overspends', () => {
    fc.assert(
      fc.property(smallInstance('approval'), (raw) => {
        const election = electionOf(raw);
        const prepared = prepareEqualShares(election, tally(election));
        const { run: kept, steps, isCutShort } = equalSharesAdd1(prepared);
        expect(isCutShort).toBe(false);
        const start = floor(evenShare(election));
        expect(kept.perVoterShare).toEqual(rational(start + BigInt(steps)));
        expect(compare(kept.spent, election.budget)).toBeLessThanOrEqual(0);
        // Every share on the way stayed within the budget…
        for (let share = start; share < start + BigInt(steps); share++) {
          expect(
            compare(equalSharesRun(prepared, rational(share)).spent, election.budget),
          ).toBeLessThanOrEqual(0);
        }
        // …and one more unit overspends, unless every supported project is already funded.
        const supported = tally(election).supporterCounts.filter((count) => count > 0).length;
        if (kept.selected.length < supported) {
          const next = equalSharesRun(prepared, rational(start + BigInt(steps) + 1n));
          expect(compare(next.spent, election.budget)).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('goes past an outcome that is exhaustive to a later one that spends more', () => {
    // Share 3 funds b (6), and a (15) cannot fit in what is left: exhaustive, but only 6 spent.
    // Share 5 funds a first (voter 3 then has nothing for b): 15 spent. Share 6 funds both: 21.
    const election = approvalElection(15, { a: 15, b: 6 }, [['a'], ['a'], ['a', 'b'], ['b']]);
    const prepared = prepareEqualShares(election, tally(election));
    expect(idsOf(election, equalSharesRun(prepared, rational(3)).selected)).toEqual(['b']);
    const { run: kept, steps } = equalSharesAdd1(prepared);
    expect(idsOf(election, kept.selected)).toEqual(['a']);
    expect({ share: kept.perVoterShare, steps }).toEqual({ share: rational(5), steps: 2 });
  });

  it('reads points as utilities for cumulative ballots', () => {
    const election = pointsElection(20, { a: 10, b: 10 }, [
      { a: 3, b: 1 },
      { a: 3, b: 1 },
    ]);
    const result = run(election, rational(10));
    expect(idsOf(election, result.selected)).toEqual(['a', 'b']);
    expect(result.funded[0]?.pricePerUtility).toEqual(rational(5, 3));
  });
});
