/** An account's history as CSV (RFC 4180), amounts in the currency's units with a dot for decimals. */

interface StatementRow {
  readonly id: string;
  readonly createdAt: string;
  readonly kind: string;
  readonly direction: 'in' | 'out' | null;
  readonly amountMinor: number;
  readonly balanceAfterMinor: number | null;
  readonly counterpartyName: string;
  readonly description: string;
}

export function formatMinor(amountMinor: number, decimals: number): string {
  const sign = amountMinor < 0 ? '-' : '';
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(decimals + 1, '0');
  return decimals === 0
    ? `${sign}${digits}`
    : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** Text a spreadsheet would run as a formula is kept as text. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function historyCsv(rows: readonly StatementRow[], decimals: number): string {
  const lines = ['date,kind,counterparty,description,amount,balance_after,transfer_id'];
  for (const row of rows) {
    // A hold or its release does not move the balance; it is listed with amount 0 moved.
    const moves = row.kind !== 'hold' && row.kind !== 'void';
    const signed = moves ? (row.direction === 'out' ? -row.amountMinor : row.amountMinor) : 0;
    lines.push(
      [
        row.createdAt,
        row.kind,
        cell(row.counterpartyName),
        cell(row.description),
        formatMinor(signed, decimals),
        row.balanceAfterMinor === null ? '' : formatMinor(row.balanceAfterMinor, decimals),
        row.id,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
