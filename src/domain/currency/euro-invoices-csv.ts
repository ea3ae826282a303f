/**
 * Reads euro invoices owed between members from CSV with the header
 * `debtor,creditor,amount,reference,issued_on` (amount in euros with up to two decimals). Unlike
 * the obligations file of `kopa clearing compute`, every problem of the file is collected with its
 * line number, so a coordinator fixes the whole export at once; naming the members is the caller's
 * part (it knows the register).
 */
import { ObligationCsvError, splitCsvLine } from './obligations-csv.ts';

export const MAX_INVOICE_CSV_ROWS = 10_000;
export const MAX_INVOICE_CSV_CHARS = 1024 * 1024;
/** The largest invoice, in cents (ten billion euros; the database holds the same bound). */
export const MAX_INVOICE_CENTS = 1_000_000_000_000;
export const MAX_INVOICE_REFERENCE_LENGTH = 80;
export const MAX_PARTY_LENGTH = 160;

export const INVOICE_CSV_HEADER = ['debtor', 'creditor', 'amount', 'reference', 'issued_on'] as const;
export type InvoiceCsvColumn = (typeof INVOICE_CSV_HEADER)[number];

export type InvoiceCsvProblem =
  | 'header_invalid'
  | 'column_count'
  | 'unclosed_quote'
  | 'party_missing'
  | 'party_too_long'
  | 'amount_invalid'
  | 'reference_too_long'
  | 'date_invalid'
  | 'date_in_future'
  | 'too_many_rows'
  | 'no_rows';

export interface InvoiceCsvIssue {
  readonly line: number;
  readonly problem: InvoiceCsvProblem;
  readonly column?: InvoiceCsvColumn;
}

export interface InvoiceCsvRow {
  readonly line: number;
  /** An organisation's name or id, as written. */
  readonly debtor: string;
  readonly creditor: string;
  readonly amountCents: number;
  readonly reference: string;
  readonly issuedOn: string;
}

const EUROS_RE = /^(\d{1,11})(?:\.(\d{1,2}))?$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Euros as written by a person (`1234.5`, `1234.50`, `1234`) to whole cents; null when not a valid amount. */
export function eurosToCents(text: string): number | null {
  const match = EUROS_RE.exec(text);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents > 0 && cents <= MAX_INVOICE_CENTS ? cents : null;
}

/** Whether the text is a calendar day that exists (`2025-02-30` does not). */
export function isCalendarDay(text: string): boolean {
  const match = ISO_DATE_RE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `today` is the ISO calendar day after which an invoice cannot have been issued. */
export function parseInvoicesCsv(
  text: string,
  today: string,
): { rows: InvoiceCsvRow[]; issues: InvoiceCsvIssue[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: InvoiceCsvRow[] = [];
  const issues: InvoiceCsvIssue[] = [];
  const split = (line: string, lineNumber: number): string[] | null => {
    try {
      return splitCsvLine(line, lineNumber);
    } catch (error) {
      if (!(error instanceof ObligationCsvError)) throw error;
      issues.push({ line: lineNumber, problem: 'unclosed_quote' });
      return null;
    }
  };

  const header = split(lines[0] ?? '', 1);
  if (header === null) return { rows, issues };
  if (header.map((name) => name.toLowerCase()).join(',') !== INVOICE_CSV_HEADER.join(',')) {
    issues.push({ line: 1, problem: 'header_invalid' });
    return { rows, issues };
  }

  let rowCount = 0;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] as string;
    const lineNumber = index + 1;
    if (line.trim() === '') continue;
    if (++rowCount > MAX_INVOICE_CSV_ROWS) {
      issues.push({ line: lineNumber, problem: 'too_many_rows' });
      break;
    }
    const fields = split(line, lineNumber);
    if (fields === null) continue;
    if (fields.length !== INVOICE_CSV_HEADER.length) {
      issues.push({ line: lineNumber, problem: 'column_count' });
      continue;
    }
    const [debtor, creditor, amount, reference, issuedOn] = fields as [
      string,
      string,
      string,
      string,
      string,
    ];
    const before = issues.length;
    const at = (problem: InvoiceCsvProblem, column: InvoiceCsvColumn) =>
      issues.push({ line: lineNumber, problem, column });
    for (const [party, column] of [
      [debtor, 'debtor'],
      [creditor, 'creditor'],
    ] as const) {
      if (party === '') at('party_missing', column);
      else if (party.length > MAX_PARTY_LENGTH) at('party_too_long', column);
    }
    const amountCents = eurosToCents(amount);
    if (amountCents === null) at('amount_invalid', 'amount');
    if (reference.length > MAX_INVOICE_REFERENCE_LENGTH) at('reference_too_long', 'reference');
    if (!isCalendarDay(issuedOn)) at('date_invalid', 'issued_on');
    else if (issuedOn > today) at('date_in_future', 'issued_on');
    if (issues.length === before && amountCents !== null) {
      rows.push({ line: lineNumber, debtor, creditor, amountCents, reference, issuedOn });
    }
  }
  if (rowCount === 0 && issues.length === 0) issues.push({ line: 2, problem: 'no_rows' });
  return { rows, issues };
}
