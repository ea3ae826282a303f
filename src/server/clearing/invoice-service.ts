/**
 * Euro invoices the members owe each other, the material of clearing rounds: a representative of
 * either side records one (the other side sees it), a coordinator imports many from CSV; the
 * creditor marks what was paid outside Kopa; either side withdraws one recorded by mistake while
 * nothing was paid or cleared on it. Every write carries an idempotency key, like the ledger's.
 */
import { isCalendarDay, MAX_INVOICE_CENTS } from '../../domain/currency/euro-invoices-csv.ts';
import type { Idempotency, IdempotentResult } from '../currency/idempotency.ts';
import type { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import { type Clock, isoDay } from '../platform/clock.ts';
import type { Db } from '../platform/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/errors.ts';
import { decodeCursor, toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import {
  actsFor,
  type ClearingViewer,
  clearingViewer,
  visibleOrganisations,
  writeAs,
} from './clearing-viewer.ts';
import { partiesNamed, readInvoicesCsv, resolveParties } from './invoice-import.ts';
import { type InvoiceRow, invoiceRepo, organisationRepo } from './repo.ts';

export interface InvoiceInput {
  debtorOrganisationId: string;
  creditorOrganisationId: string;
  amountCents: number;
  reference: string;
  issuedOn: string;
  dueOn?: string | null;
}

export type InvoiceStatus = 'open' | 'settled' | 'withdrawn';

const isValidCents = (cents: number) =>
  Number.isSafeInteger(cents) && cents > 0 && cents <= MAX_INVOICE_CENTS;

export function invoiceView(row: InvoiceRow, viewer: ClearingViewer) {
  const status: InvoiceStatus = row.withdrawn_at
    ? 'withdrawn'
    : row.outstanding_cents === 0
      ? 'settled'
      : 'open';
  const paidCents = row.amount_cents - row.outstanding_cents - row.cleared_cents;
  const isCreditorSide = actsFor(viewer, row.creditor_organisation_id);
  const isEitherSide = isCreditorSide || actsFor(viewer, row.debtor_organisation_id);
  return {
    id: row.id,
    debtor: { id: row.debtor_organisation_id, name: row.debtor_name },
    creditor: { id: row.creditor_organisation_id, name: row.creditor_name },
    reference: row.reference,
    amountCents: row.amount_cents,
    outstandingCents: row.outstanding_cents,
    clearedCents: row.cleared_cents,
    paidCents,
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    createdAt: row.created_at.toISOString(),
    status,
    isInOpenRound: row.is_in_open_round,
    can: {
      markPaid: status === 'open' && (viewer.isCoordinator || isCreditorSide),
      withdraw:
        status === 'open' &&
        paidCents === 0 &&
        row.cleared_cents === 0 &&
        !row.is_in_open_round &&
        (viewer.isCoordinator || isEitherSide),
    },
  };
}

export class InvoiceService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly writes: Idempotency,
  ) {}

  private viewer(actor: Actor, slug: string, action?: 'clearing.manage') {
    return clearingViewer(this.access, this.db, this.clock, actor, slug, action);
  }

  private async invoice(viewer: ClearingViewer, invoiceId: string) {
    const row = await invoiceRepo.find(this.db, viewer.clusterId, invoiceId);
    if (!row) throw notFound('clearing.invoice_not_found');
    return row;
  }

  async list(
    actor: Actor,
    slug: string,
    query: { limit: number; cursor?: string; organisationId?: string; openOnly?: boolean },
  ) {
    const viewer = await this.viewer(actor, slug);
    const visibleTo = visibleOrganisations(viewer);
    if (query.organisationId) {
      const [organisation] = await organisationRepo.byIds(this.db, viewer.clusterId, [query.organisationId]);
      if (!organisation) throw notFound('clearing.organisation_not_found');
      if (visibleTo && !visibleTo.includes(organisation.id)) throw forbidden();
    }
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    if (visibleTo?.length === 0) return { items: [], nextCursor: null };
    const rows = await invoiceRepo.list(
      this.db,
      viewer.clusterId,
      { visibleTo: visibleTo ?? undefined, organisationId: query.organisationId, isOpenOnly: query.openOnly },
      after,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [row.created_at.toISOString(), row.id]);
    return { nextCursor: page.nextCursor, items: page.items.map((row) => invoiceView(row, viewer)) };
  }

  async record(actor: Actor, slug: string, input: InvoiceInput, idempotencyKey: string | undefined) {
    const viewer = await this.viewer(actor, slug);
    const parties = await organisationRepo.byIds(this.db, viewer.clusterId, [
      input.debtorOrganisationId,
      input.creditorOrganisationId,
    ]);
    for (const field of ['debtorOrganisationId', 'creditorOrganisationId'] as const) {
      const party = parties.find((organisation) => organisation.id === input[field]);
      if (!party) throw notFound('clearing.organisation_not_found', { field });
      if (party.membership_status !== 'active') throw badRequest('clearing.organisation_not_active', field);
    }
    if (
      !viewer.isCoordinator &&
      !actsFor(viewer, input.debtorOrganisationId) &&
      !actsFor(viewer, input.creditorOrganisationId)
    ) {
      throw forbidden();
    }
    if (input.debtorOrganisationId === input.creditorOrganisationId)
      throw badRequest('clearing.same_organisation', 'creditorOrganisationId');
    if (!isValidCents(input.amountCents)) throw badRequest('clearing.amount_invalid', 'amountCents');
    const today = isoDay(this.clock());
    if (!isCalendarDay(input.issuedOn)) throw badRequest('clearing.date_invalid', 'issuedOn');
    if (input.issuedOn > today) throw badRequest('clearing.issued_in_future', 'issuedOn');
    if (input.dueOn && !isCalendarDay(input.dueOn)) throw badRequest('clearing.date_invalid', 'dueOn');
    if (input.dueOn && input.dueOn < input.issuedOn) throw badRequest('clearing.due_before_issued', 'dueOn');

    const result = await writeAs(
      this.writes,
      viewer,
      idempotencyKey,
      'clearing.invoice',
      input,
      async (tx) => {
        const id = newId();
        await invoiceRepo.insert(tx, [
          {
            cluster_id: viewer.clusterId,
            id,
            debtor_organisation_id: input.debtorOrganisationId,
            creditor_organisation_id: input.creditorOrganisationId,
            reference: input.reference.trim(),
            amount_cents: input.amountCents,
            outstanding_cents: input.amountCents,
            issued_on: input.issuedOn,
            due_on: input.dueOn ?? null,
            recorded_by: viewer.personId,
            created_at: this.clock(),
          },
        ]);
        await this.audit.record(tx, viewer.clusterId, {
          action: 'clearing.invoice_recorded',
          isPublic: false,
          payload: {
            invoiceId: id,
            debtorOrganisationId: input.debtorOrganisationId,
            creditorOrganisationId: input.creditorOrganisationId,
            amountCents: input.amountCents,
            by: viewer.personId,
          },
        });
        return { id };
      },
    );
    return this.answer(viewer, result);
  }

  /** A coordinator's import: every line is checked first; one bad line and nothing is written. */
  async import(actor: Actor, slug: string, csv: string, idempotencyKey: string | undefined) {
    const viewer = await this.viewer(actor, slug, 'clearing.manage');
    const { rows, problems } = readInvoicesCsv(csv, isoDay(this.clock()));
    const named = partiesNamed(rows);
    const organisations =
      rows.length === 0
        ? []
        : await organisationRepo.namedIn(this.db, viewer.clusterId, named.ids, named.lowerNames);
    const invoices = resolveParties(rows, problems, organisations);
    return writeAs(this.writes, viewer, idempotencyKey, 'clearing.import', { csv }, async (tx) => {
      const now = this.clock();
      await invoiceRepo.insert(
        tx,
        invoices.map((invoice) => ({
          cluster_id: viewer.clusterId,
          id: newId(),
          debtor_organisation_id: invoice.debtorOrganisationId,
          creditor_organisation_id: invoice.creditorOrganisationId,
          reference: invoice.reference,
          amount_cents: invoice.amountCents,
          outstanding_cents: invoice.amountCents,
          issued_on: invoice.issuedOn,
          recorded_by: viewer.personId,
          created_at: now,
        })),
      );
      const totalCents = invoices.reduce((sum, invoice) => sum + invoice.amountCents, 0);
      await this.audit.record(tx, viewer.clusterId, {
        action: 'clearing.invoices_imported',
        isPublic: false,
        payload: { invoiceCount: invoices.length, totalCents, by: viewer.personId },
      });
      return { importedCount: invoices.length, totalCents };
    });
  }

  /** The creditor (or a coordinator) records a payment received in euros outside Kopa. */
  async markPaid(
    actor: Actor,
    slug: string,
    invoiceId: string,
    amountCents: number,
    idempotencyKey: string | undefined,
  ) {
    const viewer = await this.viewer(actor, slug);
    const invoice = await this.invoice(viewer, invoiceId);
    if (!viewer.isCoordinator && !actsFor(viewer, invoice.creditor_organisation_id)) throw forbidden();
    if (!isValidCents(amountCents)) throw badRequest('clearing.amount_invalid', 'amountCents');
    const result = await writeAs(
      this.writes,
      viewer,
      idempotencyKey,
      `clearing.payment:${invoiceId}`,
      { amountCents },
      async (tx) => {
        const locked = await invoiceRepo.lock(tx, viewer.clusterId, invoiceId);
        if (!locked) throw notFound('clearing.invoice_not_found');
        if (locked.withdrawn_at) throw conflict('clearing.invoice_withdrawn');
        if (locked.outstanding_cents === 0) throw conflict('clearing.invoice_settled');
        if (amountCents > locked.outstanding_cents)
          throw conflict('clearing.payment_exceeds_outstanding', 'amountCents');
        const outstandingCents = locked.outstanding_cents - amountCents;
        await invoiceRepo.update(tx, viewer.clusterId, invoiceId, { outstanding_cents: outstandingCents });
        await this.audit.record(tx, viewer.clusterId, {
          action: 'clearing.invoice_paid',
          isPublic: false,
          payload: { invoiceId, amountCents, outstandingCents, by: viewer.personId },
        });
        return { id: invoiceId };
      },
    );
    return this.answer(viewer, result);
  }

  /**
   * Either side (or a coordinator) withdraws an invoice recorded by mistake or disputed. It stays
   * on record as withdrawn; a round waiting for confirmations must be resolved first, so a
   * member cannot pull an invoice from under the others' confirmations.
   */
  async withdraw(actor: Actor, slug: string, invoiceId: string, idempotencyKey: string | undefined) {
    const viewer = await this.viewer(actor, slug);
    const invoice = await this.invoice(viewer, invoiceId);
    if (
      !viewer.isCoordinator &&
      !actsFor(viewer, invoice.creditor_organisation_id) &&
      !actsFor(viewer, invoice.debtor_organisation_id)
    ) {
      throw forbidden();
    }
    const result = await writeAs(
      this.writes,
      viewer,
      idempotencyKey,
      `clearing.withdrawal:${invoiceId}`,
      null,
      async (tx) => {
        const locked = await invoiceRepo.lock(tx, viewer.clusterId, invoiceId);
        if (!locked) throw notFound('clearing.invoice_not_found');
        if (locked.withdrawn_at) throw conflict('clearing.invoice_withdrawn');
        if (locked.outstanding_cents !== locked.amount_cents || locked.cleared_cents !== 0)
          throw conflict('clearing.invoice_not_withdrawable');
        if ((await invoiceRepo.find(tx, viewer.clusterId, invoiceId))?.is_in_open_round)
          throw conflict('clearing.invoice_in_round');
        await invoiceRepo.update(tx, viewer.clusterId, invoiceId, {
          withdrawn_at: this.clock(),
          withdrawn_by: viewer.personId,
        });
        await this.audit.record(tx, viewer.clusterId, {
          action: 'clearing.invoice_withdrawn',
          isPublic: false,
          payload: { invoiceId, amountCents: locked.amount_cents, by: viewer.personId },
        });
        return { id: invoiceId };
      },
    );
    return this.answer(viewer, result);
  }

  /** The invoice as it is now, for a write's answer (a replay included). */
  private async answer(viewer: ClearingViewer, result: IdempotentResult<{ id: string }>) {
    return {
      replayed: result.replayed,
      value: invoiceView(await this.invoice(viewer, result.value.id), viewer),
    };
  }
}
