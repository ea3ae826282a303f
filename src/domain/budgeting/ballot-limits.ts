/**
 * What a budget's ballot allows, and the check of one ballot against it: an approval ballot names
 * between a minimum and a maximum number of projects, optionally within a total cost; a cumulative
 * ballot spreads at most a number of points, with at most so many on one project.
 */

export type BallotRules =
  | {
      readonly type: 'approval';
      readonly minProjects: number;
      readonly maxProjects: number | null;
      readonly maxTotalCostMinor: number | null;
    }
  | {
      readonly type: 'cumulative';
      readonly minProjects: number;
      readonly maxProjects: number | null;
      readonly pointsPerVoter: number;
      readonly maxPointsPerProject: number;
    };

export interface BallotChoice {
  readonly projectId: string;
  /** 1 for an approval. */
  readonly points: number;
}

export type BallotProblem =
  | { readonly code: 'budgeting.ballot_unknown_project'; readonly projectId: string }
  | { readonly code: 'budgeting.ballot_duplicate_project'; readonly projectId: string }
  | { readonly code: 'budgeting.ballot_points_not_allowed' }
  | { readonly code: 'budgeting.ballot_too_few_projects'; readonly min: number }
  | { readonly code: 'budgeting.ballot_too_many_projects'; readonly max: number }
  | { readonly code: 'budgeting.ballot_over_cost'; readonly maxMinor: number; readonly totalMinor: number }
  | { readonly code: 'budgeting.ballot_too_many_points'; readonly max: number; readonly total: number }
  | {
      readonly code: 'budgeting.ballot_project_points_over';
      readonly max: number;
      readonly projectId: string;
    };

/** The first thing wrong with the ballot, or null when it is within the rules. */
export function ballotProblem(
  rules: BallotRules,
  costMinorOf: ReadonlyMap<string, number>,
  choices: readonly BallotChoice[],
): BallotProblem | null {
  const seen = new Set<string>();
  for (const choice of choices) {
    if (!costMinorOf.has(choice.projectId))
      return { code: 'budgeting.ballot_unknown_project', projectId: choice.projectId };
    if (seen.has(choice.projectId))
      return { code: 'budgeting.ballot_duplicate_project', projectId: choice.projectId };
    seen.add(choice.projectId);
    if (rules.type === 'approval' && choice.points !== 1)
      return { code: 'budgeting.ballot_points_not_allowed' };
  }
  if (choices.length < rules.minProjects)
    return { code: 'budgeting.ballot_too_few_projects', min: rules.minProjects };
  if (rules.maxProjects !== null && choices.length > rules.maxProjects)
    return { code: 'budgeting.ballot_too_many_projects', max: rules.maxProjects };
  if (rules.type === 'approval') {
    const totalMinor = choices.reduce(
      (sum, choice) => sum + (costMinorOf.get(choice.projectId) as number),
      0,
    );
    if (rules.maxTotalCostMinor !== null && totalMinor > rules.maxTotalCostMinor)
      return { code: 'budgeting.ballot_over_cost', maxMinor: rules.maxTotalCostMinor, totalMinor };
    return null;
  }
  for (const choice of choices) {
    if (choice.points > rules.maxPointsPerProject)
      return {
        code: 'budgeting.ballot_project_points_over',
        max: rules.maxPointsPerProject,
        projectId: choice.projectId,
      };
  }
  const total = choices.reduce((sum, choice) => sum + choice.points, 0);
  if (total > rules.pointsPerVoter)
    return { code: 'budgeting.ballot_too_many_points', max: rules.pointsPerVoter, total };
  return null;
}
