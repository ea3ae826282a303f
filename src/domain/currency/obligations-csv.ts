/**
 * Reads obligations from CSV with the header `debtor,creditor,amount` (amounts in integer minor
 * units). Every problem names its line, so a member can fix the file they exported.
 */
import type { Obligation } from './clearing.ts';

export const MAX_OBLIGATION_ROWS = 1_000_000;
const MAX_NAME_LENGTH = 200;

export type CsvProblem =
  | 'header_invalid'
  | 'column_count'
  | 'name_missing'
  | 'name_too_long'
  | 'amount_invalid'
  | 'self_obligation'
  | 'too_many_rows'
  | 'unclosed_quote';

export class ObligationCsvError extends Error {
  constructor(
    readonly line: number,
    readonly problem: CsvProblem,
  ) {
    super(`line ${line}: ${DESCRIPTIONS[problem]}`);
  }
}

const DESCRIPTIONS: Record<CsvProblem, string> = {
  header_invalid: 'the first line must be the header debtor,creditor,amount',
  column_count: 'a line needs exactly three fields: debtor, creditor, amount',
  name_missing: 'the debtor and the creditor must be named',
  name_too_long: `a name may have at most ${MAX_NAME_LENGTH} characters`,
  amount_invalid: 'the amount must be a positive whole number of minor units (cents), e.g. 12550',
  self_obligation: 'a firm cannot owe itself',
  too_many_rows: `a file may hold at most ${MAX_OBLIGATION_ROWS} obligations`,
  unclosed_quote: 'a quoted field is not closed',
};

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
export function splitCsvLine(line: string, lineNumber: number): string[] {
  const out: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (isQuoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"' && field === '') isQuoted = true;
    else if (char === ',') {
      out.push(field);
      field = '';
    } else field += char;
  }
  if (isQuoted) throw new ObligationCsvError(lineNumber, 'unclosed_quote');
  out.push(field);
  return out.map((value) => value.trim());
}

const AMOUNT_RE = /^[1-9][0-9]{0,14}$/;

export function parseObligationsCsv(text: string): Obligation[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '', 1).map((name) => name.toLowerCase());
  if (header.join(',') !== 'debtor,creditor,amount') throw new ObligationCsvError(1, 'header_invalid');
  const obligations: Obligation[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] as string;
    const lineNumber = index + 1;
    if (line.trim() === '') continue;
    if (obligations.length >= MAX_OBLIGATION_ROWS) throw new ObligationCsvError(lineNumber, 'too_many_rows');
    const row = splitCsvLine(line, lineNumber);
    if (row.length !== 3) throw new ObligationCsvError(lineNumber, 'column_count');
    const [debtor, creditor, amount] = row as [string, string, string];
    if (debtor === '' || creditor === '') throw new ObligationCsvError(lineNumber, 'name_missing');
    if (debtor.length > MAX_NAME_LENGTH || creditor.length > MAX_NAME_LENGTH) {
      throw new ObligationCsvError(lineNumber, 'name_too_long');
    }
    if (!AMOUNT_RE.test(amount)) throw new ObligationCsvError(lineNumber, 'amount_invalid');
    if (debtor === creditor) throw new ObligationCsvError(lineNumber, 'self_obligation');
    obligations.push({ debtor, creditor, amount: Number(amount) });
  }
  return obligations;
}
