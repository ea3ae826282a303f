/**
 * Casting ballots: a verified member votes, and changes the ballot until the vote closes (one current
 * ballot each, replaced); a helper enters a paper ballot with a one-time code, which then is spent.
 * Ballots are secret: only their own voter reads one back.
 */
import { type BallotChoice, ballotProblem } from '../../domain/budgeting/ballot-limits.ts';
import type { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { BudgetTable, Db, Tx } from '../platform/database.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { ballotRulesOf, isVotingOpen, visibleBudget } from './budget-view.ts';
import { ballotRepo, budgetRepo, projectRepo, voterRepo, votingCodeRepo } from './repo.ts';
import { normaliseVotingCode, votingCodeHash } from './voting-codes.ts';

export interface BallotInput {
  readonly choices: readonly { readonly projectId: string; readonly points?: number }[];
}

const choicesOf = (input: BallotInput): BallotChoice[] =>
  input.choices.map((choice) => ({ projectId: choice.projectId.toLowerCase(), points: choice.points ?? 1 }));

function ballotView(row: {
  project_ids: string[];
  points: number[] | null;
  cast_at: Date;
  updated_at: Date;
}) {
  return {
    choices: row.project_ids.map((projectId, i) => ({ projectId, points: row.points?.[i] ?? 1 })),
    castAt: row.cast_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export class BallotService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor, slug: string, budgetId: string) {
    const viewer = this.access.requireSignedIn(actor);
    const access = await this.access.read(viewer, slug);
    const budget = await visibleBudget(this.db, access, budgetId);
    const row = await ballotRepo.ofVoter(this.db, access.cluster.id, budget.id, viewer.personId);
    return { ballot: row ? ballotView(row) : null };
  }

  /**
   * The budget, share-locked so that closing it waits for ballots in flight and no ballot lands after
   * the close; and the ballot checked against its rules.
   */
  private async openBudget(tx: Tx, clusterId: string, budgetId: string, choices: readonly BallotChoice[]) {
    const budget = await budgetRepo.lock(tx, clusterId, budgetId, 'share');
    if (!budget || budget.status === 'draft') throw notFound('budgeting.not_found');
    if (!isVotingOpen(budget, this.clock())) throw conflict('budgeting.voting_closed');
    const projects = await projectRepo.all(tx, clusterId, budget.id);
    const problem = ballotProblem(
      ballotRulesOf(budget),
      new Map(projects.map((project) => [project.id, project.cost_minor])),
      choices,
    );
    if (problem) {
      const { code, ...params } = problem;
      // Amounts in the message are in currency units, formatted in the reader's locale.
      throw badRequest(
        code,
        'choices',
        problem.code === 'budgeting.ballot_over_cost'
          ? { max: problem.maxMinor / 100, total: problem.totalMinor / 100, currency: budget.currency }
          : params,
      );
    }
    return budget;
  }

  private row(budget: BudgetTable, choices: readonly BallotChoice[], now: Date) {
    return {
      cluster_id: budget.cluster_id,
      budget_id: budget.id,
      id: newId(),
      voter_id: null,
      voting_code_id: null,
      pabulib_voter_id: null,
      pabulib_fields: null,
      position: null,
      project_ids: choices.map((choice) => choice.projectId),
      points: budget.ballot_type === 'cumulative' ? choices.map((choice) => choice.points) : null,
      cast_at: now,
      updated_at: now,
    };
  }

  async cast(actor: Actor, slug: string, budgetId: string, input: BallotInput) {
    const access = await this.access.require(actor, slug, 'budgeting.vote');
    const choices = choicesOf(input);
    return this.db.transaction().execute(async (tx) => {
      const budget = await this.openBudget(tx, access.cluster.id, budgetId, choices);
      if (!budget.is_member_voting) throw conflict('budgeting.codes_only');
      if (!(await voterRepo.hasVerifiedEmail(tx, access.actor.personId)))
        throw new AppError('budgeting.email_unverified', 403);
      const row = await ballotRepo.upsertVoters(tx, {
        ...this.row(budget, choices, this.clock()),
        voter_id: access.actor.personId,
      });
      return { ballot: ballotView(row) };
    });
  }

  /** A helper enters a paper ballot: the code is spent with it, and the use is logged privately. */
  async castWithCode(actor: Actor, slug: string, budgetId: string, input: BallotInput & { code: string }) {
    const access = await this.access.require(actor, slug, 'budgeting.assist');
    const normalised = normaliseVotingCode(input.code);
    if (!normalised) throw badRequest('budgeting.code_invalid', 'code');
    const choices = choicesOf(input);
    await this.db.transaction().execute(async (tx) => {
      const budget = await this.openBudget(tx, access.cluster.id, budgetId, choices);
      if (!budget.is_code_voting) throw conflict('budgeting.codes_not_enabled');
      const code = await votingCodeRepo.lockByHash(
        tx,
        access.cluster.id,
        budget.id,
        votingCodeHash(normalised),
      );
      if (!code) throw badRequest('budgeting.code_invalid', 'code');
      if (code.used_at !== null) throw conflict('budgeting.code_used', 'code');
      const now = this.clock();
      await votingCodeRepo.markUsed(tx, access.cluster.id, code.id, access.actor.personId, now);
      await ballotRepo.insertMany(tx, [{ ...this.row(budget, choices, now), voting_code_id: code.id }]);
      await this.audit.record(tx, access.cluster.id, {
        action: 'budgeting.voting_code_used',
        isPublic: false,
        payload: { budgetId: budget.id, codeId: code.id, helper: access.actor.personId },
      });
    });
  }
}
