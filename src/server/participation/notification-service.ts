/** A person's participation notifications in a cluster: listed newest first, marked read. */
import type { Access } from '../platform/access.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/database.ts';
import { notFound, unauthenticated } from '../platform/errors.ts';
import { toPage } from '../platform/http/pagination.ts';
import { readCursor } from './cursor.ts';
import { notificationRepo } from './notification-repo.ts';

export class NotificationService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, slug: string, query: { limit: number; cursor?: string; unreadOnly?: boolean }) {
    if (!actor) throw unauthenticated();
    const access = await this.access.read(actor, slug);
    const after = readCursor(query.cursor, ['uuid']);
    const [rows, unreadCount] = await Promise.all([
      notificationRepo.ofPerson(
        this.db,
        access.cluster.id,
        actor.personId,
        after?.[0] ?? null,
        query.unreadOnly === true,
        query.limit,
      ),
      notificationRepo.unreadCount(this.db, access.cluster.id, actor.personId),
    ]);
    const page = toPage(rows, query.limit, (row) => [row.id]);
    return {
      unreadCount,
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        id: row.id,
        kind: row.kind,
        processId: row.process_id,
        proposalId: row.proposal_id,
        meetingId: row.meeting_id,
        resultId: row.result_id,
        subject: row.subject,
        detail: row.detail,
        createdAt: row.created_at.toISOString(),
        isRead: row.read_at !== null,
      })),
    };
  }

  /** Marks one notification read, or all of them when no id is given. */
  async markRead(actor: Actor, slug: string, notificationId: string | null) {
    if (!actor) throw unauthenticated();
    const access = await this.access.read(actor, slug);
    const clusterId = access.cluster.id;
    if (
      notificationId !== null &&
      !(await notificationRepo.exists(this.db, clusterId, actor.personId, notificationId))
    ) {
      throw notFound('participation.notification_not_found');
    }
    await notificationRepo.markRead(this.db, clusterId, actor.personId, notificationId, this.clock());
    return { unreadCount: await notificationRepo.unreadCount(this.db, clusterId, actor.personId) };
  }
}
