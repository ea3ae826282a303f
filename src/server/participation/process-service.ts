/**
 * Participatory processes: a coordinator opens one with its description, participation level,
 * who may take part and dated phases; anyone who may read the cluster reads it. Opening, editing
 * and re-planning phases are public events on the audit chain.
 */

import { renderSafeMarkdown } from '../../domain/participation/markdown.ts';
import {
  checkPhases,
  currentPhase,
  defaultActions,
  type PhaseAction,
  type PhaseKind,
} from '../../domain/participation/phases.ts';
import { PROPOSAL_STATES } from '../../domain/participation/proposal-state.ts';
import type { ParticipationLevel, WhoMayTakePart } from '../../domain/participation/take-part.ts';
import { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, ParticipatoryProcessTable, ProcessPhaseTable, Tx } from '../platform/database.ts';
import { badRequest } from '../platform/errors.ts';
import { toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import { readCursor } from './cursor.ts';
import {
  ParticipationAccess,
  type ProcessContext,
  type StoredPhase,
  toPhase,
} from './participation-access.ts';
import { phaseRepo, processRepo } from './process-repo.ts';
import { proposalRepo } from './proposal-repo.ts';

export interface PhaseInput {
  kind: PhaseKind;
  startsAt: string;
  endsAt: string;
  allows?: Partial<Record<PhaseAction, boolean>>;
}

export interface ProcessInput {
  title: string;
  description: string;
  easyReadSummary: string;
  projectLink: string;
  participationLevel: ParticipationLevel;
  whoMayTakePart: WhoMayTakePart;
  supportsPerPerson: number;
}

/** A date-time the route let through by its pattern, checked for being a real instant. */
export function parseInstant(value: string, field: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw badRequest('validation.format', field);
  return at;
}

export function phaseView(phase: StoredPhase, now: Date) {
  return {
    id: phase.id,
    kind: phase.kind,
    startsAt: phase.startsAt.toISOString(),
    endsAt: phase.endsAt.toISOString(),
    allows: phase.allows,
    isCurrent: phase.startsAt <= now && now < phase.endsAt,
  };
}

function auditedPhases(phases: readonly StoredPhase[]) {
  return phases.map((p) => ({
    kind: p.kind,
    startsAt: p.startsAt.toISOString(),
    endsAt: p.endsAt.toISOString(),
    allows: p.allows,
  }));
}

export class ProcessService {
  constructor(
    private readonly db: Db,
    private readonly participation: ParticipationAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, slug: string, query: { limit: number; cursor?: string }) {
    const access = await this.participation.access.read(actor, slug);
    const clusterId = access.cluster.id;
    const after = readCursor(query.cursor, ['uuid']);
    const rows = await processRepo.list(this.db, clusterId, after?.[0] ?? null, query.limit);
    const page = toPage(rows, query.limit, (row) => [row.id]);
    const phases = (
      await phaseRepo.ofProcesses(
        this.db,
        clusterId,
        page.items.map((row) => row.id),
      )
    ).map((row) => ({ processId: row.process_id, phase: toPhase(row) }));
    const now = this.clock();
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => {
        const own = phases.filter((p) => p.processId === row.id).map((p) => p.phase);
        const current = currentPhase(own, now);
        return {
          id: row.id,
          title: row.title,
          easyReadSummary: row.easy_read_summary,
          participationLevel: row.participation_level,
          whoMayTakePart: row.who_may_take_part,
          createdAt: row.created_at.toISOString(),
          currentPhase: current ? phaseView(current, now) : null,
          startsAt: own[0]?.startsAt.toISOString() ?? null,
          endsAt: own[own.length - 1]?.endsAt.toISOString() ?? null,
        };
      }),
    };
  }

  async get(actor: Actor, slug: string, processId: string) {
    const context = await this.participation.read(actor, slug, processId);
    const counts = await proposalRepo.countsByState(this.db, context.clusterId, processId);
    return {
      ...this.view(context),
      proposalCounts: Object.fromEntries(PROPOSAL_STATES.map((state) => [state, counts[state] ?? 0])),
    };
  }

  view(context: ProcessContext) {
    const { process, phases, now } = context;
    const current = currentPhase(phases, now);
    const mayTakePart = ParticipationAccess.mayTakePart(context);
    const opens = (action: PhaseAction) => mayTakePart && current?.allows[action] === true;
    return {
      id: process.id,
      title: process.title,
      description: process.description,
      descriptionHtml: process.description_html,
      easyReadSummary: process.easy_read_summary,
      projectLink: process.project_link,
      participationLevel: process.participation_level,
      whoMayTakePart: process.who_may_take_part,
      supportsPerPerson: process.supports_per_person,
      createdAt: process.created_at.toISOString(),
      updatedAt: process.updated_at.toISOString(),
      phases: phases.map((phase) => phaseView(phase, now)),
      currentPhase: current?.kind ?? null,
      can: {
        manage: Access.can(context.access, 'participation.manage'),
        takePart: mayTakePart,
        propose: opens('propose'),
        support: opens('support'),
        comment: opens('comment'),
      },
    };
  }

  async open(actor: Actor, slug: string, input: ProcessInput & { phases: PhaseInput[] }) {
    const access = await this.participation.access.require(actor, slug, 'participation.manage');
    const now = this.clock();
    const processId = newId();
    const phases = this.checkedPhases(access.cluster.id, processId, input.phases);
    const row: ParticipatoryProcessTable = {
      cluster_id: access.cluster.id,
      id: processId,
      ...this.fields(input),
      created_by: access.actor.personId,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (tx) => {
      await processRepo.insert(tx, row);
      await phaseRepo.replace(tx, row.cluster_id, processId, phases);
      await this.audit.record(tx, row.cluster_id, {
        action: 'participation.process_opened',
        isPublic: true,
        payload: {
          processId,
          title: row.title,
          participationLevel: row.participation_level,
          whoMayTakePart: row.who_may_take_part,
          phases: auditedPhases(phases.map(toPhase)),
          by: access.actor.personId,
        },
      });
    });
    return this.get(actor, slug, processId);
  }

  /**
   * Changes the process's fields and, when given, replaces its phases, in one transaction: the
   * edit screen saves both at once, and a refused plan of phases leaves the fields as they were.
   */
  async edit(
    actor: Actor,
    slug: string,
    processId: string,
    { phases: plannedPhases, ...patch }: Partial<ProcessInput> & { phases?: PhaseInput[] },
  ) {
    const context = await this.participation.manage(actor, slug, processId);
    const merged = { ...this.input(context.process), ...patch };
    const phases = plannedPhases && this.checkedPhases(context.clusterId, processId, plannedPhases);
    await this.db.transaction().execute(async (tx) => {
      if (phases) await this.replacePhases(tx, context, phases);
      const updated = await processRepo.update(tx, context.clusterId, processId, {
        ...this.fields(merged),
        updated_at: this.clock(),
      });
      await this.audit.record(tx, context.clusterId, {
        action: 'participation.process_edited',
        isPublic: true,
        payload: {
          processId,
          title: updated?.title ?? merged.title,
          participationLevel: merged.participationLevel,
          whoMayTakePart: merged.whoMayTakePart,
          supportsPerPerson: merged.supportsPerPerson,
          by: context.actor.personId,
        },
      });
    });
    return this.get(actor, slug, processId);
  }

  /** Replaces the whole plan of phases at once, so it is checked as a whole (no overlaps). */
  async setPhases(actor: Actor, slug: string, processId: string, input: PhaseInput[]) {
    const context = await this.participation.manage(actor, slug, processId);
    const phases = this.checkedPhases(context.clusterId, processId, input);
    await this.db.transaction().execute(async (tx: Tx) => {
      await this.replacePhases(tx, context, phases);
      await processRepo.update(tx, context.clusterId, processId, { updated_at: this.clock() });
    });
    return this.get(actor, slug, processId);
  }

  private async replacePhases(
    tx: Tx,
    context: Awaited<ReturnType<ParticipationAccess['manage']>>,
    phases: ReturnType<ProcessService['checkedPhases']>,
  ) {
    await phaseRepo.replace(tx, context.clusterId, context.process.id, phases);
    await this.audit.record(tx, context.clusterId, {
      action: 'participation.phases_changed',
      isPublic: true,
      payload: {
        processId: context.process.id,
        before: auditedPhases(context.phases),
        after: auditedPhases(phases.map(toPhase)),
        by: context.actor.personId,
      },
    });
  }

  private input(row: ParticipatoryProcessTable): ProcessInput {
    return {
      title: row.title,
      description: row.description,
      easyReadSummary: row.easy_read_summary,
      projectLink: row.project_link,
      participationLevel: row.participation_level as ParticipationLevel,
      whoMayTakePart: row.who_may_take_part as WhoMayTakePart,
      supportsPerPerson: row.supports_per_person,
    };
  }

  private fields(input: ProcessInput) {
    const description = input.description.trim();
    return {
      title: input.title.trim(),
      description,
      description_html: renderSafeMarkdown(description),
      easy_read_summary: input.easyReadSummary.trim(),
      project_link: input.projectLink.trim(),
      participation_level: input.participationLevel,
      who_may_take_part: input.whoMayTakePart,
      supports_per_person: input.supportsPerPerson,
    };
  }

  private checkedPhases(clusterId: string, processId: string, input: PhaseInput[]): ProcessPhaseTable[] {
    const rows = input.map((phase, index): ProcessPhaseTable => {
      const allows = { ...defaultActions(phase.kind), ...phase.allows };
      return {
        cluster_id: clusterId,
        process_id: processId,
        id: newId(),
        kind: phase.kind,
        starts_at: parseInstant(phase.startsAt, `phases.${index}.startsAt`),
        ends_at: parseInstant(phase.endsAt, `phases.${index}.endsAt`),
        allows_propose: allows.propose,
        allows_support: allows.support,
        allows_comment: allows.comment,
        allows_vote: allows.vote,
      };
    });
    const problem = checkPhases(rows.map(toPhase));
    if (problem) {
      const field = `phases.${problem.index}.${problem.code === 'participation.phases_overlap' ? 'startsAt' : 'endsAt'}`;
      throw badRequest(problem.code, field);
    }
    return rows;
  }
}
