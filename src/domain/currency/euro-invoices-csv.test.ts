import { describe, expect, it } from 'vitest';
import { eurosToCents, isCalendarDay, MAX_INVOICE_CSV_ROWS, parseInvoicesCsv } from './euro-invoices-csv.ts';

const HEADER = 'debtor,creditor,amount,reference,issued_on';
const TODAY = '2025-06-30';
const issuesOf = (text: string) =>
  parseInvoicesCsv(text, TODAY).issues.map((issue) => `${issue.line}:${issue.problem}:${issue.column ?? ''}`);

describe('euro invoices CSV', () => {
  it('reads euros with up to two decimals as cents, quoted names and blank lines', () => {
    const text = `\uFEFF${HEADER}\r\nEcos-Med,"Comune, Roccavaldina",1234.5,INV-7,2025-03-01\n\n"Fondazione ""Peloro""",Ecos-Med,12,,2025-06-30\n`;
    expect(parseInvoicesCsv(text, TODAY)).toEqual({
      rows: [
        {
          line: 2,
          debtor: 'Ecos-Med',
          creditor: 'Comune, Roccavaldina',
          amountCents: 123450,
          reference: 'INV-7',
          issuedOn: '2025-03-01',
        },
        {
          line: 4,
          debtor: 'Fondazione "Peloro"',
          creditor: 'Ecos-Med',
          amountCents: 1200,
          reference: '',
          issuedOn: '2025-06-30',
        },
      ],
      issues: [],
    });
  });

  it('reports every bad line with its line number and column, not only the first', () => {
    const text = [
      HEADER,
      'A,B,10.00,ok,2025-01-01',
      'A,B,0,zero,2025-01-01',
      ',B,1.999,,2025-13-01',
      'A,B,5,x,2025-07-01',
      'A,B,5',
      `A,B,5,${'r'.repeat(81)},2025-01-01`,
      'A,"B,5,x,2025-01-01',
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      '3:amount_invalid:amount',
      '4:party_missing:debtor',
      '4:amount_invalid:amount',
      '4:date_invalid:issued_on',
      '5:date_in_future:issued_on',
      '6:column_count:',
      '7:reference_too_long:reference',
      '8:unclosed_quote:',
    ]);
  });

  it('needs the header and at least one invoice, and stops at the row limit', () => {
    expect(issuesOf('debtor,creditor,amount\nA,B,1')).toEqual(['1:header_invalid:']);
    expect(issuesOf(`${HEADER}\n\n`)).toEqual(['2:no_rows:']);
    const tooMany = [HEADER, ...Array.from({ length: MAX_INVOICE_CSV_ROWS + 5 }, () => 'A,B,1,,2025-01-01')];
    expect(issuesOf(tooMany.join('\n'))).toEqual([`${MAX_INVOICE_CSV_ROWS + 2}:too_many_rows:`]);
  });

  it.each([
    ['1234.50', 123450],
    ['1234.5', 123450],
    ['0.01', 1],
    ['10000000000', 1_000_000_000_000],
    ['10000000000.01', null],
    ['0', null],
    ['0.00', null],
    ['-5', null],
    ['1,50', null],
    ['1.505', null],
    ['1e3', null],
    ['', null],
  ])('reads %s euros as %s cents', (text, cents) => {
    expect(eurosToCents(text)).toBe(cents);
  });

  it('knows which calendar days exist', () => {
    expect(['2024-02-29', '2025-12-31'].map(isCalendarDay)).toEqual([true, true]);
    expect(['2025-02-29', '2025-04-31', '25-01-01', '2025-1-1'].map(isCalendarDay)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
