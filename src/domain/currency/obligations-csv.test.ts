import { describe, expect, it } from 'vitest';
import { ObligationCsvError, parseObligationsCsv } from './obligations-csv.ts';

const problemOf = (text: string) => {
  try {
    parseObligationsCsv(text);
    return null;
  } catch (error) {
    return error instanceof ObligationCsvError ? `${error.line}:${error.problem}` : String(error);
  }
};

describe('obligations CSV', () => {
  it('reads debtor, creditor and amount in minor units, with quoting and blank lines', () => {
    const text =
      '\uFEFFdebtor,creditor,amount\r\nEcos-Med,"Fondazione ""MeSSInA""",12550\n\n"Comune, Roccavaldina",Ecos-Med,300\n';
    expect(parseObligationsCsv(text)).toEqual([
      { debtor: 'Ecos-Med', creditor: 'Fondazione "MeSSInA"', amount: 12550 },
      { debtor: 'Comune, Roccavaldina', creditor: 'Ecos-Med', amount: 300 },
    ]);
  });

  it.each([
    ['debtor;creditor;amount\nA;B;1', '1:header_invalid'],
    ['debtor,creditor,amount\nA,B', '2:column_count'],
    ['debtor,creditor,amount\nA,B,1\n,B,1', '3:name_missing'],
    ['debtor,creditor,amount\nA,B,12.50', '2:amount_invalid'],
    ['debtor,creditor,amount\nA,B,0', '2:amount_invalid'],
    ['debtor,creditor,amount\nA,B,-5', '2:amount_invalid'],
    ['debtor,creditor,amount\nA,B,1e3', '2:amount_invalid'],
    ['debtor,creditor,amount\nA,B,9999999999999999', '2:amount_invalid'],
    ['debtor,creditor,amount\nA,A,5', '2:self_obligation'],
    ['debtor,creditor,amount\n"A,B,5', '2:unclosed_quote'],
  ])('names the line of the problem in %j', (text, expected) => {
    expect(problemOf(text)).toBe(expected);
  });

  it('says what is wrong in words a member can act on', () => {
    expect(() => parseObligationsCsv('debtor,creditor,amount\nA,B,12.50')).toThrow(
      'line 2: the amount must be a positive whole number of minor units (cents), e.g. 12550',
    );
  });
});
