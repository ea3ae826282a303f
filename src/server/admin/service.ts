/** Instance administration: the dev outbox, readable by platform administrators only. */

import type { Access } from '../platform/access.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Db } from '../platform/database.ts';
import { decodeCursor, toPage } from '../platform/http/pagination.ts';
import { outboxRepo } from './repo.ts';

export class AdminService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
  ) {}

  async outbox(actor: Actor, page: { limit: number; cursor?: string }) {
    this.access.requirePlatformAdmin(actor);
    const after = decodeCursor(page.cursor, 2) as [string, string] | null;
    const rows = await outboxRepo.page(this.db, after, page.limit);
    const result = toPage(rows, page.limit, (row) => [row.created_at.toISOString(), row.id]);
    return {
      nextCursor: result.nextCursor,
      items: result.items.map((row) => ({
        id: row.id,
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
        createdAt: row.created_at.toISOString(),
        sentAt: row.sent_at?.toISOString() ?? null,
        deliveredVia: row.delivered_via,
        error: row.error,
      })),
    };
  }
}
