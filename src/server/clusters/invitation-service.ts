/**
 * Invitations: a coordinator invites someone by e-mail to a role; the invited person follows the
 * link, signs in (or up) with that address, and accepts. The address stays out of the audit chain.
 */

import { isLocale } from '../../domain/clusters/catalogue.ts';
import type { ClusterRole } from '../../domain/clusters/roles.ts';
import type { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import { hashToken, newToken } from '../platform/auth/tokens.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/database.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';
import { decodeCursor, toPage } from '../platform/http/pagination.ts';
import { mailMessage } from '../platform/i18n/translate.ts';
import { newId } from '../platform/ids.ts';
import type { Mailer } from '../platform/mail.ts';
import { invitationRepo, roleRepo } from './repo.ts';

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

export class InvitationService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly publicUrl: string,
  ) {}

  async invite(actor: Actor, slug: string, input: { email: string; role: ClusterRole }) {
    const access = await this.access.require(actor, slug, 'invitation.create');
    const cluster = access.cluster;
    const email = input.email.trim().toLowerCase();
    const token = newToken();
    const now = this.clock();
    const id = newId();
    const locale = isLocale(cluster.default_locale) ? cluster.default_locale : 'en';
    await this.db.transaction().execute(async (tx) => {
      await invitationRepo.insert(tx, {
        cluster_id: cluster.id,
        id,
        email,
        role: input.role,
        token_hash: hashToken(token),
        invited_by: access.actor.personId,
        created_at: now,
        expires_at: new Date(now.getTime() + INVITATION_TTL_MS),
        accepted_at: null,
        accepted_by: null,
      });
      await this.mailer.enqueue(tx, {
        to: email,
        personId: null,
        subject: mailMessage('mail.invite.subject', locale, { cluster: cluster.name }),
        text: mailMessage('mail.invite.body', locale, {
          inviter: access.actor.displayName,
          cluster: cluster.name,
          role: mailMessage(`role.${input.role}`, locale),
          link: `${this.publicUrl}/invitations/${token}`,
        }),
      });
      await this.audit.record(tx, cluster.id, {
        action: 'invitation.created',
        isPublic: false,
        payload: { invitationId: id, role: input.role, by: access.actor.personId },
      });
    });
    void this.mailer.deliver();
    return {
      id,
      email,
      role: input.role,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      acceptedAt: null,
    };
  }

  async list(actor: Actor, slug: string, page: { limit: number; cursor?: string }) {
    const access = await this.access.require(actor, slug, 'invitation.list');
    const after = decodeCursor(page.cursor, 2) as [string, string] | null;
    const rows = await invitationRepo.list(this.db, access.cluster.id, after, page.limit);
    const result = toPage(rows, page.limit, (row) => [row.created_at.toISOString(), row.id]);
    return {
      nextCursor: result.nextCursor,
      items: result.items.map((row) => ({
        id: row.id,
        email: row.email,
        role: row.role,
        createdAt: row.created_at.toISOString(),
        expiresAt: row.expires_at.toISOString(),
        acceptedAt: row.accepted_at?.toISOString() ?? null,
      })),
    };
  }

  async cancel(actor: Actor, slug: string, invitationId: string): Promise<void> {
    const access = await this.access.require(actor, slug, 'invitation.create');
    await this.db.transaction().execute(async (tx) => {
      const removed = await invitationRepo.cancel(tx, access.cluster.id, invitationId);
      if (Number(removed.numDeletedRows) === 0) throw notFound('invitation.not_found');
      await this.audit.record(tx, access.cluster.id, {
        action: 'invitation.cancelled',
        isPublic: false,
        payload: { invitationId, by: access.actor.personId },
      });
    });
  }

  /** What the link holder sees before accepting: which cluster, which role. The token is the right to look. */
  async preview(token: string) {
    const invitation = await invitationRepo.findByTokenHash(this.db, hashToken(token));
    if (!invitation || invitation.expires_at <= this.clock()) throw notFound('invitation.not_found');
    return {
      clusterSlug: invitation.slug,
      clusterName: invitation.cluster_name,
      role: invitation.role,
      isAccepted: invitation.accepted_at !== null,
    };
  }

  async accept(actor: Actor, token: string) {
    const viewer = this.access.requireSignedIn(actor);
    const invitation = await invitationRepo.findByTokenHash(this.db, hashToken(token));
    const now = this.clock();
    if (!invitation || invitation.expires_at <= now) throw notFound('invitation.not_found');
    if (invitation.accepted_at) throw conflict('invitation.already_accepted');
    if (invitation.email.toLowerCase() !== viewer.email.toLowerCase()) {
      throw new AppError('invitation.email_mismatch', 403);
    }
    await this.db.transaction().execute(async (tx) => {
      const marked = await invitationRepo.markAccepted(
        tx,
        invitation.cluster_id,
        invitation.id,
        viewer.personId,
        now,
      );
      if (Number(marked.numUpdatedRows) === 0) throw conflict('invitation.already_accepted');
      await roleRepo.grant(tx, {
        cluster_id: invitation.cluster_id,
        person_id: viewer.personId,
        role: invitation.role,
        granted_at: now,
        granted_by: null,
      });
      await this.audit.record(tx, invitation.cluster_id, {
        action: 'invitation.accepted',
        isPublic: false,
        payload: { invitationId: invitation.id, personId: viewer.personId, role: invitation.role },
      });
    });
    return { clusterSlug: invitation.slug, role: invitation.role };
  }
}
