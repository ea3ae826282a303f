/**
 * How a budget row reads to the rest of the area: its settings for the domain rules, whether its
 * vote is open now, which budgets a reader may see, and the shape the API answers with.
 */
import type { BallotRules } from '../../domain/budgeting/ballot-limits.ts';
import type { BudgetSettings } from '../../domain/budgeting/pabulib-budget.ts';
import type { RuleName } from '../../domain/budgeting/rules.ts';
import { Access, type ClusterAccess } from '../platform/access.ts';
import type { BudgetTable, Queryable } from '../platform/database.ts';
import { notFound } from '../platform/errors.ts';
import { budgetRepo } from './repo.ts';

export const settingsOf = (row: BudgetTable): BudgetSettings => ({
  currency: row.currency,
  amountMinor: row.amount_minor,
  rule: row.rule as RuleName,
  scoreThreshold: row.score_threshold === null ? null : normaliseDecimal(row.score_threshold),
  ballotType: row.ballot_type,
  minProjects: row.min_projects,
  maxProjects: row.max_projects,
  maxTotalCostMinor: row.max_total_cost_minor,
  pointsPerVoter: row.points_per_voter,
  maxPointsPerProject: row.max_points_per_project,
});

/** PostgreSQL writes numeric with its scale (`100.00`); the API and files use the plain decimal. */
function normaliseDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

export const settingsColumns = (settings: BudgetSettings) => ({
  currency: settings.currency,
  amount_minor: settings.amountMinor,
  rule: settings.rule,
  score_threshold: settings.scoreThreshold,
  ballot_type: settings.ballotType,
  min_projects: settings.minProjects,
  max_projects: settings.maxProjects,
  max_total_cost_minor: settings.maxTotalCostMinor,
  points_per_voter: settings.pointsPerVoter,
  max_points_per_project: settings.maxPointsPerProject,
});

export function ballotRulesOf(row: BudgetTable): BallotRules {
  if (row.ballot_type === 'approval') {
    return {
      type: 'approval',
      minProjects: row.min_projects,
      maxProjects: row.max_projects,
      maxTotalCostMinor: row.max_total_cost_minor,
    };
  }
  return {
    type: 'cumulative',
    minProjects: row.min_projects,
    maxProjects: row.max_projects,
    pointsPerVoter: row.points_per_voter as number,
    maxPointsPerProject: row.max_points_per_project as number,
  };
}

export const isVotingOpen = (row: BudgetTable, now: Date) =>
  row.status === 'open' && row.opens_at <= now && now < row.closes_at;

export const mayManage = (access: ClusterAccess) => Access.can(access, 'budgeting.manage');

/** A draft is the coordinators' work in progress: for everyone else it does not exist yet. */
export async function visibleBudget(db: Queryable, access: ClusterAccess, budgetId: string) {
  const row = await budgetRepo.find(db, access.cluster.id, budgetId);
  if (!row || (row.status === 'draft' && !mayManage(access))) throw notFound('budgeting.not_found');
  return row;
}

export function budgetView(row: BudgetTable) {
  return {
    id: row.id,
    processId: row.process_id,
    name: row.name,
    description: row.description,
    currency: row.currency,
    amountMinor: row.amount_minor,
    rule: row.rule,
    scoreThreshold: settingsOf(row).scoreThreshold,
    ballot: {
      type: row.ballot_type,
      minProjects: row.min_projects,
      maxProjects: row.max_projects,
      maxTotalCostMinor: row.max_total_cost_minor,
      pointsPerVoter: row.points_per_voter,
      maxPointsPerProject: row.max_points_per_project,
    },
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    isMemberVoting: row.is_member_voting,
    isCodeVoting: row.is_code_voting,
    status: row.status,
    isImported: row.pabulib !== null,
    createdAt: row.created_at.toISOString(),
    openedAt: row.opened_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}
