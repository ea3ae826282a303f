/**
 * How every rule breaks a tie between projects that are equally good by the rule's own measure:
 * the cheaper project first, then the one with more supporters, then the smaller project id
 * (numerically when both ids are whole numbers, otherwise by code points). The first two come from
 * the rules cities publish for equal shares; the last only makes the outcome deterministic.
 */
import type { Election, Tally } from './election.ts';
import { compare } from './rational.ts';

const WHOLE_NUMBER_RE = /^\d+$/;

export function compareProjectIds(a: string, b: string): number {
  if (WHOLE_NUMBER_RE.test(a) && WHOLE_NUMBER_RE.test(b)) {
    const difference = BigInt(a) - BigInt(b);
    if (difference !== 0n) return difference < 0n ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator of project indices: negative when `a` wins the tie. */
export function tieBreak(election: Election, tally: Tally): (a: number, b: number) => number {
  return (a, b) => {
    const projectA = election.projects[a] as Election['projects'][number];
    const projectB = election.projects[b] as Election['projects'][number];
    return (
      compare(projectA.cost, projectB.cost) ||
      (tally.supporterCounts[b] as number) - (tally.supporterCounts[a] as number) ||
      compareProjectIds(projectA.id, projectB.id)
    );
  };
}
