/**
 * Amounts of the cluster currency as people read and type them. The ledger counts integers of the
 * smallest unit; a typed "12,50" becomes 1250 by string arithmetic, never through a float, and a
 * shown amount is built from the integer's digits, so no rounding can creep in either way.
 */

/** The server's largest amount (MAX_AMOUNT_MINOR in the ledger rules). */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

export interface CurrencyUnit {
  readonly code: string;
  readonly symbol: string;
  readonly decimals: number;
}

export type AmountProblem = 'empty' | 'format' | 'tooManyDecimals' | 'notPositive' | 'tooLarge';

export type ParsedAmount = { ok: true; minor: number } | { ok: false; problem: AmountProblem };

function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads a typed amount in the reader's locale: its decimal separator (and a dot, where the dot does
 * not group thousands), its thousands separator only where it groups by three, and no more decimals
 * than the currency has. Returns the amount in minor units.
 */
export function parseAmount(
  text: string,
  decimals: number,
  locale: string,
  options: { allowZero?: boolean } = {},
): ParsedAmount {
  const { decimal, group } = separators(locale);
  const compact = text.replace(SPACES, '');
  if (compact === '') return { ok: false, problem: 'empty' };
  if (compact.startsWith('-')) return { ok: false, problem: 'notPositive' };
  const decimalMarks = group === '.' ? [decimal] : [decimal, '.'];
  const mark = decimalMarks.find((candidate) => compact.includes(candidate));
  const [whole = '', fraction = '', ...rest] = mark ? compact.split(mark) : [compact];
  if (rest.length > 0) return { ok: false, problem: 'format' };
  const groupMark = group.replace(SPACES, '');
  const wholeDigits =
    groupMark !== '' && whole.includes(groupMark)
      ? new RegExp(`^\\d{1,3}(${escapeRegExp(groupMark)}\\d{3})+$`).test(whole)
        ? whole.split(groupMark).join('')
        : null
      : whole;
  if (wholeDigits === null || !/^\d*$/.test(wholeDigits) || !/^\d*$/.test(fraction)) {
    return { ok: false, problem: 'format' };
  }
  if (wholeDigits === '' && fraction === '') return { ok: false, problem: 'format' };
  if (fraction.length > decimals) return { ok: false, problem: 'tooManyDecimals' };
  const minor =
    BigInt(wholeDigits || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (minor > BigInt(MAX_AMOUNT_MINOR)) return { ok: false, problem: 'tooLarge' };
  if (minor === 0n && !options.allowZero) return { ok: false, problem: 'notPositive' };
  return { ok: true, minor: Number(minor) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The minor units as an exact decimal string ("-1234.50"), for Intl and for form fields. */
export function minorToDecimal(minor: number, decimals: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  if (decimals === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** The amount as the reader's locale writes a number, without the currency ("1 234,50"). */
export function formatNumber(minor: number, decimals: number, locale: string): string {
  return numberFormat(locale, decimals, {}).format(
    minorToDecimal(minor, decimals) as Intl.StringNumericLiteral,
  );
}

/**
 * The amount with the currency's symbol where the locale puts a currency sign ("₭1,234.50",
 * "1 234,50 ₭"). ISO's "no currency" code stands in for the cluster's own currency, then gives way
 * to its symbol. `signed` shows a + on credits.
 */
export function formatAmount(
  minor: number,
  unit: CurrencyUnit,
  locale: string,
  options: { signed?: boolean } = {},
): string {
  const format = numberFormat(locale, unit.decimals, {
    style: 'currency',
    currency: 'XXX',
    currencyDisplay: 'code',
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  });
  return format
    .format(minorToDecimal(minor, unit.decimals) as Intl.StringNumericLiteral)
    .replace('XXX', unit.symbol);
}

/** The amount as it is typed back into a field, in the reader's locale but without grouping. */
export function amountInputValue(minor: number, decimals: number, locale: string): string {
  return numberFormat(locale, decimals, { useGrouping: false }).format(
    minorToDecimal(minor, decimals) as Intl.StringNumericLiteral,
  );
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(
  locale: string,
  decimals: number,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const key = JSON.stringify([locale, decimals, options]);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      ...options,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formats.set(key, format);
  }
  return format;
}

/** A percentage given in basis points (250 → "2,5 %"), in the reader's locale. */
export function formatBasisPoints(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}
