/**
 * The people of a cluster and their roles: list them, grant and revoke roles. A cluster always
 * keeps at least one coordinator.
 */
import type { ClusterRole } from '../../domain/clusters/roles.ts';
import { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/database.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { decodeCursor, toPage } from '../platform/http/pagination.ts';
import { roleRepo } from './repo.ts';

export class PeopleService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, slug: string, page: { limit: number; cursor?: string; q?: string }) {
    const access = await this.access.require(actor, slug, 'person.list');
    const after = decodeCursor(page.cursor, 2) as [string, string] | null;
    const rows = await roleRepo.listPeople(
      this.db,
      access.cluster.id,
      page.q?.trim() || undefined,
      after,
      page.limit,
    );
    const result = toPage(rows, page.limit, (row) => [row.display_name, row.id]);
    // E-mail addresses are for those who manage the cluster's people, nobody else.
    const mayContact = Access.can(access, 'role.grant');
    return {
      nextCursor: result.nextCursor,
      items: result.items.map((row) => ({
        id: row.id,
        displayName: row.display_name,
        email: mayContact ? (row.email ?? null) : null,
        roles: row.roles,
      })),
    };
  }

  /** Gives another role to someone already in the cluster (newcomers are invited by e-mail). */
  async grant(actor: Actor, slug: string, personId: string, role: ClusterRole): Promise<void> {
    const access = await this.access.require(actor, slug, 'role.grant');
    const clusterId = access.cluster.id;
    await this.db.transaction().execute(async (tx) => {
      if (!(await roleRepo.has(tx, clusterId, personId))) throw notFound('person.not_found');
      const inserted = await roleRepo.grant(tx, {
        cluster_id: clusterId,
        person_id: personId,
        role,
        granted_at: this.clock(),
        granted_by: access.actor.personId,
      });
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
        throw conflict('role.already_granted', 'role');
      await this.audit.record(tx, clusterId, {
        action: 'role.granted',
        isPublic: false,
        payload: { personId, role, by: access.actor.personId },
      });
    });
  }

  async revoke(actor: Actor, slug: string, personId: string, role: ClusterRole): Promise<void> {
    const access = await this.access.require(actor, slug, 'role.grant');
    const clusterId = access.cluster.id;
    await this.db.transaction().execute(async (tx) => {
      if (role === 'coordinator' && (await roleRepo.coordinatorCount(tx, clusterId)) <= 1) {
        if (await roleRepo.has(tx, clusterId, personId, 'coordinator'))
          throw conflict('role.last_coordinator', 'role');
      }
      const removed = await roleRepo.revoke(tx, clusterId, personId, role);
      if (Number(removed.numDeletedRows) === 0) throw notFound('role.not_found');
      await this.audit.record(tx, clusterId, {
        action: 'role.revoked',
        isPublic: false,
        payload: { personId, role, by: access.actor.personId },
      });
    });
  }
}
