/**
 * Exact rational numbers on bigint, always normalised (lowest terms, positive denominator), so two
 * equal values have equal parts and can be compared with `equals` or deep equality. Budgeting
 * decisions — who can afford what, which project is cheapest per vote — use these, never floats:
 * a float rounding could fund a different project than the one the rules prescribe.
 */

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const rest = x % y;
    x = y;
    y = rest;
  }
  return x;
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { num: n, den: 1n };
  const divisor = gcd(n, d);
  return divisor === 1n ? { num: n, den: d } : { num: n / divisor, den: d / divisor };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

export const add = (a: Rational, b: Rational): Rational =>
  a.den === b.den ? rational(a.num + b.num, a.den) : rational(a.num * b.den + b.num * a.den, a.den * b.den);

export const sub = (a: Rational, b: Rational): Rational =>
  a.den === b.den ? rational(a.num - b.num, a.den) : rational(a.num * b.den - b.num * a.den, a.den * b.den);

export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);

export const div = (a: Rational, b: Rational): Rational => {
  if (b.num === 0n) throw new RangeError('rational: division by zero');
  return rational(a.num * b.den, a.den * b.num);
};

/** Multiplies by a whole number (a voter count, say) without building a rational for it. */
export const scale = (a: Rational, factor: bigint | number): Rational =>
  rational(a.num * BigInt(factor), a.den);

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Compares a / b with c / d for positive b and d, without building (and reducing) the quotients. */
export function compareQuotients(a: Rational, b: Rational, c: Rational, d: Rational): -1 | 0 | 1 {
  const left = a.num * b.den * c.den * d.num;
  const right = c.num * d.den * a.den * b.num;
  return left < right ? -1 : left > right ? 1 : 0;
}

export const equals = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;
export const isZero = (a: Rational): boolean => a.num === 0n;
export const isNegative = (a: Rational): boolean => a.num < 0n;
export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (compare(a, b) >= 0 ? a : b);

export function sum(values: Iterable<Rational>): Rational {
  const terms: [Rational, number][] = [];
  for (const value of values) terms.push([value, 1]);
  return sumTimes(terms);
}

/**
 * Σ value × count over [value, count] terms. Terms with the same denominator are added as whole
 * numbers before anything is reduced, which saves most of the work when summing budgets that came
 * out of the same payments; the partial sums are then combined pairwise, so no reduction works on
 * an ever-growing total.
 */
export function sumTimes(terms: Iterable<readonly [Rational, number]>): Rational {
  const numeratorByDenominator = new Map<bigint, bigint>();
  for (const [value, count] of terms) {
    const times = count === 1 ? value.num : value.num * BigInt(count);
    numeratorByDenominator.set(value.den, (numeratorByDenominator.get(value.den) ?? 0n) + times);
  }
  let partials = [...numeratorByDenominator].map(([den, num]) => rational(num, den));
  if (partials.length === 0) return ZERO;
  while (partials.length > 1) {
    const next: Rational[] = [];
    for (let i = 0; i < partials.length; i += 2) {
      const right = partials[i + 1];
      next.push(right ? add(partials[i] as Rational, right) : (partials[i] as Rational));
    }
    partials = next;
  }
  return partials[0] as Rational;
}

/** The greatest whole number not above the value. */
export function floor(a: Rational): bigint {
  const quotient = a.num / a.den;
  return a.num < 0n && quotient * a.den !== a.num ? quotient - 1n : quotient;
}

const bitLength = (n: bigint): number => (n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length);

/** The nearest float, for display and for proposing candidates that are then confirmed exactly. */
export function toNumber(a: Rational): number {
  const excess = Math.max(bitLength(a.num), bitLength(a.den)) - 1000;
  if (excess <= 0) return Number(a.num) / Number(a.den);
  // Beyond a float's range the parts would each overflow to Infinity; drop equal low bits first.
  const shift = BigInt(excess);
  return Number(a.num >> shift) / Number(a.den >> shift);
}

/** Decimal text with `places` digits after the point, rounded half away from zero ("-2.50"). */
export function toDecimal(a: Rational, places: number): string {
  const unit = 10n ** BigInt(places);
  const magnitude = a.num < 0n ? -a.num : a.num;
  const rounded = (2n * magnitude * unit + a.den) / (2n * a.den);
  const digits = rounded.toString().padStart(places + 1, '0');
  const sign = a.num < 0n && rounded !== 0n ? '-' : '';
  if (places === 0) return sign + digits;
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** "7", "-3/4": exact and short, the form used in JSON output. */
export const format = (a: Rational): string => (a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`);

/** Exact decimal text ("12.5") when the value has one, i.e. its denominator divides a power of ten. */
export function toExactDecimal(a: Rational): string | null {
  let places = 0;
  let rest = a.den;
  while (rest % 10n === 0n) [rest, places] = [rest / 10n, places + 1];
  while (rest % 2n === 0n || rest % 5n === 0n) {
    rest = rest % 2n === 0n ? rest / 2n : rest / 5n;
    places += 1;
  }
  return rest === 1n ? toDecimal(a, places) : null;
}

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d+))?$|^([+-]?)\.(\d+)$/;

/** Reads "12", "-0.5", "1250.75" exactly; anything else (exponents, thousands separators) is null. */
export function parseDecimal(text: string): Rational | null {
  const match = DECIMAL_RE.exec(text.trim());
  if (!match) return null;
  const sign = match[1] ?? match[4] ?? '';
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? match[5] ?? '';
  const num = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  return rational(num, 10n ** BigInt(fraction.length));
}
