/**
 * The permission check every service method makes first: find the cluster, find the actor's
 * roles in it, and ask the central policy table. A cluster that the actor may not see does not
 * exist for them (404), so probing slugs reveals nothing.
 */
import { type ClusterAction, type ClusterRole, isAllowed } from '../../domain/clusters/roles.ts';
import type { Actor, Viewer } from './auth/viewer.ts';
import type { ClusterTable, Db } from './database.ts';
import { forbidden, notFound, unauthenticated } from './errors.ts';

export interface ClusterAccess {
  readonly cluster: ClusterTable;
  readonly roles: readonly ClusterRole[];
  readonly actor: Actor;
}

export class Access {
  constructor(private readonly db: Db) {}

  private async load(actor: Actor, slug: string): Promise<ClusterAccess> {
    const cluster = await this.db
      .selectFrom('cluster')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!cluster) throw notFound('cluster.not_found');
    const roles = actor
      ? (
          await this.db
            .selectFrom('cluster_role')
            .select('role')
            .where('cluster_id', '=', cluster.id)
            .where('person_id', '=', actor.personId)
            .execute()
        ).map((row) => row.role as ClusterRole)
      : [];
    return { cluster, roles, actor };
  }

  static can(access: ClusterAccess, action: ClusterAction): boolean {
    return access.actor?.isPlatformAdmin === true || isAllowed(access.roles, action);
  }

  /** Reading a cluster: public clusters are open to all, members-only ones to their people. */
  async read(actor: Actor, slug: string): Promise<ClusterAccess> {
    const access = await this.load(actor, slug);
    if (access.cluster.visibility !== 'public' && !Access.can(access, 'cluster.read_members_only')) {
      throw notFound('cluster.not_found');
    }
    return access;
  }

  /** Doing something in a cluster: signed in, able to see it, and allowed by the policy. */
  async require(
    actor: Actor,
    slug: string,
    action: ClusterAction,
  ): Promise<ClusterAccess & { actor: Viewer }> {
    if (!actor) throw unauthenticated();
    const access = await this.read(actor, slug);
    if (!Access.can(access, action)) throw forbidden();
    return { ...access, actor };
  }

  requireSignedIn(actor: Actor): Viewer {
    if (!actor) throw unauthenticated();
    return actor;
  }

  requirePlatformAdmin(actor: Actor): Viewer {
    const viewer = this.requireSignedIn(actor);
    if (!viewer.isPlatformAdmin) throw forbidden();
    return viewer;
  }
}
