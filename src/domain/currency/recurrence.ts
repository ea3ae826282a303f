/**
 * The calendar of a recurring payment: every week, month, quarter or year from a first date.
 * Month-based schedules keep the first date's day of the month and clamp it to shorter months
 * (from 31 January: 29 February in a leap year, then 31 March — never drifting to the 28th).
 * Dates are ISO calendar days (`YYYY-MM-DD`), without a time zone.
 */

export const INTERVALS = ['week', 'month', 'quarter', 'year'] as const;
export type Interval = (typeof INTERVALS)[number];

const MONTHS_PER_STEP: Readonly<Record<Exclude<Interval, 'week'>, number>> = {
  month: 1,
  quarter: 3,
  year: 12,
};
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDay {
  readonly year: number;
  /** 0–11 */
  readonly month: number;
  readonly day: number;
}

function parse(date: string): CalendarDay {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]) - 1, day: Number(match[3]) };
}

const format = ({ year, month, day }: CalendarDay) =>
  `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** Whether the text names a real day (`2024-02-29` does, `2025-02-29` does not). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const { year, month, day } = parse(text);
  return year >= 1 && month >= 0 && month <= 11 && day >= 1 && day <= daysInMonth(year, month);
}

/** The calendar day of an instant, in UTC. */
export const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

/** The occurrence number `index` (0 is the first date itself). */
export function occurrence(firstDueOn: string, every: Interval, index: number): string {
  const first = parse(firstDueOn);
  if (every === 'week') {
    return dayOf(new Date(Date.UTC(first.year, first.month, first.day) + index * 7 * DAY_MS));
  }
  const monthIndex = first.year * 12 + first.month + index * MONTHS_PER_STEP[every];
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  return format({ year, month, day: Math.min(first.day, daysInMonth(year, month)) });
}

/** The occurrence after `dueOn`, which must itself be an occurrence of the schedule. */
export function nextOccurrence(firstDueOn: string, every: Interval, dueOn: string): string {
  const first = parse(firstDueOn);
  const due = parse(dueOn);
  const index =
    every === 'week'
      ? Math.round(
          (Date.UTC(due.year, due.month, due.day) - Date.UTC(first.year, first.month, first.day)) /
            (7 * DAY_MS),
        )
      : Math.round((due.year * 12 + due.month - (first.year * 12 + first.month)) / MONTHS_PER_STEP[every]);
  return occurrence(firstDueOn, every, index + 1);
}
