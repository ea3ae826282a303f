/**
 * Organisations of a cluster: the register, the public member directory, membership through its
 * states (applicant → active → suspended → left, with dates and reasons), and representatives who
 * act for an organisation under a recorded mandate.
 */
import { type Country, LEGAL_FORMS, type LegalForm, type Sector } from '../../domain/clusters/catalogue.ts';
import {
  canTransition,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  requiresReason,
} from '../../domain/clusters/membership.ts';
import { roleRepo } from '../clusters/repo.ts';
import type { CurrencyService } from '../currency/service.ts';
import { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import { type Clock, isoDay } from '../platform/clock.ts';
import type { Db, OrganisationTable } from '../platform/database.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { decodeCursor, toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import { mandateRepo, membershipRepo, organisationRepo } from './repo.ts';

export interface OrganisationInput {
  name: string;
  legalForm: string;
  sector: Sector;
  country: Country;
  website: string;
  description: string;
  voteWeight: number;
}

const PUBLIC_STATUSES: readonly MembershipStatus[] = ['active'];

function checkLegalForm(legalForm: string): asserts legalForm is LegalForm {
  if (!(LEGAL_FORMS as readonly string[]).includes(legalForm))
    throw badRequest('organisation.legal_form_unknown', 'legalForm');
}

function view(row: OrganisationTable) {
  return {
    id: row.id,
    name: row.name,
    legalForm: row.legal_form,
    sector: row.sector,
    country: row.country,
    website: row.website,
    description: row.description,
    voteWeight: row.vote_weight,
    membershipStatus: row.membership_status,
    memberSince: row.member_since,
    createdAt: row.created_at.toISOString(),
  };
}

/** Organisations are legal persons: their public fields may enter the public chain. */
function auditedOrganisation(row: OrganisationTable) {
  const { createdAt: _c, description: _d, ...fields } = view(row);
  return fields;
}

export class OrganisationService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly currency: CurrencyService,
  ) {}

  async directory(
    actor: Actor,
    slug: string,
    query: { limit: number; cursor?: string; status?: MembershipStatus; sector?: Sector; q?: string },
  ) {
    const access = await this.access.read(actor, slug);
    const mayReadAll = Access.can(access, 'organisation.read_private');
    const visible = mayReadAll ? MEMBERSHIP_STATUSES : PUBLIC_STATUSES;
    const statuses = query.status ? visible.filter((s) => s === query.status) : visible;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows =
      statuses.length === 0
        ? []
        : await organisationRepo.directory(
            this.db,
            access.cluster.id,
            { statuses, sector: query.sector, search: query.q?.trim() || undefined },
            after,
            query.limit,
          );
    const page = toPage(rows, query.limit, (row) => [row.name, row.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        id: row.id,
        name: row.name,
        legalForm: row.legal_form,
        sector: row.sector,
        country: row.country,
        membershipStatus: row.membership_status,
        memberSince: row.member_since,
        voteWeight: row.vote_weight,
      })),
    };
  }

  async get(actor: Actor, slug: string, organisationId: string) {
    const access = await this.access.read(actor, slug);
    const mayReadPrivate = Access.can(access, 'organisation.read_private');
    const row = await organisationRepo.find(this.db, access.cluster.id, organisationId);
    if (!row || (!mayReadPrivate && !PUBLIC_STATUSES.includes(row.membership_status as MembershipStatus))) {
      throw notFound('organisation.not_found');
    }
    const history = await membershipRepo.history(this.db, access.cluster.id, row.id);
    const isMember = Access.can(access, 'cluster.read_members_only');
    const representatives = isMember
      ? await mandateRepo.ofOrganisation(this.db, access.cluster.id, row.id)
      : [];
    return {
      ...view(row),
      membershipHistory: history.map((h) => ({
        id: h.id,
        fromStatus: h.from_status,
        toStatus: h.to_status,
        effectiveOn: h.effective_on,
        // Reasons can be sensitive; the public sees that a change happened and when.
        reason: mayReadPrivate ? h.reason : null,
        recordedAt: h.recorded_at.toISOString(),
      })),
      representatives: representatives.map((m) => ({
        id: m.id,
        personId: m.person_id,
        displayName: m.display_name,
        mandate: m.mandate,
        startsOn: m.starts_on,
        endsOn: m.ends_on,
        isActive: m.revoked_at === null && (m.ends_on === null || m.ends_on >= isoDay(this.clock())),
      })),
      can: {
        edit: Access.can(access, 'organisation.edit'),
        transition: Access.can(access, 'membership.transition'),
        linkRepresentative: Access.can(access, 'representative.link'),
      },
    };
  }

  /** Registers an organisation as an applicant for membership. */
  /** `appliedOn` lets a coordinator record an organisation that applied before Kopa was used. */
  async register(actor: Actor, slug: string, input: OrganisationInput & { appliedOn?: string }) {
    const access = await this.access.require(actor, slug, 'organisation.register');
    checkLegalForm(input.legalForm);
    const now = this.clock();
    if (input.appliedOn !== undefined && input.appliedOn > isoDay(now)) {
      throw badRequest('organisation.applied_in_future', 'appliedOn');
    }
    const row: OrganisationTable = {
      cluster_id: access.cluster.id,
      id: newId(),
      name: input.name.trim(),
      legal_form: input.legalForm,
      sector: input.sector,
      country: input.country,
      website: input.website.trim(),
      description: input.description.trim(),
      vote_weight: input.voteWeight,
      membership_status: 'applicant',
      member_since: null,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (tx) => {
      await organisationRepo.insert(tx, row);
      await membershipRepo.insertTransition(tx, {
        cluster_id: row.cluster_id,
        id: newId(),
        organisation_id: row.id,
        from_status: null,
        to_status: 'applicant',
        effective_on: input.appliedOn ?? isoDay(now),
        reason: '',
        recorded_at: now,
        recorded_by: access.actor.personId,
      });
      await this.audit.record(tx, row.cluster_id, {
        action: 'organisation.registered',
        // An application is not public: the public learns of an organisation when it is admitted.
        isPublic: false,
        payload: { ...auditedOrganisation(row), by: access.actor.personId },
      });
    });
    return this.get(actor, slug, row.id);
  }

  async update(actor: Actor, slug: string, organisationId: string, patch: Partial<OrganisationInput>) {
    const access = await this.access.require(actor, slug, 'organisation.edit');
    if (patch.legalForm !== undefined) checkLegalForm(patch.legalForm);
    await this.db.transaction().execute(async (tx) => {
      const current = await organisationRepo.findForUpdate(tx, access.cluster.id, organisationId);
      if (!current) throw notFound('organisation.not_found');
      const updated = await organisationRepo.update(tx, access.cluster.id, organisationId, {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.legalForm !== undefined ? { legal_form: patch.legalForm } : {}),
        ...(patch.sector !== undefined ? { sector: patch.sector } : {}),
        ...(patch.country !== undefined ? { country: patch.country } : {}),
        ...(patch.website !== undefined ? { website: patch.website.trim() } : {}),
        ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
        ...(patch.voteWeight !== undefined ? { vote_weight: patch.voteWeight } : {}),
        updated_at: this.clock(),
      });
      await this.audit.record(tx, access.cluster.id, {
        action: 'organisation.edited',
        isPublic: updated.membership_status !== 'applicant' || updated.member_since !== null,
        payload: { ...auditedOrganisation(updated), by: access.actor.personId },
      });
    });
    return this.get(actor, slug, organisationId);
  }

  async transition(
    actor: Actor,
    slug: string,
    organisationId: string,
    input: { toStatus: MembershipStatus; effectiveOn?: string; reason?: string },
  ) {
    const access = await this.access.require(actor, slug, 'membership.transition');
    const reason = (input.reason ?? '').trim();
    if (requiresReason(input.toStatus) && reason === '')
      throw badRequest('membership.reason_required', 'reason');
    const now = this.clock();
    const effectiveOn = input.effectiveOn ?? isoDay(now);
    await this.db.transaction().execute(async (tx) => {
      const current = await organisationRepo.findForUpdate(tx, access.cluster.id, organisationId);
      if (!current) throw notFound('organisation.not_found');
      const from = current.membership_status as MembershipStatus;
      if (!canTransition(from, input.toStatus)) {
        throw conflict('membership.transition_not_allowed', 'toStatus', { from, to: input.toStatus });
      }
      await organisationRepo.update(tx, access.cluster.id, organisationId, {
        membership_status: input.toStatus,
        member_since:
          input.toStatus === 'active' ? (current.member_since ?? effectiveOn) : current.member_since,
        updated_at: now,
      });
      // The wallet follows the membership (opened, frozen, unfrozen, exit); accounts are locked
      // before the audit chain's head, in the same order as every payment.
      await this.currency.followMembership(
        tx,
        access.cluster.id,
        current,
        input.toStatus,
        access.actor.personId,
        now,
      );
      await membershipRepo.insertTransition(tx, {
        cluster_id: access.cluster.id,
        id: newId(),
        organisation_id: organisationId,
        from_status: from,
        to_status: input.toStatus,
        effective_on: effectiveOn,
        reason,
        recorded_at: now,
        recorded_by: access.actor.personId,
      });
      await this.audit.record(tx, access.cluster.id, {
        action: 'membership.changed',
        // A withdrawn or refused application stays as private as the application was.
        isPublic: !(from === 'applicant' && input.toStatus !== 'active'),
        payload: {
          organisationId,
          organisation: current.name,
          from,
          to: input.toStatus,
          effectiveOn,
          by: access.actor.personId,
        },
      });
    });
    return this.get(actor, slug, organisationId);
  }

  /** Links a person of the cluster as the organisation's representative, and gives them that role. */
  async linkRepresentative(
    actor: Actor,
    slug: string,
    organisationId: string,
    input: { personId: string; mandate: string; startsOn: string; endsOn?: string },
  ) {
    const access = await this.access.require(actor, slug, 'representative.link');
    if (input.endsOn !== undefined && input.endsOn < input.startsOn)
      throw badRequest('mandate.dates_invalid', 'endsOn');
    const now = this.clock();
    const clusterId = access.cluster.id;
    await this.db.transaction().execute(async (tx) => {
      const organisation = await organisationRepo.findForUpdate(tx, clusterId, organisationId);
      if (!organisation) throw notFound('organisation.not_found');
      if (!['applicant', 'active'].includes(organisation.membership_status)) {
        throw conflict('mandate.organisation_not_member', 'organisationId');
      }
      if (!(await roleRepo.has(tx, clusterId, input.personId))) throw notFound('person.not_found');
      const mandateId = newId();
      await mandateRepo.insert(tx, {
        cluster_id: clusterId,
        id: mandateId,
        organisation_id: organisationId,
        person_id: input.personId,
        mandate: input.mandate.trim(),
        starts_on: input.startsOn,
        ends_on: input.endsOn ?? null,
        recorded_at: now,
        recorded_by: access.actor.personId,
        revoked_at: null,
      });
      await this.audit.record(tx, clusterId, {
        action: 'representative.linked',
        isPublic: false,
        payload: {
          mandateId,
          organisationId,
          personId: input.personId,
          startsOn: input.startsOn,
          endsOn: input.endsOn ?? null,
        },
      });
      const granted = await roleRepo.grant(tx, {
        cluster_id: clusterId,
        person_id: input.personId,
        role: 'representative',
        granted_at: now,
        granted_by: access.actor.personId,
      });
      if (Number(granted.numInsertedOrUpdatedRows ?? 0) > 0) {
        await this.audit.record(tx, clusterId, {
          action: 'role.granted',
          isPublic: false,
          payload: { personId: input.personId, role: 'representative', by: access.actor.personId },
        });
      }
    });
    return this.get(actor, slug, organisationId);
  }

  async revokeRepresentative(actor: Actor, slug: string, organisationId: string, mandateId: string) {
    const access = await this.access.require(actor, slug, 'representative.link');
    await this.db.transaction().execute(async (tx) => {
      const revoked = await mandateRepo.revoke(
        tx,
        access.cluster.id,
        organisationId,
        mandateId,
        this.clock(),
      );
      if (!revoked) throw notFound('mandate.not_found');
      await this.audit.record(tx, access.cluster.id, {
        action: 'representative.revoked',
        isPublic: false,
        payload: { mandateId, organisationId, by: access.actor.personId },
      });
      // The representative role comes with a mandate and goes with the last one.
      const now = this.clock();
      if (!(await mandateRepo.hasActive(tx, access.cluster.id, revoked.person_id, isoDay(now)))) {
        const removed = await roleRepo.revoke(tx, access.cluster.id, revoked.person_id, 'representative');
        if (Number(removed.numDeletedRows) > 0) {
          await this.audit.record(tx, access.cluster.id, {
            action: 'role.revoked',
            isPublic: false,
            payload: { personId: revoked.person_id, role: 'representative', by: access.actor.personId },
          });
        }
      }
    });
    return this.get(actor, slug, organisationId);
  }
}
