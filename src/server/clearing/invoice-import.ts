/**
 * Turns an invoices CSV into invoices between the cluster's members: the file's own problems and
 * every debtor or creditor that does not name exactly one active member are reported together,
 * each with its line, so the import is all or nothing.
 */
import {
  type InvoiceCsvColumn,
  type InvoiceCsvRow,
  MAX_INVOICE_CSV_ROWS,
  MAX_INVOICE_REFERENCE_LENGTH,
  MAX_PARTY_LENGTH,
  parseInvoicesCsv,
} from '../../domain/currency/euro-invoices-csv.ts';
import { AppError } from '../platform/errors.ts';
import type { ErrorCode } from '../platform/i18n/server-messages.ts';

/** A file can have thousands of bad lines; the answer lists this many and counts the rest. */
export const MAX_REPORTED_PROBLEMS = 500;

export interface ImportProblem {
  readonly line: number;
  readonly code: ErrorCode;
  readonly column?: InvoiceCsvColumn;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The whole file is refused; the route lists the problems in the reader's language. */
export class InvoiceImportRejected extends AppError {
  constructor(readonly problems: readonly ImportProblem[]) {
    super('clearing.import_invalid', 400, { count: problems.length });
  }
}

export interface ImportedInvoice {
  readonly debtorOrganisationId: string;
  readonly creditorOrganisationId: string;
  readonly amountCents: number;
  readonly reference: string;
  readonly issuedOn: string;
}

interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly membership_status: string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PARAMS_OF: Partial<Record<string, Record<string, number>>> = {
  'clearing.csv.party_too_long': { max: MAX_PARTY_LENGTH },
  'clearing.csv.reference_too_long': { max: MAX_INVOICE_REFERENCE_LENGTH },
  'clearing.csv.too_many_rows': { max: MAX_INVOICE_CSV_ROWS },
};

/** The parties the file names, split into what may be ids and lower-cased names, for one lookup. */
export function partiesNamed(rows: readonly InvoiceCsvRow[]) {
  const parties = new Set(rows.flatMap((row) => [row.debtor, row.creditor]));
  return {
    ids: [...parties].filter((party) => UUID_RE.test(party)).map((id) => id.toLowerCase()),
    lowerNames: [...new Set([...parties].map((party) => party.toLowerCase()))],
  };
}

export function readInvoicesCsv(text: string, today: string) {
  const { rows, issues } = parseInvoicesCsv(text, today);
  const problems: ImportProblem[] = issues.map((issue) => {
    const code = `clearing.csv.${issue.problem}` as ErrorCode;
    return { line: issue.line, code, column: issue.column, params: PARAMS_OF[code] ?? {} };
  });
  return { rows, problems };
}

/** Resolves each row's parties against the organisations found; throws when anything is wrong. */
export function resolveParties(
  rows: readonly InvoiceCsvRow[],
  problems: ImportProblem[],
  organisations: readonly Organisation[],
): ImportedInvoice[] {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const byName = new Map<string, Organisation[]>();
  for (const organisation of organisations) {
    const key = organisation.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), organisation]);
  }
  const invoices: ImportedInvoice[] = [];
  for (const row of rows) {
    const before = problems.length;
    const resolve = (party: string, column: InvoiceCsvColumn): Organisation | null => {
      const named = UUID_RE.test(party)
        ? [byId.get(party.toLowerCase())].filter((o) => o !== undefined)
        : (byName.get(party.toLowerCase()) ?? []);
      const problem = (code: ErrorCode) =>
        problems.push({ line: row.line, code, column, params: { name: party } });
      // A name shared by a former member and a current one means the current one.
      const active = named.filter((organisation) => organisation.membership_status === 'active');
      if (named.length === 0) problem('clearing.csv.organisation_unknown');
      else if (active.length > 1) problem('clearing.csv.organisation_ambiguous');
      else if (active.length === 0) problem('clearing.csv.organisation_not_active');
      else return active[0] as Organisation;
      return null;
    };
    const debtor = resolve(row.debtor, 'debtor');
    const creditor = resolve(row.creditor, 'creditor');
    if (debtor && creditor && debtor.id === creditor.id) {
      problems.push({
        line: row.line,
        code: 'clearing.csv.same_organisation',
        column: 'creditor',
        params: {},
      });
    }
    if (problems.length === before && debtor && creditor) {
      invoices.push({
        debtorOrganisationId: debtor.id,
        creditorOrganisationId: creditor.id,
        amountCents: row.amountCents,
        reference: row.reference,
        issuedOn: row.issuedOn,
      });
    }
  }
  if (problems.length > 0) throw new InvoiceImportRejected(problems.sort((a, b) => a.line - b.line));
  return invoices;
}
