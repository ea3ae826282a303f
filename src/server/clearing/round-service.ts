/**
 * Clearing rounds: the coordinator computes one over all open invoices (planClearing: the most
 * debt that can be cancelled around cycles, every member's net position unchanged) and it waits
 * as 'proposed'. Where the cluster's rule asks for it, every affected member confirms: the last
 * confirmation applies the round, one refusal cancels it. Otherwise the coordinator applies it.
 *
 * Applying locks the round's invoices in id order and checks each still owes what the round was
 * computed on; if one was paid or withdrawn since, the round is stale (409) and nothing is
 * written. After a refusal the coordinator may run a new round that leaves out the refusing
 * member's invoices (`excludeOrganisationIds`).
 */

import { ClearingInputError } from '../../domain/currency/clearing.ts';
import { planClearing } from '../../domain/currency/clearing-plan.ts';
import type { Idempotency, IdempotentResult } from '../currency/idempotency.ts';
import type { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import { type Clock, isoDay } from '../platform/clock.ts';
import type { ClearingRoundTable, Db, Tx } from '../platform/database.ts';
import { conflict, forbidden, notFound } from '../platform/errors.ts';
import { decodeCursor, toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import {
  actsFor,
  type ClearingViewer,
  clearingViewer,
  visibleOrganisations,
  writeAs,
} from './clearing-viewer.ts';
import type { ClearingNotices } from './notices.ts';
import { clusterRuleRepo, invoiceRepo, organisationRepo, type RoundRow, roundRepo } from './repo.ts';

/** The most open invoices one round works on (the benchmark clears 100,000 in under two seconds). */
export const MAX_ROUND_INVOICES = 100_000;

type Decision = 'confirmed' | 'refused';

const clearedBasisPoints = (round: { total_cents: number; cleared_cents: number }) =>
  round.total_cents === 0 ? 0 : Math.floor((round.cleared_cents * 10_000) / round.total_cents);

function roundView(row: RoundRow, isStale: boolean, names: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    status: row.status,
    needsConfirmation: row.needs_confirmation,
    invoiceCount: row.invoice_count,
    totalCents: row.total_cents,
    clearedCents: row.cleared_cents,
    clearedBasisPoints: clearedBasisPoints(row),
    memberCount: row.member_count,
    confirmations: { confirmed: row.confirmed_count, refused: row.refused_count, waiting: row.waiting_count },
    excludedOrganisations: row.excluded_organisation_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
    cancelReason: row.cancel_reason,
    isStale,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}

export class ClearingRoundService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly writes: Idempotency,
    private readonly notices: ClearingNotices,
  ) {}

  private viewer(actor: Actor, slug: string, action?: 'clearing.manage') {
    return clearingViewer(this.access, this.db, this.clock, actor, slug, action);
  }

  private async views(viewer: ClearingViewer, rows: readonly RoundRow[]) {
    const excluded = rows.flatMap((row) => row.excluded_organisation_ids);
    const names = new Map(
      (await organisationRepo.byIds(this.db, viewer.clusterId, excluded)).map((o) => [o.id, o.name]),
    );
    return Promise.all(
      rows.map(async (row) =>
        roundView(
          row,
          row.status === 'proposed' && (await roundRepo.isStale(this.db, viewer.clusterId, row.id)),
          names,
        ),
      ),
    );
  }

  /** One round with the viewer's own organisations' figures and answers. */
  private async report(viewer: ClearingViewer, row: RoundRow) {
    const [view] = await this.views(viewer, [row]);
    return { ...(view as ReturnType<typeof roundView>), mine: await this.mine(viewer, row.id) };
  }

  private async round(viewer: ClearingViewer, roundId: string) {
    const row = await roundRepo.find(this.db, viewer.clusterId, roundId);
    if (!row) throw notFound('clearing.round_not_found');
    return row;
  }

  /** What the viewer's own organisations have to do with the round: figures and answers. */
  private async mine(viewer: ClearingViewer, roundId: string) {
    const own = viewer.ownOrganisations.map((organisation) => organisation.id);
    if (own.length === 0) return [];
    const rows = await roundRepo.positions(this.db, viewer.clusterId, roundId, own, null, own.length);
    return rows.map(positionView);
  }

  /** The clearing page: the rule, the viewer's organisations, what is open, and the waiting round. */
  async overview(actor: Actor, slug: string) {
    const viewer = await this.viewer(actor, slug);
    const visibleTo = visibleOrganisations(viewer);
    const open = await roundRepo.open(this.db, viewer.clusterId);
    return {
      needsConfirmation: await clusterRuleRepo.needsConfirmation(this.db, viewer.clusterId),
      ownOrganisations: viewer.ownOrganisations
        .filter((organisation) => organisation.membership_status === 'active')
        .map((organisation) => ({ id: organisation.id, name: organisation.name })),
      can: {
        manage: viewer.isCoordinator,
        record: viewer.isCoordinator || viewer.ownOrganisations.length > 0,
      },
      openInvoices:
        visibleTo?.length === 0
          ? { invoiceCount: 0, outstandingCents: 0 }
          : await invoiceRepo.openTotals(this.db, viewer.clusterId, visibleTo),
      openRound: open ? await this.report(viewer, open) : null,
    };
  }

  async list(actor: Actor, slug: string, query: { limit: number; cursor?: string }) {
    const viewer = await this.viewer(actor, slug);
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await roundRepo.list(this.db, viewer.clusterId, after, query.limit);
    const page = toPage(rows, query.limit, (row) => [row.created_at.toISOString(), row.id]);
    return { nextCursor: page.nextCursor, items: await this.views(viewer, page.items) };
  }

  /** A round's report: the aggregate, and the viewer's own organisations' figures and answers. */
  async get(actor: Actor, slug: string, roundId: string) {
    const viewer = await this.viewer(actor, slug);
    return this.report(viewer, await this.round(viewer, roundId));
  }

  /** Per-member figures: all of them for a coordinator, the viewer's own for a representative. */
  async positions(actor: Actor, slug: string, roundId: string, query: { limit: number; cursor?: string }) {
    const viewer = await this.viewer(actor, slug);
    await this.round(viewer, roundId);
    const visibleTo = visibleOrganisations(viewer);
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    if (visibleTo?.length === 0) return { items: [], nextCursor: null };
    const rows = await roundRepo.positions(this.db, viewer.clusterId, roundId, visibleTo, after, query.limit);
    const page = toPage(rows, query.limit, (row) => [row.name, row.organisation_id]);
    return { nextCursor: page.nextCursor, items: page.items.map(positionView) };
  }

  /**
   * What the round cancels on which invoice: of one organisation (the confirmation view; a
   * representative may only ask about their own), or of all for a coordinator.
   */
  async cancellations(
    actor: Actor,
    slug: string,
    roundId: string,
    query: { limit: number; cursor?: string; organisationId?: string },
  ) {
    const viewer = await this.viewer(actor, slug);
    await this.round(viewer, roundId);
    if (query.organisationId) {
      const [organisation] = await organisationRepo.byIds(this.db, viewer.clusterId, [query.organisationId]);
      if (!organisation) throw notFound('clearing.organisation_not_found');
    }
    if (!viewer.isCoordinator && !(query.organisationId && actsFor(viewer, query.organisationId)))
      throw forbidden();
    const after = decodeCursor(query.cursor, 1) as [string] | null;
    const rows = await roundRepo.cancellationsOf(
      this.db,
      viewer.clusterId,
      roundId,
      query.organisationId,
      after ? after[0] : null,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [row.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        invoiceId: row.id,
        reference: row.reference,
        issuedOn: row.issued_on,
        debtor: { id: row.debtor_organisation_id, name: row.debtor_name },
        creditor: { id: row.creditor_organisation_id, name: row.creditor_name },
        amountCents: row.amount_cents,
        outstandingBeforeCents: row.outstanding_before_cents,
        cancelledCents: row.cancelled_cents,
        outstandingAfterCents: row.outstanding_before_cents - row.cancelled_cents,
      })),
    };
  }

  /** The coordinator computes a round over every open invoice (less the excluded members'). */
  async run(
    actor: Actor,
    slug: string,
    input: { excludeOrganisationIds: string[] },
    idempotencyKey: string | undefined,
  ) {
    const viewer = await this.viewer(actor, slug, 'clearing.manage');
    const excluded = [...new Set(input.excludeOrganisationIds)];
    const found = await organisationRepo.byIds(this.db, viewer.clusterId, excluded);
    if (found.length !== excluded.length) throw notFound('clearing.organisation_not_found');
    const needsConfirmation = await clusterRuleRepo.needsConfirmation(this.db, viewer.clusterId);

    const open = await invoiceRepo.openSet(this.db, viewer.clusterId, excluded, MAX_ROUND_INVOICES);
    if (open.length > MAX_ROUND_INVOICES)
      throw conflict('clearing.too_many_invoices', undefined, { max: MAX_ROUND_INVOICES });
    if (open.length === 0) throw conflict('clearing.nothing_open');
    let plan: ReturnType<typeof planClearing>;
    try {
      plan = planClearing(
        open.map((invoice) => ({
          id: invoice.id,
          debtor: invoice.debtor_organisation_id,
          creditor: invoice.creditor_organisation_id,
          outstandingCents: invoice.outstanding_cents,
        })),
      );
    } catch (error) {
      if (error instanceof ClearingInputError && error.problem === 'total_too_large')
        throw conflict('clearing.total_too_large');
      throw error;
    }
    if (plan.clearedCents === 0) throw conflict('clearing.nothing_to_clear');

    const affected = plan.positions.filter((position) => position.cancelledCents > 0);
    let result: IdempotentResult<{ id: string }>;
    try {
      result = await writeAs(
        this.writes,
        viewer,
        idempotencyKey,
        'clearing.round',
        { excludeOrganisationIds: input.excludeOrganisationIds },
        async (tx) => {
          if (await roundRepo.open(tx, viewer.clusterId)) throw conflict('clearing.round_open');
          const id = newId();
          const key = { cluster_id: viewer.clusterId, round_id: id };
          await roundRepo.insert(tx, {
            cluster_id: viewer.clusterId,
            id,
            status: 'proposed',
            needs_confirmation: needsConfirmation,
            invoice_count: open.length,
            total_cents: plan.totalCents,
            cleared_cents: plan.clearedCents,
            created_by: viewer.personId,
            created_at: this.clock(),
            resolved_at: null,
            excluded_organisation_ids: excluded,
            cancel_reason: null,
          });
          await roundRepo.insertCancellations(
            tx,
            plan.cancellations.map((c) => ({
              ...key,
              invoice_id: c.invoiceId,
              outstanding_before_cents: c.outstandingBeforeCents,
              cancelled_cents: c.cancelledCents,
            })),
          );
          await roundRepo.insertPositions(
            tx,
            plan.positions.map((p) => ({
              ...key,
              organisation_id: p.organisationId,
              owes_before_cents: p.owesBeforeCents,
              owed_before_cents: p.owedBeforeCents,
              cancelled_cents: p.cancelledCents,
            })),
          );
          if (needsConfirmation) {
            await roundRepo.insertConfirmations(
              tx,
              affected.map((p) => ({
                ...key,
                organisation_id: p.organisationId,
                decision: null,
                decided_by: null,
                decided_at: null,
              })),
            );
            await this.notices.askToConfirm(tx, {
              clusterId: viewer.clusterId,
              clusterName: viewer.access.cluster.name,
              slug: viewer.access.cluster.slug,
              roundId: id,
              today: isoDay(this.clock()),
              cancelledCents: new Map(affected.map((p) => [p.organisationId, p.cancelledCents])),
            });
          }
          await this.audit.record(tx, viewer.clusterId, {
            action: 'clearing.round_proposed',
            isPublic: true,
            payload: {
              roundId: id,
              invoiceCount: open.length,
              totalCents: plan.totalCents,
              clearedCents: plan.clearedCents,
              memberCount: affected.length,
              needsConfirmation,
              by: viewer.personId,
            },
          });
          return { id };
        },
      );
    } catch (error) {
      // Two coordinators running a round at once: the one-open-round index lets one through.
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === '23505' && constraint === 'clearing_round_one_open_idx')
        throw conflict('clearing.round_open');
      throw error;
    }
    this.notices.deliver();
    return this.answer(viewer, result);
  }

  /** An affected member's answer; the last confirmation applies the round, a refusal cancels it. */
  async decide(
    actor: Actor,
    slug: string,
    roundId: string,
    organisationId: string,
    decision: Decision,
    idempotencyKey: string | undefined,
  ) {
    const viewer = await this.viewer(actor, slug);
    await this.round(viewer, roundId);
    if (!actsFor(viewer, organisationId)) throw forbidden();
    const result = await writeAs(
      this.writes,
      viewer,
      idempotencyKey,
      `clearing.decision:${roundId}:${organisationId}`,
      { decision },
      async (tx) => {
        const round = await this.lockOpen(tx, viewer, roundId);
        const [asked] = await roundRepo.confirmationsOf(tx, viewer.clusterId, roundId, [organisationId]);
        if (!asked) throw conflict('clearing.not_asked');
        if (asked.decision !== null) throw conflict('clearing.already_decided');
        const now = this.clock();
        await roundRepo.decide(tx, viewer.clusterId, roundId, organisationId, decision, viewer.personId, now);
        const isLast =
          decision === 'confirmed' && (await roundRepo.waitingCount(tx, viewer.clusterId, roundId)) === 0;
        if (decision === 'refused') {
          await roundRepo.resolve(
            tx,
            viewer.clusterId,
            roundId,
            { status: 'cancelled', cancel_reason: 'refused' },
            now,
          );
        } else if (isLast) {
          await this.applyLocked(tx, viewer, round, now);
        } else if (await roundRepo.isStale(tx, viewer.clusterId, roundId)) {
          // Confirming what can no longer be applied would only mislead the others.
          throw conflict('clearing.round_stale');
        }
        // The audit chain's lock comes after the invoices' locks, as in every other clearing write.
        await this.audit.record(tx, viewer.clusterId, {
          action: decision === 'confirmed' ? 'clearing.round_confirmed' : 'clearing.round_refused',
          isPublic: false,
          payload: { roundId, organisationId, by: viewer.personId },
        });
        if (decision === 'refused') await this.recordCancelled(tx, viewer, roundId, 'refused');
        if (isLast) await this.recordApplied(tx, viewer, roundId);
        return { id: roundId };
      },
    );
    return this.answer(viewer, result);
  }

  /** The coordinator applies a round that needs no confirmation (or that every member confirmed). */
  apply(actor: Actor, slug: string, roundId: string, idempotencyKey: string | undefined) {
    return this.onWaitingRound(actor, slug, roundId, idempotencyKey, 'apply', async (tx, viewer, round) => {
      const waiting = await roundRepo.waitingCount(tx, viewer.clusterId, roundId);
      if (round.needs_confirmation && waiting > 0)
        throw conflict('clearing.confirmations_missing', undefined, { waiting });
      await this.applyLocked(tx, viewer, round, this.clock());
      await this.recordApplied(tx, viewer, roundId);
    });
  }

  /** The coordinator withdraws a proposed round (stale, or no longer wanted). */
  cancel(actor: Actor, slug: string, roundId: string, idempotencyKey: string | undefined) {
    return this.onWaitingRound(actor, slug, roundId, idempotencyKey, 'cancel', async (tx, viewer) => {
      const outcome = { status: 'cancelled', cancel_reason: 'coordinator' } as const;
      await roundRepo.resolve(tx, viewer.clusterId, roundId, outcome, this.clock());
      await this.recordCancelled(tx, viewer, roundId, 'coordinator');
    });
  }

  /** A coordinator's write on a round that must still be waiting, under the round's lock. */
  private async onWaitingRound(
    actor: Actor,
    slug: string,
    roundId: string,
    idempotencyKey: string | undefined,
    operation: 'apply' | 'cancel',
    work: (tx: Tx, viewer: ClearingViewer, round: ClearingRoundTable) => Promise<void>,
  ) {
    const viewer = await this.viewer(actor, slug, 'clearing.manage');
    await this.round(viewer, roundId);
    const result = await writeAs(
      this.writes,
      viewer,
      idempotencyKey,
      `clearing.${operation}:${roundId}`,
      null,
      async (tx) => {
        await work(tx, viewer, await this.lockOpen(tx, viewer, roundId));
        return { id: roundId };
      },
    );
    return this.answer(viewer, result);
  }

  /** The round as it is now, for a write's answer (a replay included). */
  private async answer(viewer: ClearingViewer, result: IdempotentResult<{ id: string }>) {
    return {
      replayed: result.replayed,
      value: await this.report(viewer, await this.round(viewer, result.value.id)),
    };
  }

  private async lockOpen(tx: Tx, viewer: ClearingViewer, roundId: string): Promise<ClearingRoundTable> {
    const round = await roundRepo.lock(tx, viewer.clusterId, roundId);
    if (!round) throw notFound('clearing.round_not_found');
    if (round.status !== 'proposed') throw conflict('clearing.round_not_open');
    return round;
  }

  /** Takes the round off its invoices, if every one still owes what the round was computed on. */
  private async applyLocked(tx: Tx, viewer: ClearingViewer, round: ClearingRoundTable, now: Date) {
    const cancellations = await roundRepo.cancellations(tx, viewer.clusterId, round.id);
    const locked = new Map(
      (
        await invoiceRepo.lockInIdOrder(
          tx,
          viewer.clusterId,
          cancellations.map((c) => c.invoice_id),
        )
      ).map((invoice) => [invoice.id, invoice]),
    );
    for (const cancellation of cancellations) {
      const invoice = locked.get(cancellation.invoice_id);
      if (
        !invoice ||
        invoice.withdrawn_at ||
        invoice.outstanding_cents !== cancellation.outstanding_before_cents
      )
        throw conflict('clearing.round_stale');
    }
    await invoiceRepo.applyCancellations(tx, viewer.clusterId, cancellations);
    await roundRepo.resolve(tx, viewer.clusterId, round.id, { status: 'applied', cancel_reason: null }, now);
  }

  private async recordApplied(tx: Tx, viewer: ClearingViewer, roundId: string) {
    const round = (await roundRepo.find(tx, viewer.clusterId, roundId)) as RoundRow;
    await this.audit.record(tx, viewer.clusterId, {
      action: 'clearing.round_applied',
      isPublic: true,
      payload: {
        roundId,
        invoiceCount: round.invoice_count,
        totalCents: round.total_cents,
        clearedCents: round.cleared_cents,
        clearedBasisPoints: clearedBasisPoints(round),
        memberCount: round.member_count,
        by: viewer.personId,
      },
    });
  }

  private async recordCancelled(
    tx: Tx,
    viewer: ClearingViewer,
    roundId: string,
    reason: 'coordinator' | 'refused',
  ) {
    await this.audit.record(tx, viewer.clusterId, {
      action: 'clearing.round_cancelled',
      isPublic: true,
      // Who refused stays private (their own event says it); a coordinator's cancellation is signed.
      payload: reason === 'coordinator' ? { roundId, reason, by: viewer.personId } : { roundId, reason },
    });
  }
}

function positionView(row: Awaited<ReturnType<typeof roundRepo.positions>>[number]) {
  return {
    organisationId: row.organisation_id,
    name: row.name,
    owesBeforeCents: row.owes_before_cents,
    owedBeforeCents: row.owed_before_cents,
    cancelledCents: row.cancelled_cents,
    owesAfterCents: row.owes_before_cents - row.cancelled_cents,
    owedAfterCents: row.owed_before_cents - row.cancelled_cents,
    netPositionCents: row.owed_before_cents - row.owes_before_cents,
    isAsked: row.is_asked,
    decision: row.decision,
  };
}
