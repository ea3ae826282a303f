import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  compareQuotients,
  div,
  floor,
  format,
  mul,
  parseDecimal,
  rational,
  sub,
  sum,
  sumTimes,
  toDecimal,
  toExactDecimal,
  toNumber,
} from './rational.ts';

const smallRational = fc
  .tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 1000n }))
  .map(([num, den]) => rational(num, den));

describe('rational numbers', () => {
  it('are kept in lowest terms with a positive denominator, so equal values are deep-equal', () => {
    expect(rational(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(add(rational(1n, 6n), rational(1n, 3n))).toEqual(rational(1n, 2n));
    expect(mul(rational(2n, 3n), rational(3n, 2n))).toEqual(rational(1n));
  });

  it('refuse a zero denominator and division by zero', () => {
    expect(() => rational(1n, 0n)).toThrow(RangeError);
    expect(() => div(rational(1n), rational(0n))).toThrow(RangeError);
  });

  it('obey the field laws exactly', () => {
    fc.assert(
      fc.property(smallRational, smallRational, smallRational, (a, b, c) => {
        expect(sub(add(a, b), b)).toEqual(a);
        expect(mul(a, add(b, c))).toEqual(add(mul(a, b), mul(a, c)));
        if (b.num !== 0n) expect(mul(div(a, b), b)).toEqual(a);
      }),
    );
  });

  it('compare as their values do', () => {
    fc.assert(
      fc.property(smallRational, smallRational, smallRational, smallRational, (a, b, c, d) => {
        expect(compare(a, b)).toBe(Math.sign(toNumber(a) - toNumber(b)));
        if (b.num > 0n && d.num > 0n)
          expect(compareQuotients(a, b, c, d)).toBe(compare(div(a, b), div(c, d)));
      }),
    );
  });

  it('sum many terms the same way as adding them one by one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(smallRational, fc.nat(50))), (terms) => {
        const expected = terms.reduce(
          (total, [value, count]) => add(total, mul(value, rational(count))),
          rational(0),
        );
        expect(sumTimes(terms)).toEqual(expected);
        expect(sum(terms.map(([value]) => value))).toEqual(
          terms.reduce((total, [value]) => add(total, value), rational(0)),
        );
      }),
    );
  });

  it('floor towards minus infinity', () => {
    expect(floor(rational(7n, 2n))).toBe(3n);
    expect(floor(rational(-7n, 2n))).toBe(-4n);
    expect(floor(rational(-6n, 2n))).toBe(-3n);
  });

  it('read and write decimals exactly', () => {
    expect(parseDecimal('1250.75')).toEqual(rational(5003n, 4n));
    expect(parseDecimal('-.5')).toEqual(rational(-1n, 2n));
    for (const text of ['', '1e3', '1,5', '12 000', 'abc', '1.']) expect(parseDecimal(text)).toBeNull();
    expect(toExactDecimal(rational(5003n, 4n))).toBe('1250.75');
    expect(toExactDecimal(rational(1n, 40n))).toBe('0.025');
    expect(toExactDecimal(rational(1n, 3n))).toBeNull();
    expect(toDecimal(rational(2n, 3n), 2)).toBe('0.67');
    expect(toDecimal(rational(-1n, 8n), 2)).toBe('-0.13');
    expect(format(rational(-3n, 4n))).toBe('-3/4');
  });

  it('convert values beyond the float range to the nearest float', () => {
    const huge = rational(3n * 10n ** 400n, 2n * 10n ** 400n + 1n);
    expect(toNumber(huge)).toBeCloseTo(1.5, 12);
  });
});
