/**
 * Budgets and their projects: a coordinator sets a budget up (amount, rule, ballot, voting window,
 * who may vote), enters its projects while it is a draft, opens the vote, prints one-time voting
 * codes, and closes the vote.
 */
import {
  type BudgetSettings,
  isSupportedCurrency,
  MAX_BUDGET_PROJECTS,
} from '../../domain/budgeting/pabulib-budget.ts';
import { readCursor } from '../participation/cursor.ts';
import { Access, type ClusterAccess } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { BudgetProjectTable, BudgetTable, Db } from '../platform/database.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { decodeCursor, toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import {
  budgetView,
  isVotingOpen,
  mayManage,
  settingsColumns,
  settingsOf,
  visibleBudget,
} from './budget-view.ts';
import { proposalSourceRepo } from './proposal-sources.ts';
import { ballotRepo, budgetRepo, projectRepo, voterRepo, votingCodeRepo } from './repo.ts';
import { MAX_CODES_PER_BUDGET, newVotingCode, normaliseVotingCode, votingCodeHash } from './voting-codes.ts';

export interface BudgetInput extends BudgetSettings {
  readonly name: string;
  readonly description: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly isMemberVoting: boolean;
  readonly isCodeVoting: boolean;
  readonly processId: string | null;
}

export interface ProjectInput {
  readonly title: string;
  readonly description: string;
  readonly costMinor: number;
  readonly category: string;
  readonly sourceProposalId: string | null;
}

/** Whether the reader can vote here now, and if not, what stands in the way. */
export type VotingStanding =
  | 'can_vote'
  | 'not_open_yet'
  | 'closed'
  | 'sign_in'
  | 'codes_only'
  | 'no_role'
  | 'email_unverified';

/** The settings as they will be stored, or the first field that does not fit, with its reason. */
function checkSettings(input: BudgetInput): BudgetInput {
  if (!isSupportedCurrency(input.currency)) throw badRequest('budgeting.currency_unsupported', 'currency');
  if (input.rule === 'greedy-threshold' && input.scoreThreshold === null)
    throw badRequest('budgeting.threshold_required', 'scoreThreshold');
  if (input.maxProjects !== null && input.maxProjects < input.minProjects)
    throw badRequest('budgeting.max_below_min', 'maxProjects', { min: input.minProjects });
  let { pointsPerVoter, maxPointsPerProject } = input;
  if (input.ballotType === 'approval') {
    if (pointsPerVoter !== null) throw badRequest('budgeting.approval_no_points', 'pointsPerVoter');
    if (maxPointsPerProject !== null) throw badRequest('budgeting.approval_no_points', 'maxPointsPerProject');
  } else {
    if (input.maxTotalCostMinor !== null)
      throw badRequest('budgeting.cumulative_no_cost_limit', 'maxTotalCostMinor');
    if (pointsPerVoter === null) throw badRequest('budgeting.points_required', 'pointsPerVoter');
    maxPointsPerProject ??= pointsPerVoter;
    if (maxPointsPerProject > pointsPerVoter)
      throw badRequest('budgeting.points_over_total', 'maxPointsPerProject', { total: pointsPerVoter });
  }
  if (!(Date.parse(input.closesAt) > Date.parse(input.opensAt)))
    throw badRequest('budgeting.window_invalid', 'closesAt');
  if (!input.isMemberVoting && !input.isCodeVoting)
    throw badRequest('budgeting.no_voting_channel', 'isMemberVoting');
  // Only greedy with a threshold reads one; kept for another rule it would mislead the reader.
  const scoreThreshold = input.rule === 'greedy-threshold' ? input.scoreThreshold : null;
  return { ...input, scoreThreshold, pointsPerVoter, maxPointsPerProject };
}

const budgetColumns = (input: BudgetInput) => ({
  process_id: input.processId,
  name: input.name.trim(),
  description: input.description.trim(),
  ...settingsColumns(input),
  opens_at: new Date(input.opensAt),
  closes_at: new Date(input.closesAt),
  is_member_voting: input.isMemberVoting,
  is_code_voting: input.isCodeVoting,
});

function projectView(row: BudgetProjectTable) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    costMinor: row.cost_minor,
    category: row.category,
    sourceProposalId: row.source_proposal_id,
    pabulibId: row.pabulib_id,
  };
}

/** A prefill for a project from an accepted proposal; the coordinator may change every field. */
function candidateView(row: {
  id: string;
  title: string;
  body_markdown: string;
  category: string;
  estimated_cost_cents: number | null;
}) {
  return {
    id: row.id,
    title: row.title,
    description: row.body_markdown,
    category: row.category,
    estimatedCostMinor: row.estimated_cost_cents === null ? null : Number(row.estimated_cost_cents),
  };
}

