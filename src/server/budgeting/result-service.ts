/**
 * Results: the budget's ballots counted by the rule it declared, with every project's explanation,
 * the money spent, the share of voters with a funded project, and what greedy would have done. A
 * coordinator may preview them at any time; once the vote is closed they are computed for good,
 * stored and public, and each funded project of a process's budget becomes an accountability result
 * in the same transaction.
 */
import { buildElection, type Election } from '../../domain/budgeting/election.ts';
import { type Explanation, explainOutcome, toJsonValue } from '../../domain/budgeting/explanation.ts';
import { ONE, parseDecimal, type Rational, rational, toNumber } from '../../domain/budgeting/rational.ts';
import { type RuleName, runRule } from '../../domain/budgeting/rules.ts';
import type { FundedProject } from '../participation/result-service.ts';
import type { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { BudgetProjectTable, BudgetTable, Db, Queryable, Tx } from '../platform/database.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { visibleBudget } from './budget-view.ts';
import { ballotRepo, budgetRepo, projectRepo, resultRepo } from './repo.ts';

/** What is stored and served: the explanation as JSON (exact amounts as "n/d") and greedy's outcome. */
interface StoredExplanation {
  readonly summary: Record<string, unknown>;
  readonly projects: readonly (Record<string, unknown> & { projectId: string })[];
  readonly selectedInOrder: readonly string[];
  readonly greedy: {
    readonly selectedProjectIds: readonly string[];
    readonly spentMinor: number;
    readonly votersWithFundedProject: number;
  };
}

interface Computed {
  readonly rule: RuleName;
  readonly selectedProjectIds: string[];
  readonly spentMinor: number;
  readonly voterCount: number;
  readonly votersWithFundedProject: number;
  readonly explanation: StoredExplanation;
}

/** Accountability's part in publishing: what a funded project will be followed up as. */
export interface FundedProjectResults {
  resultForFundedProject(tx: Tx, clusterId: string, project: FundedProject): Promise<{ id: string }>;
}

const minorOf = (units: Rational) => toNumber(rational(units.num * 100n, units.den));

/** The budget's ballots as the rules read them; amounts in currency units, as in Pabulib. */
export async function electionOf(
  db: Queryable,
  budget: BudgetTable,
  projects: readonly BudgetProjectTable[],
) {
  const ballots = await ballotRepo.choices(db, budget.cluster_id, budget.id);
  const isCumulative = budget.ballot_type === 'cumulative';
  return buildElection({
    budget: rational(budget.amount_minor, 100),
    projects: projects.map((project) => ({ id: project.id, cost: rational(project.cost_minor, 100) })),
    ballots: ballots.map(
      (ballot) =>
        new Map(
          ballot.project_ids.map(
            (id, i) => [id, isCumulative ? rational(ballot.points?.[i] ?? 0) : ONE] as const,
          ),
        ),
    ),
    ballotKind: isCumulative ? 'cardinal' : 'approval',
  });
}

function compute(budget: BudgetTable, election: Election): Computed {
  const rule = budget.rule as RuleName;
  const outcome = runRule(election, rule, {
    threshold: budget.score_threshold === null ? null : parseDecimal(budget.score_threshold),
  });
  const explanation: Explanation = explainOutcome(election, outcome);
  const greedy = runRule(election, 'greedy');
  const greedySummary = explainOutcome(election, greedy).summary;
  const idAt = (index: number) => (election.projects[index] as { id: string }).id;
  const selectedProjectIds = outcome.selected.map(idAt);
  return {
    rule,
    selectedProjectIds,
    spentMinor: minorOf(outcome.spent),
    voterCount: explanation.summary.voterCount,
    votersWithFundedProject: explanation.summary.votersWithFundedProject,
    explanation: {
      ...(toJsonValue(explanation) as Omit<StoredExplanation, 'selectedInOrder' | 'greedy'>),
      selectedInOrder: selectedProjectIds,
      greedy: {
        selectedProjectIds: greedy.selected.map(idAt),
        spentMinor: minorOf(greedy.spent),
        votersWithFundedProject: greedySummary.votersWithFundedProject,
      },
    },
  };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function resultView(
  budget: BudgetTable,
  projects: readonly BudgetProjectTable[],
  computed: Computed,
  meta: { isPreview: boolean; computedAt: Date },
) {
  const byId = new Map(projects.map((project) => [project.id, project]));
  const { summary, greedy } = computed.explanation;
  return {
    budgetId: budget.id,
    rule: computed.rule,
    isPreview: meta.isPreview,
    computedAt: meta.computedAt.toISOString(),
    currency: budget.currency,
    amountMinor: budget.amount_minor,
    spentMinor: computed.spentMinor,
    leftoverMinor: budget.amount_minor - computed.spentMinor,
    voterCount: computed.voterCount,
    votersWithFundedProject: computed.votersWithFundedProject,
    shareOfVotersWithFundedProject: share(computed.votersWithFundedProject, computed.voterCount),
    perVoterShareMinor: (summary.perVoterShare as { minorUnits: string } | null)?.minorUnits ?? null,
    add1Steps: (summary.add1Steps as number | null) ?? null,
    comparisonStep: summary.comparisonStep ?? null,
    selectedProjectIds: computed.selectedProjectIds,
    onlyThisRule: summary.onlyThisRule as string[],
    onlyGreedy: summary.onlyGreedy as string[],
    greedy: {
      ...greedy,
      shareOfVotersWithFundedProject: share(greedy.votersWithFundedProject, computed.voterCount),
    },
    projects: computed.explanation.projects.map((entry) => {
      const project = byId.get(entry.projectId);
      return {
        projectId: entry.projectId,
        title: project?.title ?? '',
        category: project?.category ?? '',
        costMinor: project?.cost_minor ?? 0,
        supporterCount: entry.supporterCount as number,
        score: entry.score as string,
        isSelected: entry.isSelected as boolean,
        isSelectedByGreedy: entry.isSelectedByGreedy as boolean,
        fundedPosition: computed.selectedProjectIds.indexOf(entry.projectId) + 1 || null,
        reason: entry.reason,
      };
    }),
  };
}

export class ResultService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly accountability: FundedProjectResults,
  ) {}

  /** The outcome if the vote ended now, for coordinators; nothing is stored. */
  async preview(actor: Actor, slug: string, budgetId: string) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    const budget = await visibleBudget(this.db, access, budgetId);
    const projects = await projectRepo.all(this.db, access.cluster.id, budget.id);
    const computed = compute(budget, await electionOf(this.db, budget, projects));
    return resultView(budget, projects, computed, { isPreview: true, computedAt: this.clock() });
  }

  async publish(actor: Actor, slug: string, budgetId: string) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    await this.db.transaction().execute(async (tx) => {
      const budget = await budgetRepo.lock(tx, access.cluster.id, budgetId, 'update');
      if (!budget) throw notFound('budgeting.not_found');
      if (budget.status === 'published') throw conflict('budgeting.already_published');
      if (budget.status !== 'closed') throw conflict('budgeting.not_closed');
      const projects = await projectRepo.all(tx, access.cluster.id, budget.id);
      const computed = compute(budget, await electionOf(tx, budget, projects));
      const now = this.clock();
      await resultRepo.insert(tx, {
        cluster_id: budget.cluster_id,
        budget_id: budget.id,
        rule: computed.rule,
        selected_project_ids: computed.selectedProjectIds,
        spent_minor: computed.spentMinor,
        voter_count: computed.voterCount,
        voters_with_funded_project: computed.votersWithFundedProject,
        explanation: computed.explanation,
        computed_at: now,
        computed_by: access.actor.personId,
      });
      await budgetRepo.update(tx, budget.cluster_id, budget.id, {
        status: 'published',
        published_at: now,
        updated_at: now,
      });
      // Results belong to a process; a budget outside any process is accounted for elsewhere.
      if (budget.process_id !== null) {
        const byId = new Map(projects.map((project) => [project.id, project]));
        for (const projectId of computed.selectedProjectIds) {
          const project = byId.get(projectId) as BudgetProjectTable;
          await this.accountability.resultForFundedProject(tx, budget.cluster_id, {
            processId: budget.process_id,
            budgetId: budget.id,
            projectId,
            title: project.title,
            sourceProposalId: project.source_proposal_id,
          });
        }
      }
      await this.audit.record(tx, budget.cluster_id, {
        action: 'budgeting.results_published',
        isPublic: true,
        payload: {
          budgetId: budget.id,
          name: budget.name,
          rule: computed.rule,
          currency: budget.currency,
          amountMinor: budget.amount_minor,
          spentMinor: computed.spentMinor,
          selectedProjectIds: computed.selectedProjectIds,
          voterCount: computed.voterCount,
          votersWithFundedProject: computed.votersWithFundedProject,
          by: access.actor.personId,
        },
      });
    });
    return this.get(actor, slug, budgetId);
  }

  async get(actor: Actor, slug: string, budgetId: string) {
    const access = await this.access.read(actor, slug);
    const budget = await visibleBudget(this.db, access, budgetId);
    const row = await resultRepo.find(this.db, access.cluster.id, budget.id);
    if (!row) throw notFound('budgeting.results_not_published');
    const projects = await projectRepo.all(this.db, access.cluster.id, budget.id);
    const computed: Computed = {
      rule: row.rule as RuleName,
      selectedProjectIds: row.selected_project_ids,
      spentMinor: row.spent_minor,
      voterCount: row.voter_count,
      votersWithFundedProject: row.voters_with_funded_project,
      explanation: row.explanation as StoredExplanation,
    };
    return resultView(budget, projects, computed, { isPreview: false, computedAt: row.computed_at });
  }

  /** Which projects the published result funds, for the export; null before publication. */
  async selected(db: Queryable, budget: BudgetTable) {
    const row = await resultRepo.find(db, budget.cluster_id, budget.id);
    return row ? new Set(row.selected_project_ids) : null;
  }
}
