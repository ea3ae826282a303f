/**
 * Small elections for the budgeting tests, written the way one would on a whiteboard: costs by
 * project id, one ballot per voter.
 */
import fc from 'fast-check';
import { buildElection, type Election } from './election.ts';
import { type Rational, rational } from './rational.ts';

/** Approval ballots: each voter lists the projects they approve. */
export function approvalElection(
  budget: number,
  costs: Record<string, number>,
  ballots: string[][],
): Election {
  return buildElection({
    budget: rational(budget),
    projects: Object.entries(costs).map(([id, cost]) => ({ id, cost: rational(cost) })),
    ballots: ballots.map((ballot) => new Map(ballot.map((id): [string, Rational] => [id, rational(1)]))),
  });
}

/** Cumulative ballots: each voter gives points to projects. */
export function pointsElection(
  budget: number,
  costs: Record<string, number>,
  ballots: Record<string, number>[],
): Election {
  return buildElection({
    budget: rational(budget),
    projects: Object.entries(costs).map(([id, cost]) => ({ id, cost: rational(cost) })),
    ballots: ballots.map(
      (ballot) => new Map(Object.entries(ballot).map(([id, points]) => [id, rational(points)])),
    ),
    ballotKind: 'cardinal',
  });
}

/**
 * Six voters in two overlapping camps: voters 1–4 support a, voters 3–6 support c, voters 5–6
 * support b. With 10 each and costs a 30, b 20, c 30, equal shares funds a (tied with c at 7.50 per
 * supporter, won on the id), then b, which only voters 5 and 6 can still pay; greedy funds a and c.
 */
export const TWO_CAMPS_COSTS = { a: 30, b: 20, c: 30 };
export const twoCampsBallots = (): string[][] => [
  ['a'],
  ['a'],
  ['a', 'c'],
  ['a', 'c'],
  ['b', 'c'],
  ['b', 'c'],
];

/** A small instance as plain data: each ballot maps project ids to points (1 for an approval). */
export interface RawInstance {
  readonly kind: 'approval' | 'cardinal';
  readonly budget: number;
  readonly costs: Record<string, number>;
  readonly ballots: Record<string, number>[];
}

export const electionOf = (raw: RawInstance): Election =>
  raw.kind === 'approval'
    ? approvalElection(
        raw.budget,
        raw.costs,
        raw.ballots.map((ballot) => Object.keys(ballot)),
      )
    : pointsElection(raw.budget, raw.costs, raw.ballots);

/** Random small instances: up to 6 projects and 9 voters, whole costs and points. */
export const smallInstance = (kind: 'approval' | 'cardinal') =>
  fc
    .record({
      budget: fc.integer({ min: 1, max: 80 }),
      costs: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 6 }),
      ballots: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }), {
        minLength: 1,
        maxLength: 9,
      }),
    })
    .map(({ budget, costs, ballots }): RawInstance => {
      const ids = costs.map((_, i) => `p${i + 1}`);
      const points = (ballot: number[], id: string, i: number): [string, number][] => {
        const value = ballot[i] as number;
        if (kind === 'approval') return value >= 2 ? [[id, 1]] : [];
        return value > 0 ? [[id, value]] : [];
      };
      return {
        kind,
        budget,
        costs: Object.fromEntries(ids.map((id, i) => [id, costs[i] as number])),
        ballots: ballots.map((ballot) => Object.fromEntries(ids.flatMap((id, i) => points(ballot, id, i)))),
      };
    });

export const smallElection = (kind: 'approval' | 'cardinal') => smallInstance(kind).map(electionOf);
