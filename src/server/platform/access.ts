/**
 * The permission check every service method makes first: find the cluster, find the actor's
 * roles in it, and ask the central policy table. A cluster that the actor may not see does not
 * exist for them (404), so probing slugs reveals nothing.
 */
import { sql } from 'kysely';
import { type ClusterAction, type ClusterRole, isAllowed } from '../../domain/clusters/roles.ts';
import type { Actor, Viewer } from './auth/viewer.ts';
import type { ClusterTable, Db } from './database.ts';
import { forbidden, notFound, unauthenticated } from './errors.ts';
import { StatementTemplate } from './statement-templates.ts';

export interface ClusterAccess {
  readonly cluster: ClusterTable;
  readonly roles: readonly ClusterRole[];
  readonly actor: Actor;
}

/**
 * A request that names a cluster loads its session, the cluster and the viewer's roles in one
 * statement (see the session plugin); its first permission check then costs no round trip. Kept
 * per viewer object, which lives as long as its request, and used once: a later check in the same
 * request (after a service changed roles, say) reads afresh.
 */
const loadedWithSession = new WeakMap<Viewer, ClusterAccess>();

export function rememberLoadedWithSession(viewer: Viewer, access: ClusterAccess): void {
  loadedWithSession.set(viewer, access);
}

function takeLoadedWithSession(actor: Actor, slug: string): ClusterAccess | undefined {
  if (!actor) return undefined;
  const loaded = loadedWithSession.get(actor);
  if (loaded?.cluster.slug !== slug) return undefined;
  loadedWithSession.delete(actor);
  return loaded;
}

const clusterWithRoles = new StatementTemplate(
  (db, shape: { isSignedIn: boolean }, values: { slug: string; personId: string | null }) =>
    db
      .selectFrom('cluster')
      .selectAll('cluster')
      .select(({ selectFrom, lit }) =>
        shape.isSignedIn
          ? selectFrom('cluster_role')
              .select(sql<string[]>`coalesce(array_agg(cluster_role.role), '{}')`.as('roles'))
              .whereRef('cluster_role.cluster_id', '=', 'cluster.id')
              .where('cluster_role.person_id', '=', values.personId)
              .as('roles')
          : lit(null).as('roles'),
      )
      .where('slug', '=', values.slug),
);

export class Access {
  constructor(private readonly db: Db) {}

  /** The cluster and the actor's roles in it, in one round trip (every request asks). */
  private async load(actor: Actor, slug: string): Promise<ClusterAccess> {
    const loaded = takeLoadedWithSession(actor, slug);
    if (loaded) return loaded;
    const found = await clusterWithRoles.executeTakeFirst(
      this.db,
      { isSignedIn: actor !== null },
      { slug, personId: actor?.personId ?? null },
    );
    if (!found) throw notFound('cluster.not_found');
    const { roles, ...cluster } = found;
    return { cluster, roles: (roles ?? []) as ClusterRole[], actor };
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
