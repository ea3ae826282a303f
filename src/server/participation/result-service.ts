/**
 * Accountability: each accepted proposal, and each funded budget project, becomes a result with a
 * status, a progress percentage and a public timeline of dated milestones with evidence. Residents
 * follow a result to hear of each milestone. Creating results and recording milestones are public
 * events on the audit chain.
 */
import { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { AccountabilityResultTable, Db, Tx } from '../platform/database.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import { readCursor } from './cursor.ts';
import { followerRepo } from './follower-repo.ts';
import type { ParticipationNotices } from './notices.ts';
import type { ParticipationAccess } from './participation-access.ts';
import { milestoneRepo, resultRepo } from './result-repo.ts';

export const RESULT_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export interface ResultSource {
  processId: string;
  title: string;
  sourceKind: 'proposal' | 'budget_project';
  sourceId: string;
  /** The funded budget project that carries the result out, when one does. */
  budgetProjectId?: string;
}

/** A project that the published results of a process's budget fund. */
export interface FundedProject {
  processId: string;
  budgetId: string;
  projectId: string;
  title: string;
  sourceProposalId: string | null;
}

export interface MilestoneInput {
  title: string;
  description: string;
  happenedOn: string;
  evidenceText: string;
  evidenceUrl: string;
  status?: ResultStatus;
  progressPercent?: number;
}

/** Whether `YYYY-MM-DD` names a day that exists (the route's pattern lets 2026-02-31 through). */
function isCalendarDay(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

function resultView(row: AccountabilityResultTable) {
  return {
    id: row.id,
    processId: row.process_id,
    title: row.title,
    description: row.description,
    easyReadSummary: row.easy_read_summary,
    sourceKind: row.source_kind,
    sourceId: row.source_id,
    budgetProjectId: row.budget_project_id,
    status: row.status,
    progressPercent: row.progress_percent,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export class ResultService {
  constructor(
    private readonly db: Db,
    private readonly participation: ParticipationAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly notices: ParticipationNotices,
  ) {}

  /**
   * Makes the result of an accepted proposal or a funded budget project, inside the caller's
   * transaction; calling it again for the same source returns the existing result.
   */
  async createResultFor(
    tx: Tx,
    clusterId: string,
    source: ResultSource,
  ): Promise<{ id: string; isNew: boolean }> {
    const now = this.clock();
    const { row, isNew } = await resultRepo.insertOnce(tx, {
      cluster_id: clusterId,
      id: newId(),
      process_id: source.processId,
      title: source.title.trim().slice(0, 200),
      description: '',
      easy_read_summary: '',
      source_kind: source.sourceKind,
      source_id: source.sourceId,
      budget_project_id: source.budgetProjectId ?? null,
      status: 'planned',
      progress_percent: 0,
      created_at: now,
      updated_at: now,
    });
    if (isNew) {
      await this.audit.record(tx, clusterId, {
        action: 'participation.result_created',
        isPublic: true,
        payload: {
          resultId: row.id,
          processId: source.processId,
          title: row.title,
          sourceKind: source.sourceKind,
          sourceId: source.sourceId,
        },
      });
    }
    return { id: row.id, isNew };
  }

  /**
   * The result a funded project carries out, inside the caller's transaction: the result of the
   * accepted proposal it came from, now tied to the project (one idea, one result), or a result of
   * its own for a project entered directly. Calling it again for the same project changes nothing.
   */
  async resultForFundedProject(tx: Tx, clusterId: string, project: FundedProject): Promise<{ id: string }> {
    const existing = await resultRepo.findByBudgetProject(tx, clusterId, project.projectId);
    if (existing) return { id: existing.id };
    if (project.sourceProposalId !== null) {
      const linked = await resultRepo.linkProject(
        tx,
        clusterId,
        project.sourceProposalId,
        project.projectId,
        this.clock(),
      );
      if (linked) {
        await this.audit.record(tx, clusterId, {
          action: 'participation.result_funded',
          isPublic: true,
          payload: {
            resultId: linked.id,
            processId: project.processId,
            title: linked.title,
            budgetId: project.budgetId,
            projectId: project.projectId,
            proposalId: project.sourceProposalId,
          },
        });
        return { id: linked.id };
      }
    }
    return this.createResultFor(tx, clusterId, {
      processId: project.processId,
      title: project.title,
      sourceKind: 'budget_project',
      sourceId: project.projectId,
      budgetProjectId: project.projectId,
    });
  }

  async list(actor: Actor, slug: string, processId: string, query: { limit: number; cursor?: string }) {
    const context = await this.participation.read(actor, slug, processId);
    const after = readCursor(query.cursor, ['uuid']);
    const rows = await resultRepo.page(
      this.db,
      context.clusterId,
      processId,
      after?.[0] ?? null,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [row.id]);
    return { nextCursor: page.nextCursor, items: page.items.map(resultView) };
  }

  async get(actor: Actor, slug: string, processId: string, resultId: string) {
    const context = await this.participation.read(actor, slug, processId);
    const row = await resultRepo.find(this.db, context.clusterId, processId, resultId);
    if (!row) throw notFound('participation.result_not_found');
    const viewer = context.access.actor;
    const [timeline, isFollowing] = await Promise.all([
      milestoneRepo.timeline(this.db, context.clusterId, resultId),
      viewer
        ? followerRepo.isFollowing(
            this.db,
            context.clusterId,
            { kind: 'result', id: resultId },
            viewer.personId,
          )
        : false,
    ]);
    return {
      ...resultView(row),
      timeline: timeline.map((m) => ({
        id: m.id,
        title: m.title,
        description: m.description,
        happenedOn: m.happened_on,
        evidenceText: m.evidence_text,
        evidenceUrl: m.evidence_url,
        status: m.status,
        progressPercent: m.progress_percent,
        recordedAt: m.recorded_at.toISOString(),
      })),
      viewer: { isFollowing },
      can: { manage: Access.can(context.access, 'participation.manage') },
    };
  }

  async edit(
    actor: Actor,
    slug: string,
    processId: string,
    resultId: string,
    patch: { title?: string; description?: string; easyReadSummary?: string },
  ) {
    const context = await this.participation.manage(actor, slug, processId);
    const row = await resultRepo.find(this.db, context.clusterId, processId, resultId);
    if (!row) throw notFound('participation.result_not_found');
    await resultRepo.update(this.db, context.clusterId, resultId, {
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
      ...(patch.easyReadSummary !== undefined ? { easy_read_summary: patch.easyReadSummary.trim() } : {}),
      updated_at: context.now,
    });
    return this.get(actor, slug, processId, resultId);
  }

  /** A milestone on the timeline; it may move the result's status and progress. */
  async addMilestone(actor: Actor, slug: string, processId: string, resultId: string, input: MilestoneInput) {
    const context = await this.participation.manage(actor, slug, processId);
    if (!isCalendarDay(input.happenedOn)) throw badRequest('validation.format', 'happenedOn');
    if (
      input.status === 'completed' &&
      input.progressPercent !== undefined &&
      input.progressPercent !== 100
    ) {
      throw badRequest('validation.out_of_range', 'progressPercent');
    }
    await this.db.transaction().execute(async (tx) => {
      const row = await resultRepo.findForUpdate(tx, context.clusterId, processId, resultId);
      if (!row) throw notFound('participation.result_not_found');
      const status = input.status ?? (row.status as ResultStatus);
      const progress = status === 'completed' ? 100 : (input.progressPercent ?? row.progress_percent);
      const milestoneId = newId();
      await milestoneRepo.insert(tx, {
        cluster_id: context.clusterId,
        result_id: resultId,
        id: milestoneId,
        title: input.title.trim(),
        description: input.description.trim(),
        happened_on: input.happenedOn,
        evidence_text: input.evidenceText.trim(),
        evidence_url: input.evidenceUrl.trim(),
        status,
        progress_percent: progress,
        recorded_at: context.now,
        recorded_by: context.actor.personId,
      });
      await resultRepo.update(tx, context.clusterId, resultId, {
        status,
        progress_percent: progress,
        updated_at: context.now,
      });
      await this.audit.record(tx, context.clusterId, {
        action: 'participation.result_milestone',
        isPublic: true,
        payload: {
          resultId,
          processId,
          milestoneId,
          title: input.title.trim(),
          happenedOn: input.happenedOn,
          evidenceUrl: input.evidenceUrl.trim(),
          status,
          progressPercent: progress,
          by: context.actor.personId,
        },
      });
      await this.notices.tell(
        tx,
        await followerRepo.of(tx, context.clusterId, { kind: 'result', id: resultId }),
        {
          clusterId: context.clusterId,
          kind: 'result_updated',
          processId,
          resultId,
          subject: row.title,
          detail: input.title.trim(),
          link: this.notices.link(slug, `/processes/${processId}/results/${resultId}`),
          mailParams: () => ({ title: row.title, milestone: input.title.trim(), progress }),
        },
        context.actor.personId,
      );
    });
    this.notices.deliver();
    return this.get(actor, slug, processId, resultId);
  }
}
