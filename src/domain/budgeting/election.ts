/**
 * The input every budgeting rule works on: a budget, projects with costs, and ballots reduced to
 * "how much does this voter value this project". Voters with identical ballots are merged into one
 * group with a count — the rules treat them alike anyway, and real instances have many (Łódź 2022:
 * 90,494 voters, 23,571 distinct ballots).
 */
import type { PbFile, VoteType } from './pabulib.ts';
import { add, isNegative, ONE, parseDecimal, type Rational, rational, scale, ZERO } from './rational.ts';

export interface ElectionProject {
  readonly id: string;
  readonly cost: Rational;
}

export interface BallotGroup {
  /** How many voters cast exactly this ballot. */
  readonly voterCount: number;
  /** Indices into `Election.projects`, ascending, each with a positive weight. */
  readonly projects: readonly number[];
  /** Aligned with `projects`: 1 for approval ballots, points for cumulative and scoring, rank points for ordinal. */
  readonly weights: readonly Rational[];
}

export interface Election {
  readonly budget: Rational;
  readonly projects: readonly ElectionProject[];
  /** `approval`: every weight is 1 (approval and choose-1 ballots). `cardinal`: weights are points. */
  readonly ballotKind: 'approval' | 'cardinal';
  /** Every voter, including those whose ballot names no project: each holds an equal share under MES. */
  readonly voterCount: number;
  readonly ballots: readonly BallotGroup[];
  /** A minimum score the instance declares for funding (META `min_project_score_threshold`). */
  readonly declaredScoreThreshold: Rational | null;
}

export interface Tally {
  /** Per project: voters who gave it a positive weight. */
  readonly supporterCounts: readonly number[];
  /** Per project: the sum of weights (the vote count for approval ballots). */
  readonly scores: readonly Rational[];
}

/**
 * Merges identical ballots. A ballot lists project indices with their weights (null: every weight
 * is 1, an approval); weights of zero or less are dropped — the voter does not support that project.
 */
function ballotGroups() {
  const groups = new Map<string, { voterCount: number; projects: number[]; weights: Rational[] }>();
  return {
    add(projects: number[], weights: readonly Rational[] | null) {
      let sorted = projects;
      let sortedWeights: Rational[] | null = null;
      if (weights === null) sorted.sort((a, b) => a - b);
      else {
        const order = projects.map((_, i) => i).filter((i) => (weights[i] as Rational).num > 0n);
        order.sort((a, b) => (projects[a] as number) - (projects[b] as number));
        sorted = order.map((i) => projects[i] as number);
        sortedWeights = order.map((i) => weights[i] as Rational);
      }
      const key = sortedWeights
        ? sorted.map((project, i) => `${project}:${sortedWeights[i]?.num}/${sortedWeights[i]?.den}`).join(',')
        : sorted.join(',');
      const group = groups.get(key);
      if (group) group.voterCount += 1;
      else
        groups.set(key, { voterCount: 1, projects: sorted, weights: sortedWeights ?? sorted.map(() => ONE) });
    },
    list: (): BallotGroup[] => [...groups.values()],
  };
}

/**
 * Reads the ballots as weights: approval and choose-1 give 1 per project, cumulative and scoring
 * their points (projects given zero or negative points count as unsupported), and an ordinal ballot
 * ranking k projects gives k points to the first, k−1 to the second, … 1 to the last — the
 * convention behind Pabulib's `score` column for ordinal instances.
 */
export function electionFromPb(file: PbFile): Election {
  const voteType = (file.meta.get('vote_type') ?? 'approval').trim() as VoteType;
  const isApproval = voteType === 'approval' || voteType === 'choose-1';
  const indexOf = new Map(file.projects.map((project, index) => [project.id, index]));
  const groups = ballotGroups();
  for (const vote of file.votes) {
    const projects = vote.projectIds.map((id) => indexOf.get(id) as number);
    if (isApproval) groups.add(projects, null);
    else if (voteType === 'ordinal')
      groups.add(
        projects,
        projects.map((_, i) => rational(projects.length - i)),
      );
    else groups.add(projects, vote.points ?? projects.map(() => ONE));
  }
  const threshold = parseDecimal(file.meta.get('min_project_score_threshold') ?? '');
  return {
    budget: parseDecimal(file.meta.get('budget') as string) as Rational,
    projects: file.projects.map((project) => ({ id: project.id, cost: project.cost })),
    ballotKind: isApproval ? 'approval' : 'cardinal',
    voterCount: file.votes.length,
    ballots: groups.list(),
    declaredScoreThreshold: threshold && !isNegative(threshold) ? threshold : null,
  };
}

export interface ElectionInput {
  readonly budget: Rational;
  readonly projects: readonly ElectionProject[];
  /** One entry per voter: project id → weight (1 for an approval). */
  readonly ballots: readonly ReadonlyMap<string, Rational>[];
  readonly ballotKind?: 'approval' | 'cardinal';
}

export class ElectionError extends Error {
  readonly code = 'budgeting.unknown_project';
}

/** Builds an election from plain per-voter ballots (tests, and callers that do not read `.pb` files). */
export function buildElection(input: ElectionInput): Election {
  const indexOf = new Map(input.projects.map((project, index) => [project.id, index]));
  const groups = ballotGroups();
  for (const ballot of input.ballots) {
    const projects = [...ballot.keys()].map((id) => {
      const index = indexOf.get(id);
      if (index === undefined) throw new ElectionError(`a ballot names the unknown project ${id}`);
      return index;
    });
    groups.add(projects, [...ballot.values()]);
  }
  return {
    budget: input.budget,
    projects: input.projects,
    ballotKind: input.ballotKind ?? 'approval',
    voterCount: input.ballots.length,
    ballots: groups.list(),
    declaredScoreThreshold: null,
  };
}

export function tally(election: Election): Tally {
  const supporterCounts = new Array<number>(election.projects.length).fill(0);
  const scores = new Array<Rational>(election.projects.length).fill(ZERO);
  for (const ballot of election.ballots) {
    for (const [i, project] of ballot.projects.entries()) {
      supporterCounts[project] = (supporterCounts[project] as number) + ballot.voterCount;
      scores[project] = add(
        scores[project] as Rational,
        scale(ballot.weights[i] as Rational, ballot.voterCount),
      );
    }
  }
  return { supporterCounts, scores };
}
