/**
 * The checks every participation action starts with: the cluster may be read, the process exists,
 * the person may take part in it (anyone signed in, or only verified members), and the current
 * phase opens the action. Coordinators manage processes through `participation.manage`.
 */
import {
  currentPhase,
  type Phase,
  type PhaseAction,
  type PhaseKind,
} from '../../domain/participation/phases.ts';
import { mayTakePart, type WhoMayTakePart } from '../../domain/participation/take-part.ts';
import type { Access, ClusterAccess } from '../platform/access.ts';
import type { Actor, Viewer } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, ParticipatoryProcessTable, ProcessPhaseTable } from '../platform/database.ts';
import { AppError, conflict, notFound, unauthenticated } from '../platform/errors.ts';
import { processRepo } from './process-repo.ts';

export interface StoredPhase extends Phase {
  readonly id: string;
}

export interface ProcessContext {
  readonly access: ClusterAccess;
  readonly clusterId: string;
  readonly process: ParticipatoryProcessTable;
  readonly phases: readonly StoredPhase[];
  readonly now: Date;
}

export type ParticipantContext = ProcessContext & { readonly actor: Viewer };

export function toPhase(row: ProcessPhaseTable): StoredPhase {
  return {
    id: row.id,
    kind: row.kind as PhaseKind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    allows: {
      propose: row.allows_propose,
      support: row.allows_support,
      comment: row.allows_comment,
      vote: row.allows_vote,
    },
  };
}

export class ParticipationAccess {
  constructor(
    private readonly db: Db,
    readonly access: Access,
    private readonly clock: Clock,
  ) {}

  /** Reading a process: whoever may read the cluster. */
  async read(actor: Actor, slug: string, processId: string): Promise<ProcessContext> {
    return this.load(await this.access.read(actor, slug), processId);
  }

  /**
   * For a list that needs nothing of the process but its existence: a page of its rows proves it
   * is there, so this is asked only when the page comes back empty (one round trip fewer a page).
   */
  async requireProcess(clusterId: string, processId: string): Promise<void> {
    if (!(await processRepo.find(this.db, clusterId, processId))) {
      throw notFound('participation.process_not_found');
    }
  }

  /** Taking part: signed in, allowed by the process's rule, and (if given) in a phase that opens the action. */
  async takePart(
    actor: Actor,
    slug: string,
    processId: string,
    action?: PhaseAction,
  ): Promise<ParticipantContext> {
    if (!actor) throw unauthenticated();
    const context = await this.read(actor, slug, processId);
    if (!ParticipationAccess.mayTakePart(context)) {
      throw new AppError('participation.verified_only', 403);
    }
    if (action !== undefined) ParticipationAccess.requireOpen(context, action);
    return { ...context, actor };
  }

  /** Managing a process: coordinators (`participation.manage`). */
  async manage(actor: Actor, slug: string, processId: string): Promise<ParticipantContext> {
    const access = await this.access.require(actor, slug, 'participation.manage');
    return { ...(await this.load(access, processId)), actor: access.actor };
  }

  static mayTakePart(context: ProcessContext): boolean {
    const { actor } = context.access;
    if (!actor) return false;
    return mayTakePart(context.process.who_may_take_part as WhoMayTakePart, {
      roles: context.access.roles,
      isPlatformAdmin: actor.isPlatformAdmin,
    });
  }

  static isOpen(context: ProcessContext, action: PhaseAction): boolean {
    return currentPhase(context.phases, context.now)?.allows[action] === true;
  }

  static requireOpen(context: ProcessContext, action: PhaseAction): void {
    if (!ParticipationAccess.isOpen(context, action)) {
      throw conflict('participation.phase_closed', undefined, { action });
    }
  }

  private async load(access: ClusterAccess, processId: string): Promise<ProcessContext> {
    const clusterId = access.cluster.id;
    const found = await processRepo.findWithPhases(this.db, clusterId, processId);
    if (!found) throw notFound('participation.process_not_found');
    return {
      access,
      clusterId,
      process: found.process,
      phases: found.phases.map(toPhase),
      now: this.clock(),
    };
  }
}
