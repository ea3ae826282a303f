import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInputValue, formatAmount, MAX_AMOUNT_MINOR, minorToDecimal, parseAmount } from './amount.ts';

const PELORO = { code: 'PEL', symbol: 'PEL', decimals: 2 };

describe('parseAmount', () => {
  it('reads the decimal separator of the reader’s language, without a float', () => {
    expect(parseAmount('12.50', 2, 'en')).toEqual({ ok: true, minor: 1250 });
    expect(parseAmount('12,50', 2, 'lv')).toEqual({ ok: true, minor: 1250 });
    expect(parseAmount('0,1', 2, 'fr')).toEqual({ ok: true, minor: 10 });
    expect(parseAmount('1.234,56', 2, 'it')).toEqual({ ok: true, minor: 123456 });
    // 0.29 * 100 is 28.999999999999996 in floating point; the ledger must get 29.
    expect(parseAmount('0.29', 2, 'en')).toEqual({ ok: true, minor: 29 });
  });

  it('accepts a dot as the decimal mark where the dot does not group thousands', () => {
    expect(parseAmount('12.5', 2, 'fr')).toEqual({ ok: true, minor: 1250 });
    expect(parseAmount('12.5', 2, 'lv')).toEqual({ ok: true, minor: 1250 });
  });

  it('accepts thousands separators only where they group by three', () => {
    expect(parseAmount('1,234.5', 2, 'en')).toEqual({ ok: true, minor: 123450 });
    expect(parseAmount('1 234,5', 2, 'fr')).toEqual({ ok: true, minor: 123450 });
    expect(parseAmount('12,34.5', 2, 'en')).toEqual({ ok: false, problem: 'format' });
  });

  it('refuses more decimals than the currency has', () => {
    expect(parseAmount('1.005', 2, 'en')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(parseAmount('3.5', 0, 'en')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(parseAmount('3', 0, 'en')).toEqual({ ok: true, minor: 3 });
  });

  it('refuses what is not a positive amount within the ledger’s bound', () => {
    expect(parseAmount('', 2, 'en')).toEqual({ ok: false, problem: 'empty' });
    expect(parseAmount('0', 2, 'en')).toEqual({ ok: false, problem: 'notPositive' });
    expect(parseAmount('0', 2, 'en', { allowZero: true })).toEqual({ ok: true, minor: 0 });
    expect(parseAmount('-5', 2, 'en')).toEqual({ ok: false, problem: 'notPositive' });
    expect(parseAmount('1e3', 2, 'en')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmount('1.2.3', 2, 'en')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmount('.', 2, 'en')).toEqual({ ok: false, problem: 'format' });
    expect(parseAmount('10000000001', 2, 'en')).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('gives back exactly the amount that was shown, in every language and number of decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_AMOUNT_MINOR }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('en', 'lv', 'fr', 'it'),
        (minor, decimals, locale) => {
          const shown = amountInputValue(minor, decimals, locale);
          expect(parseAmount(shown, decimals, locale)).toEqual({ ok: true, minor });
        },
      ),
    );
  });
});

describe('formatAmount', () => {
  it('writes the currency’s decimals and symbol where the language puts them', () => {
    expect(formatAmount(123450, PELORO, 'en')).toBe('PEL\u00a01,234.50');
    // Italian groups thousands from five digits on.
    expect(formatAmount(123450, PELORO, 'it')).toBe('1234,50\u00a0PEL');
    expect(formatAmount(12345650, PELORO, 'it')).toBe('123.456,50\u00a0PEL');
    expect(formatAmount(-5, PELORO, 'en')).toBe('-PEL\u00a00.05');
    expect(formatAmount(5, PELORO, 'en', { signed: true })).toBe('+PEL\u00a00.05');
  });

  it('keeps every digit of large amounts', () => {
    expect(minorToDecimal(999_999_999_999, 2)).toBe('9999999999.99');
    expect(minorToDecimal(-7, 3)).toBe('-0.007');
    expect(formatAmount(999_999_999_999, { code: 'X', symbol: '₭', decimals: 4 }, 'en')).toBe(
      '₭\u00a099,999,999.9999',
    );
  });
});
