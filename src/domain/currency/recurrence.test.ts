import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTERVALS, isCalendarDate, nextOccurrence, occurrence } from './recurrence.ts';

const run = (first: string, every: (typeof INTERVALS)[number], count: number) => {
  const dates = [first];
  while (dates.length < count) dates.push(nextOccurrence(first, every, dates.at(-1) as string));
  return dates;
};

describe('the calendar of a recurring payment', () => {
  it('keeps the anchor day through short months', () => {
    expect(run('2024-01-31', 'month', 5)).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
    expect(run('2025-01-31', 'month', 3)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
  });

  it('steps by quarters and years, clamping 29 February in common years', () => {
    expect(run('2024-11-30', 'quarter', 3)).toEqual(['2024-11-30', '2025-02-28', '2025-05-30']);
    expect(run('2024-02-29', 'year', 5)).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
  });

  it('steps by seven days across months and years', () => {
    expect(run('2024-12-24', 'week', 3)).toEqual(['2024-12-24', '2024-12-31', '2025-01-07']);
  });

  it('tells real days from impossible ones', () => {
    expect(['2024-02-29', '2025-12-31', '2025-01-01'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(
      ['2025-02-29', '2025-13-01', '2025-04-31', '2025-00-10', '25-01-01', ''].map(isCalendarDate),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('always moves forward, lands in the expected month and keeps the anchor day when the month has it', () => {
    const day = fc
      .record({
        year: fc.integer({ min: 2000, max: 2100 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
      })
      .map(
        ({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      )
      .filter(isCalendarDate);
    fc.assert(
      fc.property(
        day,
        fc.constantFrom(...INTERVALS),
        fc.integer({ min: 1, max: 60 }),
        (first, every, steps) => {
          const dates = run(first, every, steps + 1);
          for (let i = 1; i < dates.length; i++) {
            const [previous, current] = [dates[i - 1] as string, dates[i] as string];
            expect(isCalendarDate(current)).toBe(true);
            expect(current > previous).toBe(true);
            expect(current).toBe(occurrence(first, every, i));
            if (every !== 'week') {
              const anchor = Number(first.slice(8));
              const [year, month] = current.split('-').map(Number) as [number, number];
              const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
              expect(Number(current.slice(8))).toBe(Math.min(anchor, length));
            }
          }
        },
      ),
    );
  });
});
