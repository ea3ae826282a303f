/**
 * Clusters: the tenant itself — create one (becoming its coordinator), read and edit its public
 * profile, list the clusters one may see, and join a public cluster as a participant.
 */
import {
  type ClusterType,
  type Country,
  isValidSlug,
  type Locale,
  type Visibility,
} from '../../domain/clusters/catalogue.ts';
import { CLUSTER_ACTIONS } from '../../domain/clusters/roles.ts';
import { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { ClusterTable, Db } from '../platform/database.ts';
import { badRequest, conflict } from '../platform/errors.ts';
import { decodeCursor, type Page, toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import { clusterRepo, roleRepo } from './repo.ts';

export interface ClusterProfileInput {
  slug: string;
  name: string;
  country: Country;
  region: string;
  languages: Locale[];
  defaultLocale: Locale;
  clusterType: ClusterType;
  description: string;
  visibility: Visibility;
}

/** A new slug moves the cluster's address; old links stop working, which the coordinator is told in the UI. */
export type ClusterProfilePatch = Partial<ClusterProfileInput>;

export interface ClusterSummary {
  slug: string;
  name: string;
  country: string;
  region: string;
  languages: string[];
  defaultLocale: string;
  clusterType: string;
  visibility: string;
  description: string;
  memberCount: number;
}

export function profileOf(cluster: ClusterTable) {
  return {
    id: cluster.id,
    slug: cluster.slug,
    name: cluster.name,
    country: cluster.country,
    region: cluster.region,
    languages: cluster.languages,
    defaultLocale: cluster.default_locale,
    clusterType: cluster.cluster_type,
    description: cluster.description,
    visibility: cluster.visibility,
    createdAt: cluster.created_at.toISOString(),
    updatedAt: cluster.updated_at.toISOString(),
  };
}

/** The profile fields as they enter the audit chain: the cluster is a public body, not a person. */
function auditedProfile(cluster: ClusterTable) {
  const { createdAt: _c, updatedAt: _u, ...profile } = profileOf(cluster);
  return profile;
}

function checkLanguages(languages: readonly Locale[], defaultLocale: Locale): void {
  if (!languages.includes(defaultLocale))
    throw badRequest('cluster.default_locale_not_offered', 'defaultLocale');
}

export class ClusterService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, page: { limit: number; cursor?: string }): Promise<Page<ClusterSummary>> {
    const after = decodeCursor(page.cursor, 1);
    const rows = await clusterRepo.listVisible(
      this.db,
      actor?.personId ?? null,
      (after?.[0] as string) ?? null,
      page.limit,
    );
    const result = toPage(rows, page.limit, (row) => [row.slug]);
    return {
      nextCursor: result.nextCursor,
      items: result.items.map((row) => ({
        slug: row.slug,
        name: row.name,
        country: row.country,
        region: row.region,
        languages: row.languages,
        defaultLocale: row.default_locale,
        clusterType: row.cluster_type,
        visibility: row.visibility,
        description: row.description.slice(0, 280),
        memberCount: Number(row.member_count ?? 0),
      })),
    };
  }

  async get(actor: Actor, slug: string) {
    const access = await this.access.read(actor, slug);
    const counts = await clusterRepo.counts(this.db, access.cluster.id);
    return {
      ...profileOf(access.cluster),
      memberCount: counts.active,
      applicantCount: Access.can(access, 'organisation.read_private') ? counts.applicants : null,
      viewer: {
        roles: [...access.roles],
        can: Object.fromEntries(CLUSTER_ACTIONS.map((action) => [action, Access.can(access, action)])),
      },
    };
  }

  async create(actor: Actor, input: ClusterProfileInput) {
    const viewer = this.access.requireSignedIn(actor);
    if (!isValidSlug(input.slug)) throw badRequest('cluster.slug_invalid', 'slug');
    checkLanguages(input.languages, input.defaultLocale);
    if (await clusterRepo.slugExists(this.db, input.slug)) throw conflict('cluster.slug_taken', 'slug');
    const now = this.clock();
    const cluster: ClusterTable = {
      id: newId(),
      slug: input.slug,
      name: input.name.trim(),
      country: input.country,
      region: input.region.trim(),
      languages: [...new Set(input.languages)],
      default_locale: input.defaultLocale,
      cluster_type: input.clusterType,
      description: input.description.trim(),
      visibility: input.visibility,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.db.transaction().execute(async (tx) => {
        await clusterRepo.insert(tx, cluster);
        await roleRepo.grant(tx, {
          cluster_id: cluster.id,
          person_id: viewer.personId,
          role: 'coordinator',
          granted_at: now,
          granted_by: viewer.personId,
        });
        await this.audit.record(tx, cluster.id, {
          action: 'cluster.created',
          isPublic: true,
          payload: { ...auditedProfile(cluster), by: viewer.personId },
        });
        await this.audit.record(tx, cluster.id, {
          action: 'role.granted',
          isPublic: false,
          payload: { personId: viewer.personId, role: 'coordinator', by: viewer.personId },
        });
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw conflict('cluster.slug_taken', 'slug');
      throw error;
    }
    return this.get(viewer, cluster.slug);
  }

  async update(actor: Actor, slug: string, patch: ClusterProfilePatch) {
    const access = await this.access.require(actor, slug, 'cluster.edit_profile');
    const current = access.cluster;
    const languages = patch.languages ? [...new Set(patch.languages)] : current.languages;
    const defaultLocale = (patch.defaultLocale ?? current.default_locale) as Locale;
    checkLanguages(languages as Locale[], defaultLocale);
    const isSlugChange = patch.slug !== undefined && patch.slug !== current.slug;
    if (isSlugChange) {
      if (!isValidSlug(patch.slug as string)) throw badRequest('cluster.slug_invalid', 'slug');
      if (await clusterRepo.slugExists(this.db, patch.slug as string))
        throw conflict('cluster.slug_taken', 'slug');
    }
    const changes: Partial<ClusterTable> = {
      ...(isSlugChange ? { slug: patch.slug } : {}),
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.country !== undefined ? { country: patch.country } : {}),
      ...(patch.region !== undefined ? { region: patch.region.trim() } : {}),
      ...(patch.languages !== undefined ? { languages } : {}),
      ...(patch.defaultLocale !== undefined ? { default_locale: patch.defaultLocale } : {}),
      ...(patch.clusterType !== undefined ? { cluster_type: patch.clusterType } : {}),
      ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
      ...(patch.visibility !== undefined ? { visibility: patch.visibility } : {}),
    };
    const updated = await this.db
      .transaction()
      .execute(async (tx) => {
        // Compare with the row as it is under our lock, not as read before: a concurrent edit
        // must not be credited to this editor.
        const locked = await clusterRepo.lock(tx, current.id);
        const updated = await clusterRepo.update(tx, current.id, { ...changes, updated_at: this.clock() });
        const after = auditedProfile(updated);
        const before = auditedProfile(locked);
        const changed = Object.fromEntries(
          Object.entries(after).filter(
            ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]),
          ),
        );
        if (Object.keys(changed).length > 0) {
          await this.audit.record(tx, current.id, {
            action: 'cluster.profile_edited',
            isPublic: true,
            payload: { changed, by: access.actor.personId },
          });
        }
        return updated;
      })
      .catch((error: { code?: string }) => {
        if (error.code === '23505') throw conflict('cluster.slug_taken', 'slug');
        throw error;
      });
    return this.get(actor, updated.slug);
  }

  /** A signed-in resident joins a public cluster as a participant. */
  async join(actor: Actor, slug: string) {
    const viewer = this.access.requireSignedIn(actor);
    const access = await this.access.read(viewer, slug);
    if (access.roles.length === 0) {
      await this.db.transaction().execute(async (tx) => {
        const inserted = await roleRepo.grant(tx, {
          cluster_id: access.cluster.id,
          person_id: viewer.personId,
          role: 'participant',
          granted_at: this.clock(),
          granted_by: viewer.personId,
        });
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
          await this.audit.record(tx, access.cluster.id, {
            action: 'role.granted',
            isPublic: false,
            payload: { personId: viewer.personId, role: 'participant', by: viewer.personId },
          });
        }
      });
    }
    return this.get(viewer, slug);
  }
}
