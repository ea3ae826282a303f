/**
 * Pabulib `.pb` files in and out of a budget: an import fills an empty draft (settings, projects,
 * anonymous ballots) or writes nothing, naming the file's line at fault; an export gives any
 * budget as a file, imported ones as they came.
 */
import { PbFormatError, writePb } from '../../domain/budgeting/pabulib.ts';
import {
  type BudgetForExport,
  budgetFromPb,
  budgetToPb,
  type ImportedBudget,
  PbImportError,
} from '../../domain/budgeting/pabulib-budget.ts';
import type { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type {
  BudgetBallotTable,
  BudgetProjectTable,
  BudgetTable,
  ClusterTable,
  Db,
} from '../platform/database.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';
import type { ErrorCode } from '../platform/i18n/server-messages.ts';
import { newId } from '../platform/ids.ts';
import { mayManage, settingsColumns, settingsOf, visibleBudget } from './budget-view.ts';
import { ballotRepo, budgetRepo, projectRepo, resultRepo } from './repo.ts';

/** The file is refused at a line; the route answers with the line beside the message. */
export class PbRejected extends AppError {
  constructor(
    code: ErrorCode,
    readonly line: number,
    params: Readonly<Record<string, string | number>>,
  ) {
    super(code, 400, { line, ...params }, 'file');
  }
}

function readFile(text: string, budget: BudgetTable): ImportedBudget {
  try {
    return budgetFromPb(text, settingsOf(budget));
  } catch (error) {
    if (error instanceof PbFormatError)
      throw new PbRejected(error.code as ErrorCode, error.line, { detail: error.detail ?? '' });
    if (error instanceof PbImportError)
      throw new PbRejected(error.code as ErrorCode, error.line, error.params);
    throw error;
  }
}

const dayOf = (date: Date) =>
  `${String(date.getUTCDate()).padStart(2, '0')}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`;

/** META for a budget set up in Kopa; the settings' own keys are added by the export. */
function baseMeta(budget: BudgetTable, cluster: ClusterTable): [string, string][] {
  return [
    ['description', budget.name],
    ['country', cluster.country],
    ['unit', cluster.name],
    ['instance', budget.id],
    ['num_projects', ''],
    ['num_votes', ''],
    ['budget', ''],
    ['vote_type', ''],
    ['rule', ''],
    ['date_begin', dayOf(budget.opens_at)],
    ['date_end', dayOf(budget.closes_at)],
    ['language', cluster.default_locale],
  ];
}

export class PabulibService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async import(actor: Actor, slug: string, budgetId: string, text: string) {
    const access = await this.access.require(actor, slug, 'budgeting.manage');
    const found = await budgetRepo.find(this.db, access.cluster.id, budgetId);
    if (!found) throw notFound('budgeting.not_found');
    const file = readFile(text, found);
    const now = this.clock();
    await this.db.transaction().execute(async (tx) => {
      const budget = await budgetRepo.lock(tx, access.cluster.id, budgetId, 'update');
      if (!budget) throw notFound('budgeting.not_found');
      if (budget.status !== 'draft') throw conflict('budgeting.not_draft');
      const isEmpty =
        (await projectRepo.count(tx, budget.cluster_id, budget.id)) === 0 &&
        (await ballotRepo.count(tx, budget.cluster_id, budget.id)) === 0;
      if (!isEmpty) throw conflict('budgeting.import_not_empty');

      const idOf = new Map(file.projects.map((project) => [project.pabulibId, newId()]));
      await projectRepo.insertMany(
        tx,
        file.projects.map(
          (project, index): BudgetProjectTable => ({
            cluster_id: budget.cluster_id,
            budget_id: budget.id,
            id: idOf.get(project.pabulibId) as string,
            title: project.title,
            description: project.description,
            cost_minor: project.costMinor,
            category: project.category,
            source_proposal_id: null,
            pabulib_id: project.pabulibId,
            pabulib_fields: project.fields,
            position: index + 1,
            created_at: now,
          }),
        ),
      );
      await ballotRepo.insertMany(
        tx,
        file.ballots.map(
          (ballot, index): BudgetBallotTable => ({
            cluster_id: budget.cluster_id,
            budget_id: budget.id,
            id: newId(),
            voter_id: null,
            voting_code_id: null,
            pabulib_voter_id: ballot.voterId,
            pabulib_fields: Object.keys(ballot.fields).length > 0 ? ballot.fields : null,
            position: index + 1,
            project_ids: ballot.projectIds.map((id) => idOf.get(id) as string),
            points: ballot.points ? [...ballot.points] : null,
            cast_at: now,
            updated_at: now,
          }),
        ),
      );
      await budgetRepo.update(tx, budget.cluster_id, budget.id, {
        ...settingsColumns(file.settings),
        pabulib: file.extras,
        updated_at: now,
      });
      await this.audit.record(tx, budget.cluster_id, {
        action: 'budgeting.pabulib_imported',
        isPublic: true,
        payload: {
          budgetId: budget.id,
          projectCount: file.projects.length,
          ballotCount: file.ballots.length,
          by: access.actor.personId,
        },
      });
    });
    return { projectCount: file.projects.length, ballotCount: file.ballots.length };
  }

  /** Coordinators export at any time; everyone else once the results are out, as Pabulib publishes. */
  async export(actor: Actor, slug: string, budgetId: string) {
    const access = await this.access.read(actor, slug);
    const budget = await visibleBudget(this.db, access, budgetId);
    if (budget.status !== 'published' && !mayManage(access)) throw conflict('budgeting.export_after_results');
    const [projects, ballots, result] = await Promise.all([
      projectRepo.all(this.db, budget.cluster_id, budget.id),
      ballotRepo.forExport(this.db, budget.cluster_id, budget.id),
      resultRepo.find(this.db, budget.cluster_id, budget.id),
    ]);
    const exportIdOf = new Map(projects.map((project) => [project.id, project.pabulib_id ?? project.id]));
    const votes = new Map<string, number>();
    const scores = new Map<string, number>();
    for (const ballot of ballots) {
      ballot.project_ids.forEach((id, i) => {
        const points = budget.ballot_type === 'cumulative' ? (ballot.points?.[i] ?? 0) : 1;
        if (points > 0) votes.set(id, (votes.get(id) ?? 0) + 1);
        scores.set(id, (scores.get(id) ?? 0) + points);
      });
    }
    const selected = result ? new Set(result.selected_project_ids) : null;
    const forExport: BudgetForExport = {
      settings: settingsOf(budget),
      extras: budget.pabulib as BudgetForExport['extras'],
      baseMeta: baseMeta(budget, access.cluster),
      projects: projects.map((project) => ({
        exportId: exportIdOf.get(project.id) as string,
        title: project.title,
        description: project.description,
        category: project.category,
        costMinor: project.cost_minor,
        fields: project.pabulib_fields as Record<string, string> | null,
        votes: votes.get(project.id) ?? 0,
        score: scores.get(project.id) ?? 0,
        isSelected: selected ? selected.has(project.id) : null,
      })),
      ballots: ballots.map((ballot) => ({
        voterId: ballot.pabulib_voter_id,
        projectIds: ballot.project_ids.map((id) => exportIdOf.get(id) as string),
        points: ballot.points,
        fields: ballot.pabulib_fields as Record<string, string> | null,
      })),
    };
    const fileName = `${budget.name.replace(/[^\p{L}\p{N}]+/gu, '_').slice(0, 80) || 'budget'}.pb`;
    return { fileName, text: writePb(budgetToPb(forExport)) };
  }
}