export class BudgetService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, slug: string, query: { limit: number; cursor?: string; processId?: string }) {
    const access = await this.access.read(actor, slug);
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await budgetRepo.list(
      this.db,
      access.cluster.id,
      { includeDrafts: mayManage(access), processId: query.processId },
      after,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [row.created_at.toISOString(), row.id]);
    const now = this.clock();
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({ ...budgetView(row), isVotingOpen: isVotingOpen(row, now) })),
    };
  }

  async get(actor: Actor, slug: string, budgetId: string) {
    const access = await this.access.read(actor, slug);
    const row = await visibleBudget(this.db, access, budgetId);
    const isManager = mayManage(access);
    const [projectCount, ballotCount, codes] = await Promise.all([
      projectRepo.count(this.db, access.cluster.id, row.id),
      ballotRepo.count(this.db, access.cluster.id, row.id),
      isManager ? votingCodeRepo.counts(this.db, access.cluster.id, row.id) : null,
    ]);
    return {
      ...budgetView(row),
      isVotingOpen: isVotingOpen(row, this.clock()),
      projectCount,
      ballotCount,
      codes,
      voting: await this.standing(access, row),
      can: {
        manage: isManager,
        assist: row.is_code_voting && Access.can(access, 'budgeting.assist'),
      },
    };
  }

  /** What a reader sees next to the ballot form. */
  async standing(access: ClusterAccess, row: BudgetTable): Promise<VotingStanding> {
    const now = this.clock();
    if (row.status === 'draft' || (row.status === 'open' && now < row.opens_at)) return 'not_open_yet';
    if (!isVotingOpen(row, now)) return 'closed';
    if (!row.is_member_voting) return 'codes_only';
    if (!access.actor) return 'sign_in';
    if (!Access.can(access, 'budgeting.vote')) return 'no_role';
    if (!(await voterRepo.hasVerifiedEmail(this.db, access.actor.personId))) return 'email_unverified';
    return 'can_vote';
  }

  async create(actor: Actor, slug: string, input: BudgetInput) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    const checked = checkSettings(input);
    if (checked.processId !== null) await this.requireProcess(this.db, access, checked.processId);
    const now = this.clock();
    const row: BudgetTable = {
      cluster_id: access.cluster.id,
      id: newId(),
      ...budgetColumns(checked),
      status: 'draft',
      pabulib: null,
      created_at: now,
      created_by: access.actor.personId,
      updated_at: now,
      opened_at: null,
      closed_at: null,
      published_at: null,
    };
    await this.db.transaction().execute(async (tx) => {
      await budgetRepo.insert(tx, row);
      await this.audit.record(tx, row.cluster_id, {
        action: 'budgeting.budget_created',
        isPublic: true,
        payload: {
          budgetId: row.id,
          name: row.name,
          amountMinor: row.amount_minor,
          currency: row.currency,
          rule: row.rule,
          ballotType: row.ballot_type,
          by: access.actor.personId,
        },
      });
    });
    return this.get(actor, slug, row.id);
  }

  /** Settings change only while the budget is a draft: voters must know the rules they vote under. */
  async update(actor: Actor, slug: string, budgetId: string, patch: Partial<BudgetInput>) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    await this.db.transaction().execute(async (tx) => {
      const row = await this.draft(tx, access, budgetId);
      const current: BudgetInput = {
        ...settingsOf(row),
        name: row.name,
        description: row.description,
        opensAt: row.opens_at.toISOString(),
        closesAt: row.closes_at.toISOString(),
        isMemberVoting: row.is_member_voting,
        isCodeVoting: row.is_code_voting,
        processId: row.process_id,
      };
      const merged: { -readonly [K in keyof BudgetInput]: BudgetInput[K] } = { ...current, ...patch };
      // A change of ballot type takes the other type's limits away with it.
      if (patch.ballotType === 'approval' && row.ballot_type === 'cumulative') {
        merged.pointsPerVoter = patch.pointsPerVoter ?? null;
        merged.maxPointsPerProject = patch.maxPointsPerProject ?? null;
      }
      if (patch.ballotType === 'cumulative' && row.ballot_type === 'approval') {
        merged.maxTotalCostMinor = patch.maxTotalCostMinor ?? null;
      }
      if (patch.pointsPerVoter != null && patch.maxPointsPerProject === undefined) {
        merged.maxPointsPerProject = Math.min(
          merged.maxPointsPerProject ?? patch.pointsPerVoter,
          patch.pointsPerVoter,
        );
      }
      const checked = checkSettings(merged);
      if (checked.processId !== row.process_id) {
        if (checked.processId !== null) await this.requireProcess(tx, access, checked.processId);
        if (await proposalSourceRepo.hasProjectsFromProposals(tx, access.cluster.id, budgetId))
          throw conflict('budgeting.projects_from_proposals', 'processId');
      }
      await budgetRepo.update(tx, access.cluster.id, budgetId, {
        ...budgetColumns(checked),
        updated_at: this.clock(),
      });
    });
    return this.get(actor, slug, budgetId);
  }

  private async requireProcess(db: Db, access: ClusterAccess, processId: string) {
    if (!(await proposalSourceRepo.processExists(db, access.cluster.id, processId)))
      throw notFound('budgeting.process_not_found');
  }

  /**
   * A project may come from an accepted proposal of the budget's own process, and from each
   * proposal at most once per budget.
   */
  private async checkSource(tx: Db, budget: BudgetTable, proposalId: string, projectId: string | null) {
    if (budget.process_id === null) throw conflict('budgeting.no_process', 'sourceProposalId');
    const proposal = await proposalSourceRepo.find(tx, budget.cluster_id, proposalId);
    if (!proposal || proposal.process_id !== budget.process_id)
      throw notFound('budgeting.proposal_not_found');
    if (proposal.state !== 'accepted')
      throw conflict('budgeting.proposal_not_accepted', 'sourceProposalId', { state: proposal.state });
    const existing = await proposalSourceRepo.projectFrom(tx, budget.cluster_id, budget.id, proposalId);
    if (existing && existing.id !== projectId)
      throw conflict('budgeting.proposal_in_budget', 'sourceProposalId', { title: proposal.title });
  }

  /** The accepted proposals of the budget's process that are not yet its projects (coordinators). */
  async proposalCandidates(
    actor: Actor,
    slug: string,
    budgetId: string,
    query: { limit: number; cursor?: string; q?: string },
  ) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    const budget = await visibleBudget(this.db, access, budgetId);
    if (budget.process_id === null) return { nextCursor: null, items: [] };
    const after = readCursor(query.cursor, ['uuid']);
    const rows = await proposalSourceRepo.candidates(
      this.db,
      access.cluster.id,
      budget.process_id,
      budget.id,
      {
        text: query.q?.trim() ?? '',
        afterId: after?.[0] ?? null,
        limit: query.limit,
      },
    );
    const page = toPage(rows, query.limit, (row) => [row.id]);
    return { nextCursor: page.nextCursor, items: page.items.map(candidateView) };
  }

  private async draft(tx: Db, access: ClusterAccess, budgetId: string) {
    const row = await budgetRepo.lock(tx, access.cluster.id, budgetId, 'update');
    if (!row) throw notFound('budgeting.not_found');
    if (row.status !== 'draft') throw conflict('budgeting.not_draft');
    return row;
  }

  async open(actor: Actor, slug: string, budgetId: string) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    await this.db.transaction().execute(async (tx) => {
      const row = await this.draft(tx, access, budgetId);
      const projectCount = await projectRepo.count(tx, access.cluster.id, row.id);
      if (projectCount === 0) throw conflict('budgeting.no_projects');
      if (row.min_projects > projectCount)
        throw conflict('budgeting.min_over_projects', 'minProjects', { count: projectCount });
      const now = this.clock();
      if (row.closes_at <= now) throw conflict('budgeting.window_past', 'closesAt');
      await budgetRepo.update(tx, access.cluster.id, row.id, {
        status: 'open',
        opened_at: now,
        updated_at: now,
      });
      await this.audit.record(tx, row.cluster_id, {
        action: 'budgeting.budget_opened',
        isPublic: true,
        payload: {
          budgetId: row.id,
          name: row.name,
          opensAt: row.opens_at.toISOString(),
          closesAt: row.closes_at.toISOString(),
          projectCount,
          by: access.actor.personId,
        },
      });
    });
    return this.get(actor, slug, budgetId);
  }

  /** Ends the vote. A draft may be closed too: its ballots were cast elsewhere and imported. */
  async close(actor: Actor, slug: string, budgetId: string) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    await this.db.transaction().execute(async (tx) => {
      const row = await budgetRepo.lock(tx, access.cluster.id, budgetId, 'update');
      if (!row) throw notFound('budgeting.not_found');
      if (row.status !== 'draft' && row.status !== 'open') throw conflict('budgeting.already_closed');
      const now = this.clock();
      await budgetRepo.update(tx, access.cluster.id, row.id, {
        status: 'closed',
        closed_at: now,
        updated_at: now,
      });
      await this.audit.record(tx, row.cluster_id, {
        action: 'budgeting.budget_closed',
        isPublic: true,
        payload: {
          budgetId: row.id,
          name: row.name,
          ballotCount: await ballotRepo.count(tx, access.cluster.id, row.id),
          by: access.actor.personId,
        },
      });
    });
    return this.get(actor, slug, budgetId);
  }

  async projects(actor: Actor, slug: string, budgetId: string, query: { limit: number; cursor?: string }) {
    const access = await this.access.read(actor, slug);
    const budget = await visibleBudget(this.db, access, budgetId);
    const after = decodeCursor(query.cursor, 2) as [number, string] | null;
    const rows = await projectRepo.page(this.db, access.cluster.id, budget.id, after, query.limit);
    const page = toPage(rows, query.limit, (row) => [row.position, row.id]);
    return { nextCursor: page.nextCursor, items: page.items.map(projectView) };
  }

  async addProject(actor: Actor, slug: string, budgetId: string, input: ProjectInput) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    return this.db.transaction().execute(async (tx) => {
      const budget = await this.draft(tx, access, budgetId);
      if ((await projectRepo.count(tx, access.cluster.id, budget.id)) >= MAX_BUDGET_PROJECTS)
        throw conflict('budgeting.too_many_projects', undefined, { max: MAX_BUDGET_PROJECTS });
      if (input.sourceProposalId !== null) await this.checkSource(tx, budget, input.sourceProposalId, null);
      const row: BudgetProjectTable = {
        cluster_id: access.cluster.id,
        budget_id: budget.id,
        id: newId(),
        title: input.title.trim(),
        description: input.description.trim(),
        cost_minor: input.costMinor,
        category: input.category.trim(),
        source_proposal_id: input.sourceProposalId,
        pabulib_id: null,
        pabulib_fields: null,
        position: await projectRepo.nextPosition(tx, access.cluster.id, budget.id),
        created_at: this.clock(),
      };
      await projectRepo.insertMany(tx, [row]);
      return projectView(row);
    });
  }

  async updateProject(
    actor: Actor,
    slug: string,
    budgetId: string,
    projectId: string,
    patch: Partial<ProjectInput>,
  ) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    return this.db.transaction().execute(async (tx) => {
      const budget = await this.draft(tx, access, budgetId);
      const project = await projectRepo.find(tx, access.cluster.id, budget.id, projectId);
      if (!project) throw notFound('budgeting.project_not_found');
      if (patch.sourceProposalId != null && patch.sourceProposalId !== project.source_proposal_id)
        await this.checkSource(tx, budget, patch.sourceProposalId, projectId);
      const row = await projectRepo.update(tx, access.cluster.id, budget.id, projectId, {
        ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
        ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
        ...(patch.category !== undefined ? { category: patch.category.trim() } : {}),
        ...(patch.costMinor !== undefined ? { cost_minor: patch.costMinor } : {}),
        ...(patch.sourceProposalId !== undefined ? { source_proposal_id: patch.sourceProposalId } : {}),
      });
      return projectView(row);
    });
  }

  async removeProject(actor: Actor, slug: string, budgetId: string, projectId: string) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    await this.db.transaction().execute(async (tx) => {
      const budget = await this.draft(tx, access, budgetId);
      const project = await projectRepo.find(tx, access.cluster.id, budget.id, projectId);
      if (!project) throw notFound('budgeting.project_not_found');
      if (await ballotRepo.namesProject(tx, access.cluster.id, budget.id, projectId))
        throw conflict('budgeting.project_has_votes');
      await projectRepo.delete(tx, access.cluster.id, budget.id, projectId);
    });
  }

  /** New one-time codes, returned this once; only their hashes are kept. */
  async generateCodes(actor: Actor, slug: string, budgetId: string, count: number) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    const codes = Array.from({ length: count }, newVotingCode);
    await this.db.transaction().execute(async (tx) => {
      const budget = await budgetRepo.lock(tx, access.cluster.id, budgetId, 'update');
      if (!budget) throw notFound('budgeting.not_found');
      if (budget.status !== 'draft' && budget.status !== 'open') throw conflict('budgeting.already_closed');
      if (!budget.is_code_voting) throw conflict('budgeting.codes_not_enabled');
      const { issued } = await votingCodeRepo.counts(tx, access.cluster.id, budget.id);
      if (issued + count > MAX_CODES_PER_BUDGET)
        throw conflict('budgeting.too_many_codes', 'count', { max: MAX_CODES_PER_BUDGET });
      const now = this.clock();
      await votingCodeRepo.insertMany(
        tx,
        codes.map((code) => ({
          cluster_id: access.cluster.id,
          budget_id: budget.id,
          id: newId(),
          code_hash: votingCodeHash(normaliseVotingCode(code) as string),
          created_at: now,
          created_by: access.actor.personId,
          used_at: null,
          used_by: null,
        })),
      );
      await this.audit.record(tx, access.cluster.id, {
        action: 'budgeting.voting_codes_generated',
        isPublic: true,
        payload: { budgetId: budget.id, count, by: access.actor.personId },
      });
    });
    return { codes };
  }
}
